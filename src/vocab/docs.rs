//! The vocabulary as documentation: every word a program can use, as plain text, Markdown and
//! JSON, all made from the same groups.

use serde_json::{json, Value};

use super::{
    countries, currencies, Better, Kind, Modifier, ADVERSE_STATUSES, BUILTIN_PARTIES, COSTS,
    DURATION_UNITS, DURATION_WORDS, FEES, HOUR_UNITS, MODIFIERS, PARTY_ROLES, PERCENT_UNITS,
    STATUS_CATEGORIES, TERMS, TRIGGERS, WAGE_MONTHS,
};

/// Which direction of a term protects more, in a few words (empty for descriptive terms).
pub fn direction(b: Better) -> &'static str {
    match b {
        Better::Higher => "higher",
        Better::Lower => "lower",
        Better::Yes => "yes",
        Better::No => "no",
        Better::Ordered => "later values",
        Better::More => "more items",
        Better::Fewer => "fewer items",
        Better::Worker => "the worker",
        Better::NotWorker => "not the worker",
        Better::Neutral => "",
    }
}

/// A group of words a program can use besides the terms: status categories, triggers, roles,
/// costs, units and the like.
#[derive(Debug, Clone)]
pub struct Words {
    /// The group's key in the JSON listing (`status_categories`).
    pub key: &'static str,
    /// The group's title (`Status categories`).
    pub title: &'static str,
    /// What the words are for, with an example.
    pub doc: String,
    /// The words.
    pub words: Vec<&'static str>,
}

fn code_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn units<'a>(table: &'a [(&'static str, f64)]) -> impl Iterator<Item = &'static str> + 'a {
    table.iter().map(|(u, _)| *u)
}

/// Every group of words besides the terms and the modifiers, in the order the docs list them.
pub fn groups() -> Vec<Words> {
    let mut unit_words: Vec<&'static str> = Vec::new();
    let all = units(DURATION_UNITS)
        .chain(units(HOUR_UNITS))
        .chain(WAGE_MONTHS.iter().copied())
        .chain(units(PERCENT_UNITS));
    for u in all {
        if !unit_words.contains(&u) {
            unit_words.push(u);
        }
    }
    vec![
        Words {
            key: "status_categories",
            title: "Status categories",
            doc: format!(
                "each status a program declares takes one (`statuses {{ waiting job_seeking }}`), \
                 and a category names a status of its own; a move into {} works against the worker",
                code_list(ADVERSE_STATUSES)
            ),
            words: STATUS_CATEGORIES.to_vec(),
        },
        Words {
            key: "triggers",
            title: "Triggers",
            doc: "events that move a worker from one status to another \
                  (`employed -> job_seeking on job_loss`)"
                .into(),
            words: TRIGGERS.to_vec(),
        },
        Words {
            key: "party_roles",
            title: "Party roles",
            doc: "roles a party declared in `parties` takes (`parties { joint_body joint_committee }`)"
                .into(),
            words: PARTY_ROLES.to_vec(),
        },
        Words {
            key: "builtin_parties",
            title: "Built-in parties",
            doc: "parties every program may name without declaring them".into(),
            words: BUILTIN_PARTIES.to_vec(),
        },
        Words {
            key: "costs",
            title: "Costs",
            doc: format!(
                "what a money flow is for (`worker pays visa 85 CAD`); a percentage written for a \
                 fee ({}) is read as a share of the fee, with a warning",
                code_list(FEES)
            ),
            words: COSTS.to_vec(),
        },
        Words {
            key: "units",
            title: "Units",
            doc: format!(
                "durations take {}; hours take {}; money takes an ISO 4217 currency code ({} codes, \
                 such as `EUR`) or {}; percentages take {}",
                code_list(&units(DURATION_UNITS).collect::<Vec<_>>()),
                code_list(&units(HOUR_UNITS).collect::<Vec<_>>()),
                currencies().count(),
                code_list(WAGE_MONTHS),
                code_list(&units(PERCENT_UNITS).collect::<Vec<_>>()),
            ),
            words: unit_words,
        },
        Words {
            key: "duration_words",
            title: "Duration words",
            doc: "words a duration can be instead of a length of time (`grace_period rest_of_permit`)"
                .into(),
            words: DURATION_WORDS.to_vec(),
        },
    ]
}

/// How a modifier is written: `within DURATION`, `deducted`.
fn syntax(m: &Modifier) -> String {
    let takes = m.takes.map(|k| match k {
        Kind::Duration => "DURATION",
        Kind::Party => "PARTY",
        Kind::PartyList => "[PARTY, …]",
        Kind::Text => "\"TEXT\"",
        _ => "AMOUNT",
    });
    match (m.word, takes) {
        ("amount", Some(t)) => t.to_string(),
        (w, Some(t)) => format!("{w} {t}"),
        (w, None) => w.to_string(),
    }
}

/// A modifier's protective directions in words: the same for both kinds of clause, or each.
fn directions(m: &Modifier) -> String {
    // A word on its own protects more where it is written, or where it is left out.
    let word = |b: Better| match (m.takes, b) {
        (None, Better::Yes) => "written",
        (None, Better::No) => "left out",
        _ => direction(b),
    };
    let (f, a) = (word(m.for_worker), word(m.against_worker));
    let against = match m.clause {
        super::Clause::Transition => "for a move into an adverse status",
        super::Clause::Flow => "where the worker pays",
    };
    match (f, a) {
        (f, a) if f == a => f.to_string(),
        ("", a) => format!("{a} {against}"),
        (f, "") => format!("{f}, none {against}"),
        (f, a) => format!("{f} ({a} {against})"),
    }
}

/// The vocabulary as plain text: one line per term, then each group of words, then the
/// modifiers of transitions and money flows.
pub fn plain() -> String {
    let mut out = String::from("Terms (`key value`, in the block their path names):\n");
    for t in TERMS {
        out.push_str(&format!(
            "  {:<44} {:<48} {}\n",
            t.path,
            t.kind.describe(),
            t.doc
        ));
    }
    for g in groups() {
        out.push_str(&format!("\n{}: {}.\n", g.title, g.doc));
        out.push_str(&wrap(&g.words.join(", "), "  ", 100));
    }
    out.push_str("\nModifiers of transitions and money flows:\n");
    for m in MODIFIERS {
        let more = directions(m);
        let more = if more.is_empty() {
            String::new()
        } else {
            format!("; more protective: {more}")
        };
        out.push_str(&format!(
            "  {:<11} {:<20} {}{more}. For example `{}`\n",
            m.clause.name(),
            syntax(m),
            m.doc,
            m.example
        ));
    }
    out
}

/// `text` broken into lines of at most `width` characters at spaces, each starting with `pad`.
fn wrap(text: &str, pad: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(pad);
    for word in text.split(' ') {
        if line.len() > pad.len() && line.len() + 1 + word.len() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(pad);
        }
        if line.len() > pad.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The vocabulary reference in Markdown.
pub fn markdown() -> String {
    let mut out = String::from(
        "# The fairpath vocabulary\n\nGenerated by `fairpath terms --format markdown`; \
         `fairpath language` explains the language. \
         \"More protective\" is the direction the property tests use for monotonicity and \
         `fairpath diff` uses to say which draft protects more.\n\n\
         | term | type | more protective | meaning | example |\n|---|---|---|---|---|\n",
    );
    for t in TERMS {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | `{}` |\n",
            t.path,
            t.kind.describe().replace('|', "\\|"),
            direction(t.better),
            t.doc,
            t.example
        ));
    }
    for g in groups() {
        out.push_str(&format!(
            "\n## {}\n\n{}{}.\n\n{}\n",
            g.title,
            g.doc.get(..1).unwrap_or_default().to_uppercase(),
            g.doc.get(1..).unwrap_or_default(),
            code_list(&g.words)
        ));
    }
    out.push_str(
        "\n## Modifiers\n\nWords that qualify a transition or a money flow. A transition into \
         an adverse status, or a cost the worker pays, works against the worker: where the \
         direction differs, it is given for each.\n\n\
         | clause | written | more protective | meaning | example |\n|---|---|---|---|---|\n",
    );
    for m in MODIFIERS {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | `{}` |\n",
            m.clause.name(),
            syntax(m).replace('|', "\\|"),
            directions(m),
            m.doc,
            m.example
        ));
    }
    out
}

