//! The compiled image of the shipped packs and ratification data: the packs' rules with their
//! conditions, and the parsed ratification table, serialized with postcard into
//! `policies/standards/compiled.bin` and embedded in the binary, so start-up decodes them instead
//! of parsing 360 KB of text.
//!
//! The image is a generated file, made by `FAIRPATH_WRITE_IMAGE=1 cargo test --test image`; that
//! test fails while the checked-in image differs from what the texts compile to now. At run time
//! the image is used only if its format is [`FORMAT`] and it was made from the texts embedded in
//! this binary (its fingerprint equals [`TEXTS`]); otherwise the engine compiles the texts, as it
//! would without an image.

use std::borrow::Cow;
use std::sync::Arc;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ast::{Cond, Pack, Polarity};
use super::ratify::{self, Ratifications};
use super::EMBEDDED_PACKS;
use crate::vocab::{self, Term, Typed};

/// The layout of the image: raised whenever what it holds is encoded differently.
pub const FORMAT: u32 = 2;

/// The image checked into the repository.
pub static SHIPPED: &[u8] = include_bytes!("../../policies/standards/compiled.bin");

/// The fingerprint of the texts embedded in this binary (every shipped pack's file name and text,
/// then the ratification data), computed when the binary is built.
pub const TEXTS: u64 = fingerprint(EMBEDDED_PACKS, ratify::EMBEDDED);

/// Why an image cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// It was written in another layout.
    #[error("the image is in format {found}, not {FORMAT}")]
    Format {
        /// The image's format.
        found: u32,
    },
    /// It was made from other texts than those embedded.
    #[error("the image was made from other packs or ratification data than the embedded ones")]
    Stale,
    /// Its bytes do not decode.
    #[error("the image cannot be read: {0}")]
    Decode(#[from] postcard::Error),
    /// It holds conditions for another number of rules than its packs have.
    #[error("the image has conditions for {conditions} rules, and {rules} rules")]
    Conditions {
        /// Rules in its packs.
        rules: usize,
        /// Conditions it holds.
        conditions: usize,
    },
}

/// What the image starts with.
#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    texts: u64,
}

/// One rule's conditions, which the rule's own serialization (its JSON in `rules`) leaves out.
#[derive(Serialize, Deserialize)]
struct Conditions<'a> {
    applies: Cow<'a, [Cond]>,
    scopes: Cow<'a, [usize]>,
    checks: Cow<'a, [(Polarity, Cond)]>,
}

/// The whole image, in the order it is read: the ratification data comes before the packs, so
/// it can be read alone.
#[derive(Serialize)]
struct Image<'a> {
    header: Header,
    ratifications: &'a Ratifications,
    packs: &'a [Pack],
    conditions: Vec<Conditions<'a>>,
}

/// The image of `packs` and `ratifications`, recording the fingerprint of the embedded texts.
pub fn encode(packs: &[Pack], ratifications: &Ratifications) -> Result<Vec<u8>, Error> {
    let image = Image {
        header: Header {
            format: FORMAT,
            texts: TEXTS,
        },
        ratifications,
        packs,
        conditions: packs
            .iter()
            .flat_map(|p| &p.rules)
            .map(|r| Conditions {
                applies: Cow::Borrowed(&r.applies),
                scopes: Cow::Borrowed(&r.scopes),
                checks: Cow::Borrowed(&r.checks),
            })
            .collect(),
    };
    Ok(postcard::to_allocvec(&image)?)
}

/// The packs and ratification data of an image made from the embedded texts.
pub fn decode(bytes: &[u8]) -> Result<(Vec<Pack>, Ratifications), Error> {
    let (ratifications, rest) = read_ratifications(bytes)?;
    let (mut packs, rest): (Vec<Pack>, _) = postcard::take_from_bytes(rest)?;
    let conditions: Vec<Conditions> = postcard::from_bytes(rest)?;
    let rules = packs.iter().map(|p| p.rules.len()).sum();
    if rules != conditions.len() {
        return Err(Error::Conditions {
            rules,
            conditions: conditions.len(),
        });
    }
    for (rule, c) in packs.iter_mut().flat_map(|p| &mut p.rules).zip(conditions) {
        // Each rule was just read, so it is not shared and is not copied.
        let rule = Arc::make_mut(rule);
        rule.applies = c.applies.into_owned();
        rule.scopes = c.scopes.into_owned();
        rule.checks = c.checks.into_owned();
    }
    Ok((packs, ratifications))
}

/// The ratification data of an image made from the embedded texts, without its packs.
pub fn ratifications(bytes: &[u8]) -> Result<Ratifications, Error> {
    read_ratifications(bytes).map(|(r, _)| r)
}

