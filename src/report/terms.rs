//! The vocabulary reference (`fairpath terms`) in the report's language: every term, every group
//! of words and every modifier, as plain text and as Markdown. The vocabulary gives the data
//! (`vocab::docs`); titles, descriptions, types, directions and each term's and modifier's doc line
//! come from the catalogues (`term.<path>`, `modifier.<word>`). The English lines mirror the
//! vocabulary's `doc`, which stays the definition; the JSON listing keeps it.

use super::evidence::Join;
use super::Words;
use crate::locale::{find, text};
use crate::t;
use crate::vocab::docs::{groups, written, Group};
use crate::vocab::{currencies, Better, Clause, Kind, Modifier, Term, MODIFIERS, TERMS};

impl Words {
    /// A term's doc line in the report's language (`term.<path>`); the vocabulary's own, English,
    /// when no catalogue has it.
    pub fn term_doc(&self, t: &Term) -> &'static str {
        find(self.lang, &format!("term.{}", t.path)).unwrap_or(t.doc)
    }

    /// A modifier's doc line in the report's language (`modifier.<word>`); the vocabulary's own,
    /// English, when no catalogue has it.
    pub fn modifier_doc(&self, m: &Modifier) -> &'static str {
        find(self.lang, &format!("modifier.{}", m.word)).unwrap_or(m.doc)
    }

    /// Which direction of a term protects more, in a few words (empty for descriptive terms).
    pub fn direction(&self, b: Better) -> String {
        match b {
            Better::Neutral => String::new(),
            b => text(self.lang, &format!("terms.direction.{}", b.code()), &[]),
        }
    }

    /// How a type reads: `a duration (days, weeks, months or years)`, `one of `a`, `b` or `c``.
    pub fn kind(&self, k: Kind) -> String {
        let values = self.list(&quoted(k.allowed()), Join::Or);
        t!(
            self.lang,
            &format!("terms.kind.{}", k.code()),
            values = values
        )
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
            w.term_doc(t)
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
            w.modifier_doc(m),
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
            w.term_doc(t),
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
            w.modifier_doc(m),
            m.example
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{parse, SOURCES};
    use crate::vocab::Lang;

    #[test]
    fn the_english_catalogue_mirrors_every_doc_line_of_the_vocabulary() {
        let english = parse(SOURCES[0].1);
        for t in TERMS {
            let key = format!("term.{}", t.path);
            assert_eq!(
                english.get(&key).map(String::as_str),
                Some(t.doc),
                "`{key}`"
            );
        }
        for m in MODIFIERS {
            let key = format!("modifier.{}", m.word);
            assert_eq!(
                english.get(&key).map(String::as_str),
                Some(m.doc),
                "`{key}`"
            );
        }
        // Nothing in the catalogue names a term or modifier the vocabulary does not have.
        for key in english.keys() {
            if let Some(path) = key.strip_prefix("term.") {
                assert!(TERMS.iter().any(|t| t.path == path), "`{key}` is no term");
            }
            if let Some(word) = key.strip_prefix("modifier.") {
                assert!(
                    MODIFIERS.iter().any(|m| m.word == word),
                    "`{key}` is no modifier"
                );
            }
        }
    }

    #[test]
    fn doc_lines_are_read_in_the_report_language() {
        let t = TERMS.iter().find(|t| t.path == "permit.tied_to").unwrap();
        assert_eq!(Words::english().term_doc(t), t.doc);
        assert_eq!(
            Words::new(Lang::Fr).term_doc(t),
            "ce à quoi le permis lie le travailleur"
        );
        let m = MODIFIERS.iter().find(|m| m.word == "deducted").unwrap();
        assert_eq!(
            Words::new(Lang::Es).modifier_doc(m),
            "el pago se descuenta del salario del trabajador"
        );
    }
}