/// The vocabulary as JSON.
pub fn json() -> Value {
    let terms: Vec<Value> = TERMS
        .iter()
        .map(|t| {
            json!({
                "path": t.path,
                "type": kind_name(t.kind),
                "allowed": t.kind.allowed(),
                "more_protective": direction(t.better),
                "doc": t.doc,
                "example": t.example,
            })
        })
        .collect();
    let modifiers: Vec<Value> = MODIFIERS
        .iter()
        .map(|m| {
            json!({
                "clause": m.clause.name(),
                "word": m.word,
                "written": syntax(m),
                "takes": m.takes.map(kind_name),
                "more_protective": direction(m.for_worker),
                "more_protective_against_worker": direction(m.against_worker),
                "doc": m.doc,
                "example": m.example,
            })
        })
        .collect();
    let mut out = json!({
        "terms": terms,
        "modifiers": modifiers,
        "adverse_statuses": ADVERSE_STATUSES,
        "fees": FEES,
        "currencies": currencies().collect::<Vec<_>>(),
        "countries": countries().collect::<Vec<_>>(),
    });
    if let Some(map) = out.as_object_mut() {
        for g in groups() {
            map.insert(g.key.into(), json!(g.words));
        }
    }
    out
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Enum(_) => "enum",
        Kind::Bool => "bool",
        Kind::Duration => "duration",
        Kind::Hours => "hours",
        Kind::Money => "money",
        Kind::Percent => "percent",
        Kind::Count => "count",
        Kind::Date => "date",
        Kind::Text => "text",
        Kind::Countries => "countries",
        Kind::Party => "party",
        Kind::EnumList(_) => "enum_list",
        Kind::PartyList => "party_list",
    }
}
