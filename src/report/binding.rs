//! Bindingness in words: the date judged, and for each state that owes a rule's duty, whether
//! the provision binds it and why.

use std::fmt::Write;

use serde_json::{json, Value};

use super::Checked;
use crate::rules::ast::{Duty, Party, Strength};
use crate::rules::ratify::{
    Binding, DateBasis, Entry, Judged, Ratifications, Ratified, Reason, Standing, Status,
};
use crate::rules::Finding;
use crate::vocab::Date;

/// The sentence every report opens its bindingness with.
pub fn judged_line(j: &Judged) -> String {
    let basis = match j.basis {
        DateBasis::Program => "the program's `as_of` date",
        DateBasis::Given => "the date given with `--as-of`",
        DateBasis::Today => "today: the program states no `as_of` date",
    };
    format!("bindingness judged at {} ({basis})", j.date)
}

/// Who owes a duty, in words.
pub fn duty_words(d: Duty) -> &'static str {
    match d {
        Duty::Destination => "the destination state",
        Duty::Origin => "the origin state",
        Duty::Joint => "both states jointly",
        Duty::EachState => "each state, for what happens in its territory",
    }
}

/// One line on whether the provision binds each state that owes its duty.
pub fn binding_line(c: &Checked, f: &Finding) -> String {
    if f.strength != Strength::Binding {
        return format!(
            "{} is not a treaty: a standard of reference, not a legal obligation",
            f.instrument
        );
    }
    let owed: Vec<&Binding> = f.binding.iter().filter(|b| b.duty).collect();
    if owed.is_empty() {
        let who = match f.duty {
            Duty::Origin => "origin",
            _ => "destination",
        };
        return format!(
            "bindingness: owed by {}, and the program names no {who} state",
            duty_words(f.duty)
        );
    }
    let date = c.judged.date;
    owed.iter()
        .map(|b| format!("{} {}: {}", party_word(b.party), b.state, note(c, b, date)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn party_word(p: Party) -> &'static str {
    match p {
        Party::Destination => "destination",
        Party::Origin => "origin",
    }
}

/// Why a provision binds a state or not, in plain words.
pub fn note(c: &Checked, b: &Binding, date: Date) -> String {
    let (code, i) = (&b.state, &b.instrument);
    let since = b
        .in_force
        .map_or(String::new(), |d| format!(", in force since {d}"));
    let ratified = match b.ratified {
        Some(Ratified::On(d)) => format!("on {d}"),
        Some(Ratified::In(y)) => format!("in {y}"),
        None => "on a date not known".into(),
    };
    let reference = "a standard of reference, not a legal obligation";
    match b.reason {
        Reason::InForce => match &b.territory {
            Some(t) => format!("binding for {t} only, which the program covers ({i}{since})"),
            None => format!("binding ({i} ratified {ratified}{since})"),
        },
        Reason::NotATreaty => format!("{i} is not a treaty: {reference}"),
        Reason::NoData | Reason::Unknown => {
            format!("ratification of {i} by {code} could not be verified: {reference}")
        }
        Reason::NotRatified => match b.as_of {
            Some(list) => format!("{code} had not ratified {i} as of {list}: {reference}"),
            None => format!("{code} has not ratified {i}: {reference}"),
        },
        Reason::NotRatifiedLaterUnverified => format!(
            "{code} had not ratified {i} as of {}; later ratification not verified: {reference}",
            b.as_of.map_or(String::new(), |d| d.to_string())
        ),
        Reason::RatifiedLater => {
            format!("{code} ratified {i} {ratified}, after {date}: not binding at that date")
        }
        Reason::NotYetInForce => format!(
            "{code} ratified {i} {ratified}, in force from {}: not yet binding at {date}",
            b.in_force.map_or(String::new(), |d| d.to_string())
        ),
        Reason::DateUncertain => format!(
            "{code} ratified {i} {ratified}; whether it was in force at {date} cannot be settled: {reference}"
        ),
        Reason::Denounced => format!(
            "{code} denounced {i} with effect from {}: no longer binding",
            b.denounced.map_or(String::new(), |d| d.to_string())
        ),
        Reason::PartExcluded => format!(
            "{code} ratified {i} but excluded {}: {reference}",
            part_words(b)
        ),
        Reason::ExclusionsUnknown => format!(
            "{code} ratified {i}; whether it excluded {} is not known: {reference}",
            part_words(b)
        ),
        Reason::TerritoryLimited => {
            let t = b.territory.as_deref().unwrap_or("part of the state");
            let covers = c
                .territory()
                .map_or(format!("all of {code}"), |p| p.to_string());
            format!("binding for {t} only{since}; the program covers {covers}: binding there only")
        }
    }
}

fn part_words(b: &Binding) -> String {
    match b.part.as_deref().and_then(|p| p.split_once('_')) {
        Some(("annex", n)) => format!("Annex {}", n.to_uppercase()),
        Some(("part", n)) => format!("Part {}", n.to_uppercase()),
        _ => b.part.clone().unwrap_or_else(|| "this part".into()),
    }
}

/// The word for a standing.
pub fn standing_word(s: Standing) -> &'static str {
    match s {
        Standing::InForce => "in force",
        Standing::RatifiedNotInForce => "ratified, not yet in force",
        Standing::NotRatified => "not ratified",
        Standing::Denounced => "denounced",
        Standing::Unknown => "unknown",
        Standing::NotATreaty => "not a treaty",
    }
}

/// The states to list: `state`, or every state in the data in its order.
fn states_of<'a>(data: &'a Ratifications, state: Option<&'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for e in data.entries() {
        if state.is_none_or(|s| s == e.state) && !out.contains(&e.state.as_str()) {
            out.push(&e.state);
        }
    }
    if out.is_empty() {
        out.extend(state);
    }
    out
}

