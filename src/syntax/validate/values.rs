//! Type-checking one value against its term's type: words, numbers with units, money, dates,
//! countries and lists, each with the diagnostics a wrong value gets.

use super::Validator;
use crate::syntax::ast::{Span, Value, ValueKind};
use crate::syntax::diagnostic::{did_you_mean, kind_text, msg, Code, Diagnostic, Text};
use crate::vocab::{self, Kind, Typed};

impl Validator {
    /// `word` if it is one of `allowed`; otherwise an `unknown-value` diagnostic whose message,
    /// label and fallback help `describe` gives, with the nearest word as help when there is one.
    fn pick<'a>(
        &mut self,
        word: &str,
        span: Span,
        allowed: &[&'a str],
        describe: impl FnOnce() -> (Text, Text, Text),
    ) -> Option<&'a str> {
        if let Some(w) = allowed.iter().find(|a| **a == word) {
            return Some(w);
        }
        let (message, label, fallback) = describe();
        let help = did_you_mean(word, allowed.iter().copied()).unwrap_or(fallback);
        self.error(Diagnostic::error(Code::UnknownValue, span, message, label).with_help(help));
        None
    }

    pub(super) fn one_word(
        &mut self,
        word: &str,
        span: Span,
        allowed: &'static [&'static str],
        what: WordKind,
    ) -> Option<&'static str> {
        self.pick(word, span, allowed, || {
            let (message, label, help) = what.keys();
            let args = || vec![("word", word.into()), ("words", list(allowed).into())];
            (
                Text::new(message, args()),
                Text::new(label, args()),
                Text::new(help, args()),
            )
        })
    }

    pub(super) fn one_of(
        &mut self,
        v: &Value,
        allowed: &'static [&'static str],
        what: WordKind,
    ) -> Option<&'static str> {
        match &v.kind {
            ValueKind::Word { word } => self.one_word(word, v.span, allowed, what),
            _ => {
                self.error(
                    Diagnostic::error(
                        Code::WrongType,
                        v.span,
                        Text::new(what.expected(), Vec::new()),
                        msg!("wrong-type.label"),
                    )
                    .with_help(msg!("wrong-type.one-of", words = list(allowed))),
                );
                None
            }
        }
    }

    pub(super) fn number(&mut self, v: &Value, path: &str, kind: Kind) -> Option<f64> {
        match self.typed(path, kind, v) {
            Some(Typed::Number(n)) => Some(n),
            _ => None,
        }
    }

    /// Type-checks one value against `kind`.
    pub(super) fn typed(&mut self, path: &str, kind: Kind, v: &Value) -> Option<Typed> {
        let wrong = |me: &mut Self| {
            me.error(
                Diagnostic::error(
                    Code::WrongType,
                    v.span,
                    msg!("wrong-type.message", path = path, kind = kind_text(kind)),
                    msg!("wrong-type.label"),
                )
                .with_help(example_help(path)),
            );
            None
        };
        match (kind, &v.kind) {
            (
                Kind::Duration | Kind::Hours | Kind::Percent | Kind::Count,
                ValueKind::Range { min, max },
            ) => self.range_value(path, kind, min, max, v.span),
            (
                Kind::Enum(_)
                | Kind::Bool
                | Kind::Duration
                | Kind::Hours
                | Kind::Percent
                | Kind::Count
                | Kind::Money
                | Kind::Party,
                ValueKind::List { items },
            ) if !items.is_empty() => {
                let alternatives: Option<Vec<Typed>> =
                    items.iter().map(|i| self.typed(path, kind, i)).collect();
                alternatives.map(|mut a| match a.len() {
                    1 => a.remove(0),
                    _ => Typed::OneOf(a),
                })
            }
            (Kind::Duration, ValueKind::Word { word })
                if vocab::DURATION_WORDS.contains(&word.as_str()) =>
            {
                Some(Typed::Word(word.clone()))
            }
            (Kind::Enum(allowed), ValueKind::Word { word }) => self
                .value_word(path, word, v.span, allowed)
                .map(|w| Typed::Word(w.into())),
            (Kind::Bool, ValueKind::Word { word }) => match word.as_str() {
                "yes" => Some(Typed::Bool(true)),
                "no" => Some(Typed::Bool(false)),
                _ => self
                    .value_word(path, word, v.span, &["yes", "no"])
                    .and(None),
            },
            (
                Kind::Duration | Kind::Hours | Kind::Percent,
                ValueKind::Quantity { number, unit },
            ) => self.measure(path, kind, *number, unit, v.span),
            (Kind::Count, ValueKind::Quantity { number, unit: None }) => {
                if *number < 0.0 || number.fract() != 0.0 || !number.is_finite() || *number > 1e9 {
                    self.range(path, v.span, msg!("out-of-range.count"))
                } else {
                    Some(Typed::Number(*number))
                }
            }
            (Kind::Money, ValueKind::Quantity { number, unit }) => {
                self.money(path, *number, unit.as_deref(), v.span)
            }
            (Kind::Date, ValueKind::Date { date }) => self.date(path, date, v.span),
            (Kind::Text, ValueKind::Text { text }) => Some(Typed::Text(text.clone())),
            (Kind::Party, ValueKind::Word { word }) => self
                .party_ref(word, v.span)
                .then(|| Typed::Word(word.clone())),
            (Kind::PartyList, _) => self.parties_list(path, v).map(Typed::Words),
            (Kind::EnumList(allowed), _) => self
                .word_list(path, v, |me, w, span| {
                    me.value_word(path, w, span, allowed).map(str::to_string)
                })
                .map(Typed::Words),
            (Kind::Countries, _) => self
                .word_list(path, v, |me, w, span| me.country(w, span))
                .map(Typed::Words),
            _ => wrong(self),
        }
    }

    /// `min to max`: both ends type-checked, the least first.
    fn range_value(
        &mut self,
        path: &str,
        kind: Kind,
        min: &Value,
        max: &Value,
        span: Span,
    ) -> Option<Typed> {
        let (a, b) = (self.typed(path, kind, min)?, self.typed(path, kind, max)?);
        let (Typed::Number(a), Typed::Number(b)) = (a, b) else {
            return None;
        };
        if a > b {
            self.error(
                Diagnostic::error(
                    Code::EmptyRange,
                    span,
                    msg!("empty-range.message", path = path),
                    msg!("empty-range.label"),
                )
                .with_help(msg!("empty-range.help")),
            );
            return None;
        }
        Some(Typed::Range { min: a, max: b })
    }

    pub(super) fn word_list(
        &mut self,
        path: &str,
        v: &Value,
        mut check: impl FnMut(&mut Self, &str, Span) -> Option<String>,
    ) -> Option<Vec<String>> {
        let items: Vec<&Value> = match &v.kind {
            ValueKind::List { items } => items.iter().collect(),
            _ => vec![v],
        };
        let mut out = Vec::new();
        let mut ok = true;
        for item in items {
            match &item.kind {
                ValueKind::Word { word } => match check(self, word, item.span) {
                    Some(w) if out.contains(&w) => {
                        self.error(Diagnostic::warning(
                            Code::DuplicateItem,
                            item.span,
                            msg!("duplicate-item.message", word = &w, path = path),
                            msg!("duplicate-item.label"),
                        ));
                    }
                    Some(w) => out.push(w),
                    None => ok = false,
                },
                _ => {
                    self.error(
                        Diagnostic::error(
                            Code::WrongType,
                            item.span,
                            msg!("wrong-type.words", path = path),
                            msg!("wrong-type.words-label"),
                        )
                        .with_help(example_help(path)),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    pub(super) fn value_word<'a>(
        &mut self,
        path: &str,
        word: &str,
        span: Span,
        allowed: &[&'a str],
    ) -> Option<&'a str> {
        self.pick(word, span, allowed, || {
            (
                msg!("unknown-value.message", word = word, path = path),
                msg!("unknown-value.label"),
                msg!("unknown-value.help", path = path, words = list(allowed)),
            )
        })
    }

    pub(super) fn country(&mut self, code: &str, span: Span) -> Option<String> {
        if vocab::is_country(code) {
            return Some(code.to_string());
        }
        let help = did_you_mean(code, vocab::countries())
            .unwrap_or_else(|| msg!("unknown-value.country-help"));
        self.error(
            Diagnostic::error(
                Code::UnknownValue,
                span,
                msg!("unknown-value.country", code = code),
                msg!("unknown-value.country-label"),
            )
            .with_help(help),
        );
        None
    }

    /// A number with a unit, for durations, hours and percentages, in canonical units.
    pub(super) fn measure(
        &mut self,
        path: &str,
        kind: Kind,
        number: f64,
        unit: &Option<String>,
        span: Span,
    ) -> Option<Typed> {
        // Bounds in canonical units: past them a number is no real term, and past 2^53 it is not
        // even exact.
        // The units and bound in words are made only for a diagnostic.
        let (units, max, [expected, most]) = match kind {
            Kind::Duration => (
                vocab::DURATION_UNITS,
                36_525.0,
                [
                    "diagnostic.missing-unit.duration",
                    "diagnostic.out-of-range.duration",
                ],
            ),
            Kind::Hours => (
                vocab::HOUR_UNITS,
                168.0,
                [
                    "diagnostic.missing-unit.hours",
                    "diagnostic.out-of-range.hours",
                ],
            ),
            _ => (
                vocab::PERCENT_UNITS,
                100.0,
                [
                    "diagnostic.missing-unit.percent",
                    "diagnostic.out-of-range.percent",
                ],
            ),
        };
        let (expected, most) = (
            || Text::new(expected, Vec::new()),
            || Text::new(most, Vec::new()),
        );
        let Some(unit) = unit else {
            self.error(
                Diagnostic::error(
                    Code::MissingUnit,
                    span,
                    msg!("missing-unit.message", path = path, units = expected()),
                    msg!("missing-unit.label"),
                )
                .with_help(example_help(path)),
            );
            return None;
        };
        let Some((_, factor)) = units.iter().find(|(u, _)| u == unit) else {
            let names: Vec<&str> = units.iter().map(|(u, _)| *u).collect();
            let help = did_you_mean(unit, names).unwrap_or_else(|| example_help(path));
            self.error(
                Diagnostic::error(
                    Code::WrongUnit,
                    span,
                    msg!(
                        "wrong-unit.message",
                        unit = unit,
                        path = path,
                        units = expected()
                    ),
                    msg!("wrong-unit.label"),
                )
                .with_help(help),
            );
            return None;
        };
        let value = number * factor;
        if number < 0.0 || value > max + 1e-9 || !number.is_finite() {
            return self.range(path, span, most());
        }
        Some(Typed::Number(value))
    }

    pub(super) fn range(&mut self, path: &str, span: Span, allowed: Text) -> Option<Typed> {
        self.error(Diagnostic::error(
            Code::OutOfRange,
            span,
            msg!("out-of-range.message", path = path, allowed = allowed),
            msg!("out-of-range.label"),
        ));
        None
    }

    pub(super) fn money(
        &mut self,
        path: &str,
        amount: f64,
        unit: Option<&str>,
        span: Span,
    ) -> Option<Typed> {
        let Some(unit) = unit else {
            self.error(
                Diagnostic::error(
                    Code::MissingUnit,
                    span,
                    msg!("missing-unit.currency", path = path),
                    msg!("missing-unit.currency-label"),
                )
                .with_help(msg!("missing-unit.currency-help")),
            );
            return None;
        };
        if !(vocab::is_currency(unit) || vocab::WAGE_MONTHS.contains(&unit)) {
            let mut names: Vec<&str> = vocab::currencies().collect();
            names.extend(vocab::WAGE_MONTHS);
            let help =
                did_you_mean(unit, names).unwrap_or_else(|| msg!("missing-unit.currency-help"));
            self.error(
                Diagnostic::error(
                    Code::WrongUnit,
                    span,
                    msg!("wrong-unit.currency", unit = unit, path = path),
                    msg!("wrong-unit.currency-label"),
                )
                .with_help(help),
            );
            return None;
        }
        if !(0.0..=1e12).contains(&amount) {
            return self.range(path, span, msg!("out-of-range.money"));
        }
        let currency = if vocab::WAGE_MONTHS.contains(&unit) {
            "months_of_wages"
        } else {
            unit
        };
        Some(Typed::Money {
            amount,
            currency: currency.into(),
        })
    }

    pub(super) fn date(&mut self, path: &str, date: &str, span: Span) -> Option<Typed> {
        match crate::vocab::Date::parse(date) {
            Some(_) => Some(Typed::Text(date.into())),
            None => self.range(path, span, msg!("out-of-range.date")),
        }
    }
}

fn list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn example_help(path: &str) -> Text {
    match vocab::term(path) {
        Some(t) => msg!(
            "wrong-type.example",
            example = format!("{} {}", path.rsplit('.').next().unwrap_or(path), t.example)
        ),
        None => msg!("wrong-type.see-terms"),
    }
}

/// The kinds of word a clause names besides term values, each with its own sentences.
#[derive(Debug, Clone, Copy)]
pub(super) enum WordKind {
    /// A transition's trigger.
    Trigger,
    /// A money flow's cost.
    Cost,
    /// A declared party's role.
    PartyRole,
    /// A declared status's category.
    StatusCategory,
}

impl WordKind {
    /// The keys of the message, label and help for an unknown word of this kind.
    fn keys(self) -> (&'static str, &'static str, &'static str) {
        match self {
            WordKind::Trigger => (
                "diagnostic.unknown-value.trigger",
                "diagnostic.unknown-value.trigger-label",
                "diagnostic.unknown-value.trigger-help",
            ),
            WordKind::Cost => (
                "diagnostic.unknown-value.cost",
                "diagnostic.unknown-value.cost-label",
                "diagnostic.unknown-value.cost-help",
            ),
            WordKind::PartyRole => (
                "diagnostic.unknown-value.party-role",
                "diagnostic.unknown-value.party-role-label",
                "diagnostic.unknown-value.party-role-help",
            ),
            WordKind::StatusCategory => (
                "diagnostic.unknown-value.status-category",
                "diagnostic.unknown-value.status-category-label",
                "diagnostic.unknown-value.status-category-help",
            ),
        }
    }

    /// The key of the message for a value that is not a word where this kind is expected.
    fn expected(self) -> &'static str {
        match self {
            WordKind::Trigger => "diagnostic.wrong-type.trigger",
            WordKind::Cost => "diagnostic.wrong-type.cost",
            WordKind::PartyRole => "diagnostic.wrong-type.party-role",
            WordKind::StatusCategory => "diagnostic.wrong-type.status-category",
        }
    }
}
