//! Bindingness in words: the date judged, and for each state that owes a rule's duty, whether
//! the provision binds it and why.

use std::fmt::Write;

use serde_json::{json, Value};

use super::evidence::Join;
use super::{Checked, Words};
use crate::rules::ast::{Duty, Party, Strength};
use crate::rules::ratify::{
    Binding, DateBasis, Entry, Judged, Ratifications, Ratified, Reason, Standing, Status,
};
use crate::rules::Finding;
use crate::t;
use crate::vocab::Date;

/// The sentence every report opens its bindingness with.
pub fn judged_line(w: &Words, j: &Judged) -> String {
    let basis = match j.basis {
        DateBasis::Program => "judged.program",
        DateBasis::Given => "judged.given",
        DateBasis::Today => "judged.today",
    };
    t!(
        w.lang,
        "judged.line",
        date = w.date(j.date),
        basis = t!(w.lang, basis)
    )
}

/// Who owes a duty, in words.
pub fn duty_words(w: &Words, d: Duty) -> String {
    t!(w.lang, &format!("duty.{}", d.word()))
}

/// One line on whether the provision binds each state that owes its duty.
pub fn binding_line(w: &Words, c: &Checked, f: &Finding) -> String {
    let lang = w.lang;
    if f.rule.strength != Strength::Binding {
        return t!(
            lang,
            "note.not_treaty",
            instrument = f.rule.instrument,
            reference = t!(lang, "note.reference")
        );
    }
    let owed: Vec<&Binding> = f.binding.iter().filter(|b| b.duty).collect();
    if owed.is_empty() {
        let key = match f.rule.duty {
            Duty::Origin => "binding.no_origin",
            _ => "binding.no_destination",
        };
        return t!(lang, key, duty = duty_words(w, f.rule.duty));
    }
    let date = c.judged.date;
    owed.iter()
        .map(|b| {
            t!(
                lang,
                "binding.state",
                party = party_word(w, b.party),
                state = b.state,
                note = note(w, c, b, date)
            )
        })
        .collect::<Vec<_>>()
        .join(w.semicolon())
}

fn party_word(w: &Words, p: Party) -> String {
    match p {
        Party::Destination => t!(w.lang, "party.destination"),
        Party::Origin => t!(w.lang, "party.origin"),
    }
}

/// Why a provision binds a state or not, in plain words.
pub fn note(w: &Words, c: &Checked, b: &Binding, date: Date) -> String {
    let lang = w.lang;
    let (state, instrument) = (&b.state, &b.instrument);
    let day = |d: Option<Date>| d.map_or(String::new(), |d| w.date(d));
    // Each part is put into words only where the sentence uses it.
    let since = || {
        b.in_force
            .map_or(String::new(), |d| t!(lang, "note.since", date = w.date(d)))
    };
    let ratified = || match b.ratified {
        Some(Ratified::On(d)) => t!(lang, "note.ratified_on", date = w.date(d)),
        Some(Ratified::In(y)) => t!(lang, "note.ratified_in", year = y),
        None => t!(lang, "note.ratified_unknown"),
    };
    let reference = || t!(lang, "note.reference");
    let date = || w.date(date);
    match b.reason {
        Reason::InForce => match &b.territory {
            Some(territory) => t!(
                lang,
                "note.binding_territory",
                territory = territory,
                instrument = instrument,
                since = since()
            ),
            None => t!(
                lang,
                "note.binding",
                instrument = instrument,
                ratified = ratified(),
                since = since()
            ),
        },
        Reason::NotATreaty => t!(
            lang,
            "note.not_treaty",
            instrument = instrument,
            reference = reference()
        ),
        Reason::NoData | Reason::Unknown => t!(
            lang,
            "note.unverified",
            state = state,
            instrument = instrument,
            reference = reference()
        ),
        Reason::NotRatified => match b.as_of {
            Some(list) => t!(
                lang,
                "note.not_ratified_as_of",
                state = state,
                instrument = instrument,
                date = w.date(list),
                reference = reference()
            ),
            None => t!(
                lang,
                "note.not_ratified",
                state = state,
                instrument = instrument,
                reference = reference()
            ),
        },
        Reason::NotRatifiedLaterUnverified => t!(
            lang,
            "note.not_ratified_later",
            state = state,
            instrument = instrument,
            date = day(b.as_of),
            reference = reference()
        ),
        Reason::RatifiedLater => t!(
            lang,
            "note.ratified_later",
            state = state,
            instrument = instrument,
            ratified = ratified(),
            date = date()
        ),
        Reason::NotYetInForce => t!(
            lang,
            "note.not_yet",
            state = state,
            instrument = instrument,
            ratified = ratified(),
            from = day(b.in_force),
            date = date()
        ),
        Reason::DateUncertain => t!(
            lang,
            "note.uncertain",
            state = state,
            instrument = instrument,
            ratified = ratified(),
            date = date(),
            reference = reference()
        ),
        Reason::Denounced => t!(
            lang,
            "note.denounced",
            state = state,
            instrument = instrument,
            date = day(b.denounced)
        ),
        Reason::PartExcluded => t!(
            lang,
            "note.part_excluded",
            state = state,
            instrument = instrument,
            part = part_words(w, b),
            reference = reference()
        ),
        Reason::ExclusionsUnknown => t!(
            lang,
            "note.exclusions_unknown",
            state = state,
            instrument = instrument,
            part = part_words(w, b),
            reference = reference()
        ),
        Reason::TerritoryLimited => {
            let territory = b
                .territory
                .clone()
                .unwrap_or_else(|| t!(lang, "note.part_of_state"));
            let covers = c
                .territory()
                .map_or_else(|| t!(lang, "note.all_of", state = state), str::to_string);
            t!(
                lang,
                "note.territory_limited",
                territory = territory,
                since = since(),
                covers = covers
            )
        }
    }
}

