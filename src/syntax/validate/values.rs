//! Type-checking one value against its term's type: words, numbers with units, money, dates,
//! countries and lists, each with the diagnostics a wrong value gets.

use super::Validator;
use crate::syntax::ast::{Span, Value, ValueKind};
use crate::syntax::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::vocab::{self, Kind, Typed};

impl Validator {
    /// `word` if it is one of `allowed`; otherwise an `unknown-value` diagnostic whose message,
    /// label and fallback help `describe` gives, with the nearest word as help when there is one.
    fn pick<'a>(
        &mut self,
        word: &str,
        span: Span,
        allowed: &[&'a str],
        describe: impl FnOnce() -> (String, String, String),
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
        what: &str,
    ) -> Option<&'static str> {
        self.pick(word, span, allowed, || {
            (
                format!("unknown {what} `{word}`"),
                format!("not a {what}"),
                format!("a {what} is one of {}", list(allowed)),
            )
        })
    }

    pub(super) fn one_of(
        &mut self,
        v: &Value,
        allowed: &'static [&'static str],
        what: &str,
    ) -> Option<&'static str> {
        match &v.kind {
            ValueKind::Word { word } => {
                self.one_word(word, v.span, allowed, what.trim_start_matches("a "))
            }
            _ => {
                self.error(
                    Diagnostic::error(
                        Code::WrongType,
                        v.span,
                        format!("expected {what}"),
                        "wrong kind of value",
                    )
                    .with_help(format!("one of {}", list(allowed))),
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
                    format!("`{path}` takes {}", kind.describe()),
                    "wrong kind of value",
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
                    self.range(path, v.span, "a whole number from 0 to 10^9")
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
                    format!("the range of `{path}` runs from more to less"),
                    "minimum above maximum",
                )
                .with_help("write the least value first: `6 months to 2 years`"),
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
                            format!("`{w}` is listed twice in `{path}`"),
                            "listed again",
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
                            format!("`{path}` lists words"),
                            "not a word",
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
                format!("`{word}` is not a value of `{path}`"),
                "unknown value".into(),
                format!("`{path}` takes one of {}", list(allowed)),
            )
        })
    }

    pub(super) fn country(&mut self, code: &str, span: Span) -> Option<String> {
        if vocab::is_country(code) {
            return Some(code.to_string());
        }
        let help = did_you_mean(code, vocab::countries())
            .unwrap_or_else(|| "use an ISO 3166-1 alpha-3 code such as `MEX` or `PHL`".into());
        self.error(
            Diagnostic::error(
                Code::UnknownValue,
                span,
                format!("`{code}` is not an ISO 3166-1 alpha-3 country code"),
                "unknown country",
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
        let (units, expected, max, most) = match kind {
            Kind::Duration => (
                vocab::DURATION_UNITS,
                "days, weeks, months or years",
                36_525.0,
                "100 years",
            ),
            Kind::Hours => (vocab::HOUR_UNITS, "hours", 168.0, "168 hours (a week)"),
            _ => (vocab::PERCENT_UNITS, "%", 100.0, "100 %"),
        };
        let Some(unit) = unit else {
            self.error(
                Diagnostic::error(
                    Code::MissingUnit,
                    span,
                    format!("`{path}` needs a unit: {expected}"),
                    "no unit",
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
                    format!("wrong unit `{unit}` for `{path}`: expected {expected}"),
                    "wrong unit",
                )
                .with_help(help),
            );
            return None;
        };
        let value = number * factor;
        if number < 0.0 || value > max + 1e-9 || !number.is_finite() {
            return self.range(path, span, &format!("from 0 to {most}"));
        }
        Some(Typed::Number(value))
    }

    pub(super) fn range(&mut self, path: &str, span: Span, allowed: &str) -> Option<Typed> {
        self.error(Diagnostic::error(
            Code::OutOfRange,
            span,
            format!("value out of range for `{path}`: expected {allowed}"),
            "out of range",
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
                    format!("`{path}` needs a currency"),
                    "no currency",
                )
                .with_help("write an ISO 4217 code, `85 CAD`, or `1 months_of_wages`"),
            );
            return None;
        };
        if !(vocab::is_currency(unit) || vocab::WAGE_MONTHS.contains(&unit)) {
            let mut names: Vec<&str> = vocab::currencies().collect();
            names.extend(vocab::WAGE_MONTHS);
            let help = did_you_mean(unit, names).unwrap_or_else(|| {
                "write an ISO 4217 code, `85 CAD`, or `1 months_of_wages`".into()
            });
            self.error(
                Diagnostic::error(
                    Code::WrongUnit,
                    span,
                    format!("wrong unit `{unit}` for `{path}`: expected a currency"),
                    "not a currency",
                )
                .with_help(help),
            );
            return None;
        }
        if !(0.0..=1e12).contains(&amount) {
            return self.range(path, span, "from 0 to 10^12");
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
            None => self.range(path, span, "a real calendar date"),
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

fn example_help(path: &str) -> String {
    match vocab::term(path) {
        Some(t) => format!(
            "for example `{} {}`",
            path.rsplit('.').next().unwrap_or(path),
            t.example
        ),
        None => "see `fairpath terms` for the vocabulary".into(),
    }
}
