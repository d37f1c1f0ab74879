//! The vocabulary reference (`fairpath terms`) in the report's language: every term, every group
//! of words and every modifier, as plain text and as Markdown. The vocabulary gives the data
//! (`vocab::docs`); titles, descriptions, types and directions come from the catalogues. Each
//! term's and modifier's own doc line is part of the vocabulary's definition and stays English.

use super::evidence::Join;
use super::Words;
use crate::locale::text;
use crate::t;
use crate::vocab::docs::{groups, written, Group};
use crate::vocab::{currencies, Better, Clause, Kind, Modifier, MODIFIERS, TERMS};

impl Words {
    /// Which direction of a term protects more, in a few words (empty for descriptive terms).
    pub fn direction(&self, b: Better) -> String {
        match b {
            Better::Neutral => String::new(),
            b => text(self.lang, &format!("terms.direction.{}", b.code()), &[]),
        }
    }

    /// How a type reads: `a duration (days, weeks, months or years)`, `one of `a`, `b` or `c``.
    pub fn kind(&self, k: Kind) -> String {
        let key = match k {
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
        };
        let values = self.list(&quoted(k.allowed()), Join::Or);
        t!(self.lang, &format!("terms.kind.{key}"), values = values)
    }

    /// A group's title (`Status categories`).
    fn group_title(&self, g: &Group) -> String {
        text(self.lang, &format!("terms.group.{}.title", g.key), &[])
    }

    /// What a group's words are for, its lists filled in.
    fn group_doc(&self, g: &Group) -> String {
        let lists: Vec<(&str, String)> = g
            .lists
            .iter()
            .map(|(name, words)| (*name, self.list(&quoted(words), Join::Or)))
            .collect();
        let count = currencies().count();
        let mut args: Vec<(&str, &dyn std::fmt::Display)> = vec![("currencies", &count)];
        args.extend(lists.iter().map(|(n, v)| (*n, v as &dyn std::fmt::Display)));
        text(self.lang, &format!("terms.group.{}.doc", g.key), &args)
    }

    /// How a modifier is written: `within DURATION`, `deducted`.
    fn written(&self, m: &Modifier) -> String {
        let (word, takes) = written(m);
        let takes = takes.map(|t| text(self.lang, &format!("terms.takes.{}", t.code()), &[]));
        match (word, takes) {
            (Some(w), Some(t)) => format!("{w} {t}"),
            (None, Some(t)) => t,
            (Some(w), None) => w.to_string(),
            (None, None) => String::new(),
        }
    }

    /// A modifier's protective directions in words: the same for both kinds of clause, or each.
    fn directions(&self, m: &Modifier) -> String {
        let lang = self.lang;
        // A word on its own protects more where it is written, or where it is left out.
        let word = |b: Better| match (m.takes, b) {
            (None, Better::Yes) => t!(lang, "terms.direction.written"),
            (None, Better::No) => t!(lang, "terms.direction.left_out"),
            _ => self.direction(b),
        };
        let (f, a) = (word(m.for_worker), word(m.against_worker));
        let against = t!(lang, &format!("terms.against.{}", m.clause.code()));
        if f == a {
            f
        } else if f.is_empty() {
            t!(
                lang,
                "terms.directions.against",
                direction = a,
                against = against
            )
        } else if a.is_empty() {
            t!(
                lang,
                "terms.directions.none_against",
                direction = f,
                against = against
            )
        } else {
            t!(
                lang,
                "terms.directions.each",
                direction = f,
                other = a,
                against = against
            )
        }
    }

    /// A clause's name (`transition`, `money flow`).
    fn clause_name(&self, c: Clause) -> String {
        text(self.lang, &format!("terms.clause.{}", c.code()), &[])
    }
}

fn quoted(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| format!("`{w}`")).collect()
}

/// The vocabulary as plain text: one line per term, then each group of words, then the
/// modifiers of transitions and money flows.
pub fn plain(w: &Words) -> String {
    let lang = w.lang;
    let mut out = format!("{}\n", t!(lang, "terms.terms"));
    for t in TERMS {
        out.push_str(&format!(
            "  {:<44} {:<48} {}\n",
            t.path,
            w.kind(t.kind),
            t.doc
        ));
    }
    for g in groups() {
        let doc = w.group_doc(&g);
        out.push_str(&format!("\n{}{}{doc}.\n", w.group_title(&g), w.colon()));
        out.push_str(&wrap(&g.words.join(", "), "  ", 100));
    }
    out.push_str(&format!("\n{}\n", t!(lang, "terms.modifiers")));
    let width = [Clause::Transition, Clause::Flow]
        .iter()
        .map(|c| w.clause_name(*c).chars().count() + 1)
        .max()
        .unwrap_or_default();
    for m in MODIFIERS {
        let more = w.directions(m);
        let more = if more.is_empty() {
            String::new()
        } else {
            t!(lang, "terms.more_protective", direction = more)
        };
        out.push_str(&format!(
            "  {:<width$} {:<20} {}{more}. {}\n",
            w.clause_name(m.clause),
            w.written(m),
            m.doc,
            t!(lang, "terms.for_example", example = m.example)
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

/// `text` with its first letter upper-case.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// A Markdown table's head: the columns named by their catalogue keys.
fn head(w: &Words, columns: &[&str]) -> String {
    let names: Vec<String> = columns
        .iter()
        .map(|c| text(w.lang, &format!("terms.column.{c}"), &[]))
        .collect();
    format!(
        "| {} |\n|{}\n",
        names.join(" | "),
        "---|".repeat(columns.len())
    )
}

/// The vocabulary reference in Markdown.
pub fn markdown(w: &Words) -> String {
    let lang = w.lang;
    let mut out = format!(
        "# {}\n\n{}\n\n{}",
        t!(lang, "terms.title"),
        t!(lang, "terms.intro"),
        head(
            w,
            &["term", "type", "more_protective", "meaning", "example"]
        )
    );
    for t in TERMS {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | `{}` |\n",
            t.path,
            w.kind(t.kind).replace('|', "\\|"),
            w.direction(t.better),
            t.doc,
            t.example
        ));
    }
    for g in groups() {
        out.push_str(&format!(
            "\n## {}\n\n{}.\n\n{}\n",
            w.group_title(&g),
            capital(&w.group_doc(&g)),
            quoted(&g.words).join(", ")
        ));
    }
    out.push_str(&format!(
        "\n## {}\n\n{}\n\n{}",
        t!(lang, "terms.modifiers_title"),
        t!(lang, "terms.modifiers_intro"),
        head(
            w,
            &["clause", "written", "more_protective", "meaning", "example"]
        )
    ));
    for m in MODIFIERS {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | `{}` |\n",
            w.clause_name(m.clause),
            w.written(m).replace('|', "\\|"),
            w.directions(m),
            m.doc,
            m.example
        ));
    }
    out
}