fn part_words(w: &Words, b: &Binding) -> String {
    match b.part.as_deref().and_then(|p| p.split_once('_')) {
        Some(("annex", n)) => t!(w.lang, "part.annex", n = n.to_uppercase()),
        Some(("part", n)) => t!(w.lang, "part.part", n = n.to_uppercase()),
        _ => b.part.clone().unwrap_or_else(|| t!(w.lang, "part.this")),
    }
}

/// The words for a standing.
pub fn standing_word(w: &Words, s: Standing) -> String {
    let key = match s {
        Standing::InForce => "standing.in_force",
        Standing::RatifiedNotInForce => "standing.ratified_not_in_force",
        Standing::NotRatified => "standing.not_ratified",
        Standing::Denounced => "standing.denounced",
        Standing::Unknown => "standing.unknown",
        Standing::NotATreaty => "standing.not_a_treaty",
    };
    t!(w.lang, key)
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
fn row_words(w: &Words, data: &Ratifications, e: &Entry) -> String {
    let lang = w.lang;
    let mut parts = vec![match e.status {
        Status::Ratified => match (e.ratified, e.ratified_by) {
            (Some(Ratified::On(d)), _) => t!(lang, "row.ratified_on", date = w.date(d)),
            (Some(Ratified::In(y)), _) => t!(lang, "row.ratified_in", year = y),
            (None, Some(by)) => t!(lang, "row.ratified_by", date = w.date(by)),
            (None, None) => t!(lang, "row.ratified"),
        },
        Status::NotRatified => match e.as_of {
            Some(d) => t!(lang, "row.not_ratified_as_of", date = w.date(d)),
            None => t!(lang, "standing.not_ratified"),
        },
        Status::Unknown => t!(lang, "standing.unknown"),
    }];
    if let Some(d) = data.in_force(e) {
        let key = match e.in_force_basis.as_deref() {
            Some("source") => "row.in_force",
            _ => "row.in_force_computed",
        };
        parts.push(t!(lang, key, date = w.date(d)));
    }
    if let Some(territory) = &e.territory {
        parts.push(t!(lang, "row.territory", territory = territory));
    }
    if !e.excluded.is_empty() {
        parts.push(t!(
            lang,
            "row.excluded",
            parts = w.list(&e.excluded, Join::And)
        ));
    }
    if e.exclusions_unknown {
        parts.push(t!(lang, "row.exclusions_unknown"));
    }
    if let Some(d) = e.denounced {
        parts.push(t!(lang, "row.denounced", date = w.date(d)));
    }
    parts.join(w.semicolon())
}

/// The ratification data for `state` (or every state) as text, with where each instrument
/// stands at `date` when one is given.
pub fn table(w: &Words, data: &Ratifications, state: Option<&str>, date: Option<Date>) -> String {
    let lang = w.lang;
    let mut out = String::new();
    for code in states_of(data, state) {
        let _ = writeln!(out, "{code}");
        for i in data.instruments() {
            let Some(e) = data.lookup(code, &i.code) else {
                let _ = writeln!(out, "  {:<6} {}", i.code, t!(lang, "row.no_source"));
                continue;
            };
            let _ = writeln!(out, "  {:<6} {}", i.code, row_words(w, data, e));
            if let Some(d) = date {
                let (s, _) = data.standing(e, d);
                let at = t!(
                    lang,
                    "row.at",
                    date = w.date(d),
                    standing = standing_word(w, s)
                );
                let _ = writeln!(out, "         {at}");
            }
            if let Some(n) = &e.note {
                let _ = writeln!(out, "         {}", t!(lang, "row.note", note = n));
            }
            let _ = writeln!(
                out,
                "         {}",
                t!(lang, "row.source", source = e.source)
            );
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