/// What a row says, in one phrase: status, dates and limits.
fn row_words(data: &Ratifications, e: &Entry) -> String {
    let mut parts = vec![match e.status {
        Status::Ratified => match (e.ratified, e.ratified_by) {
            (Some(Ratified::On(d)), _) => format!("ratified {d}"),
            (Some(Ratified::In(y)), _) => format!("ratified in {y} (day not known)"),
            (None, Some(by)) => format!("ratified by {by} at the latest"),
            (None, None) => "ratified (date not known)".into(),
        },
        Status::NotRatified => match e.as_of {
            Some(d) => format!("not ratified as of {d}"),
            None => "not ratified".into(),
        },
        Status::Unknown => "unknown".into(),
    }];
    if let Some(d) = data.in_force(e) {
        let how = match e.in_force_basis.as_deref() {
            Some("source") => "",
            _ => " (computed)",
        };
        parts.push(format!("in force {d}{how}"));
    }
    if let Some(t) = &e.territory {
        parts.push(format!("{t} only"));
    }
    if !e.excluded.is_empty() {
        parts.push(format!("excluded: {}", e.excluded.join(", ")));
    }
    if e.exclusions_unknown {
        parts.push("exclusions not known".into());
    }
    if let Some(d) = e.denounced {
        parts.push(format!("denounced with effect from {d}"));
    }
    parts.join("; ")
}

/// The ratification data for `state` (or every state) as text, with where each instrument
/// stands at `date` when one is given.
pub fn table(data: &Ratifications, state: Option<&str>, date: Option<Date>) -> String {
    let mut out = String::new();
    for code in states_of(data, state) {
        let _ = writeln!(out, "{code}");
        for i in data.instruments() {
            let Some(e) = data.lookup(code, &i.code) else {
                let _ = writeln!(out, "  {:<6} unknown: no source in the data", i.code);
                continue;
            };
            let _ = writeln!(out, "  {:<6} {}", i.code, row_words(data, e));
            if let Some(d) = date {
                let (s, _) = data.standing(e, d);
                let _ = writeln!(out, "         at {d}: {}", standing_word(s));
            }
            if let Some(n) = &e.note {
                let _ = writeln!(out, "         note: {n}");
            }
            let _ = writeln!(out, "         source: {}", e.source);
        }
    }
    out
}

/// The same as JSON: per state, per instrument, the row as the data has it, with the entry
/// into force the engine uses and the standing at `date`.
pub fn table_json(data: &Ratifications, state: Option<&str>, date: Option<Date>) -> Value {
    let states: Vec<Value> = states_of(data, state)
        .into_iter()
        .map(|code| {
            let rows: Vec<Value> = data
                .instruments()
                .iter()
                .map(|i| match data.lookup(code, &i.code) {
                    None => json!({"instrument": i.code, "status": "unknown", "source": null}),
                    Some(e) => {
                        let mut v = json!(e);
                        if let Some(row) = v.as_object_mut() {
                            row.insert("in_force".into(), json!(data.in_force(e)));
                            if let Some(d) = date {
                                row.insert(
                                    "at_date".into(),
                                    json!({"date": d, "status": data.standing(e, d).0}),
                                );
                            }
                        }
                        v
                    }
                })
                .collect();
            json!({"state": code, "instruments": rows})
        })
        .collect();
    json!({"as_of": date, "states": states})
}