/// Checks the header, reads the ratification data, and returns the bytes after it.
fn read_ratifications(bytes: &[u8]) -> Result<(Ratifications, &[u8]), Error> {
    let (header, rest): (Header, _) = postcard::take_from_bytes(bytes)?;
    if header.format != FORMAT {
        return Err(Error::Format {
            found: header.format,
        });
    }
    if header.texts != TEXTS {
        return Err(Error::Stale);
    }
    Ok(postcard::take_from_bytes(rest)?)
}

/// FNV-1a (64 bits) of `packs`' names and texts and of `ratifications`, each preceded by its
/// length so that no two lists of texts run together alike.
pub const fn fingerprint(packs: &[(&str, &str)], ratifications: &str) -> u64 {
    let mut hash = crate::vocab::FNV_START;
    let mut rest = packs;
    while let [(name, text), tail @ ..] = rest {
        hash = counted(hash, name.as_bytes());
        hash = counted(hash, text.as_bytes());
        rest = tail;
    }
    counted(hash, ratifications.as_bytes())
}

/// Folds `bytes`' length, then `bytes`, into an FNV-1a hash.
const fn counted(hash: u64, bytes: &[u8]) -> u64 {
    let len = (bytes.len() as u64).to_le_bytes();
    crate::vocab::fnv(crate::vocab::fnv(hash, &len), bytes)
}

/// A vocabulary term, written as its path.
pub(crate) mod term {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(t: &&'static Term, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.path)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static Term, D::Error> {
        let path = String::deserialize(d)?;
        vocab::term(&path).ok_or_else(|| D::Error::custom(format!("`{path}` is not a term")))
    }
}

/// A typed value, written with the kind of value it is (its JSON form leaves that out).
pub(crate) mod typed {
    use super::*;

    /// [`Typed`] with each kind named.
    #[derive(Serialize, Deserialize)]
    enum Value {
        Word(String),
        Bool(bool),
        Number(f64),
        Money(f64, String),
        Text(String),
        Words(Vec<String>),
        Range(f64, f64),
        OneOf(Vec<Value>),
    }

    impl From<&Typed> for Value {
        fn from(t: &Typed) -> Self {
            match t {
                Typed::Word(w) => Value::Word(w.clone()),
                Typed::Bool(b) => Value::Bool(*b),
                Typed::Number(n) => Value::Number(*n),
                Typed::Money { amount, currency } => Value::Money(*amount, currency.clone()),
                Typed::Text(t) => Value::Text(t.clone()),
                Typed::Words(w) => Value::Words(w.clone()),
                Typed::Range { min, max } => Value::Range(*min, *max),
                Typed::OneOf(vs) => Value::OneOf(vs.iter().map(Value::from).collect()),
            }
        }
    }

    impl From<Value> for Typed {
        fn from(v: Value) -> Self {
            match v {
                Value::Word(w) => Typed::Word(w),
                Value::Bool(b) => Typed::Bool(b),
                Value::Number(n) => Typed::Number(n),
                Value::Money(amount, currency) => Typed::Money { amount, currency },
                Value::Text(t) => Typed::Text(t),
                Value::Words(w) => Typed::Words(w),
                Value::Range(min, max) => Typed::Range { min, max },
                Value::OneOf(vs) => Typed::OneOf(vs.into_iter().map(Typed::from).collect()),
            }
        }
    }

    pub(crate) fn serialize<S: Serializer>(t: &Typed, s: S) -> Result<S::Ok, S::Error> {
        Value::from(t).serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Typed, D::Error> {
        Value::deserialize(d).map(Typed::from)
    }
}

/// Looks each of `words` up in `list`, the vocabulary's list of `what`s.
fn lookup<E: serde::de::Error>(
    words: Vec<String>,
    list: &'static [&'static str],
    what: &str,
) -> Result<Vec<&'static str>, E> {
    words
        .into_iter()
        .map(|w| {
            list.iter()
                .find(|known| **known == w)
                .copied()
                .ok_or_else(|| E::custom(format!("`{w}` is not a {what}")))
        })
        .collect()
}

/// Status categories, each looked up in the vocabulary.
pub(crate) fn categories<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
    lookup(
        Vec::deserialize(d)?,
        vocab::STATUS_CATEGORIES,
        "status category",
    )
}

/// Status categories if any, each looked up in the vocabulary.
pub(crate) fn some_categories<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<&'static str>>, D::Error> {
    some(d, vocab::STATUS_CATEGORIES, "status category")
}

/// Triggers if any, each looked up in the vocabulary.
pub(crate) fn triggers<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<&'static str>>, D::Error> {
    some(d, vocab::TRIGGERS, "trigger")
}

/// Costs if any, each looked up in the vocabulary.
pub(crate) fn costs<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<&'static str>>, D::Error> {
    some(d, vocab::COSTS, "cost")
}

fn some<'de, D: Deserializer<'de>>(
    d: D,
    list: &'static [&'static str],
    what: &str,
) -> Result<Option<Vec<&'static str>>, D::Error> {
    Option::<Vec<String>>::deserialize(d)?
        .map(|words| lookup(words, list, what))
        .transpose()
}
