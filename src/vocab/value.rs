//! Typed values, as the vocabulary reads them.

use serde::Serialize;

/// A term's value after type-checking. Numbers are in canonical units: days for durations,
/// hours for hours, 0–100 for percentages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Typed {
    /// A word: an enum value or a party.
    Word(String),
    /// `yes` or `no`.
    Bool(bool),
    /// A number in canonical units.
    Number(f64),
    /// An amount of money; `currency` is an ISO 4217 code or `months_of_wages`.
    Money {
        /// The amount.
        amount: f64,
        /// The currency.
        currency: String,
    },
    /// Text or a date.
    Text(String),
    /// A list of words.
    Words(Vec<String>),
    /// At least `min` and at most `max`, in canonical units (`6 months to 2 years`).
    Range {
        /// The least.
        min: f64,
        /// The most.
        max: f64,
    },
    /// Any one of several values, as the program allows (`[1 years, 6 months, 4 months]`).
    OneOf(Vec<Typed>),
}

impl Typed {
    /// The words of a list, or the single word.
    pub fn words(&self) -> Vec<&str> {
        match self {
            Typed::Words(w) => w.iter().map(String::as_str).collect(),
            Typed::Word(w) => vec![w.as_str()],
            _ => Vec::new(),
        }
    }

    /// How the value reads in a report.
    pub fn display(&self) -> String {
        match self {
            Typed::Word(w) | Typed::Text(w) => w.clone(),
            Typed::Bool(b) => if *b { "yes" } else { "no" }.into(),
            Typed::Number(n) => trim_number(*n),
            Typed::Money { amount, currency } => format!("{} {currency}", trim_number(*amount)),
            Typed::Words(w) => format!("[{}]", w.join(", ")),
            Typed::Range { min, max } => format!("{} to {}", trim_number(*min), trim_number(*max)),
            Typed::OneOf(vs) => format!(
                "one of {}",
                vs.iter().map(Typed::display).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    /// The single values a rule must consider: each alternative, or a range's two ends.
    pub fn candidates(&self) -> std::borrow::Cow<'_, [Typed]> {
        match self {
            Typed::OneOf(vs) => std::borrow::Cow::Borrowed(vs),
            Typed::Range { min, max } => {
                std::borrow::Cow::Owned(vec![Typed::Number(*min), Typed::Number(*max)])
            }
            v => std::borrow::Cow::Borrowed(std::slice::from_ref(v)),
        }
    }

    /// Whether the value is the word `word` or a list that holds it.
    pub fn has_word(&self, word: &str) -> bool {
        match self {
            Typed::Words(w) => w.iter().any(|x| x == word),
            Typed::Word(w) => w == word,
            _ => false,
        }
    }
}

/// How much a money flow is: an amount of money, or a share of the cost. In JSON each says which
/// it is: `{"kind": "money", "amount": 85, "currency": "CAD"}`, `{"kind": "share", "percent": 50}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Amount {
    /// An amount of money (`85 CAD`, `1 months_of_wages`).
    Money {
        /// The amount.
        amount: f64,
        /// An ISO 4217 code or `months_of_wages`.
        currency: String,
    },
    /// A share of the cost (`50 %`), from 0 to 100.
    Share {
        /// The share, in percent.
        percent: f64,
    },
}

impl Amount {
    /// The amount as a typed value, to compare with the vocabulary's directions: money, or a
    /// number of percent.
    pub fn typed(&self) -> Typed {
        match self {
            Amount::Money { amount, currency } => Typed::Money {
                amount: *amount,
                currency: currency.clone(),
            },
            Amount::Share { percent } => Typed::Number(*percent),
        }
    }

    /// How the amount is written: `85 CAD`, `50 %`.
    pub fn display(&self) -> String {
        match self {
            Amount::Money { .. } => self.typed().display(),
            Amount::Share { percent } => format!("{} %", trim_number(*percent)),
        }
    }
}

/// A number without a trailing `.0`.
pub fn trim_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{:.2}", n)
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

/// A number of days in the largest unit that divides it exactly (`2 years`, `3 months`, `10 days`).
pub fn days(d: f64) -> String {
    let (n, unit) = duration(d);
    format!("{} {unit}", trim_number(n))
}

/// A number of days as a count of the largest unit that divides it exactly: `(2.0, "years")`.
pub fn duration(d: f64) -> (f64, &'static str) {
    for (unit, len) in [("years", 365.25), ("months", 30.4375), ("weeks", 7.0)] {
        let n = d / len;
        if n >= 1.0 && (n - n.round()).abs() < 1e-9 {
            return (n.round(), unit);
        }
    }
    (d, "days")
}
