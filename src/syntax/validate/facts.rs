//! The terms a program states: one slot per vocabulary term, so that a rule finds a fact without
//! hashing or comparing paths; listed in the order of their paths.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Fact;
use crate::vocab::{self, Term, TERMS};

/// Stated terms by vocabulary term; a term not here is unstated.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// One slot per term of [`TERMS`], made on the first insertion.
    slots: Vec<Option<Fact>>,
    len: usize,
}

impl Facts {
    /// The fact stating `term`.
    pub fn of(&self, term: &'static Term) -> Option<&Fact> {
        self.slots.get(term.ordinal()?)?.as_ref()
    }

    /// The fact stating the term at `path`.
    pub fn get(&self, path: &str) -> Option<&Fact> {
        self.of(vocab::term(path)?)
    }

    /// The fact stating the term at `path`, to change.
    pub fn get_mut(&mut self, path: &str) -> Option<&mut Fact> {
        let place = vocab::term(path)?.ordinal()?;
        self.slots.get_mut(place)?.as_mut()
    }

    /// Whether the term at `path` is stated.
    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// States `term`; returns what it replaces.
    pub fn insert(&mut self, term: &'static Term, fact: Fact) -> Option<Fact> {
        let place = term.ordinal()?;
        if self.slots.is_empty() {
            self.slots.resize_with(TERMS.len(), || None);
        }
        let old = self.slots.get_mut(place)?.replace(fact);
        self.len += usize::from(old.is_none());
        old
    }

    /// States every term `over` states, replacing what this states of them.
    pub fn overlay(&mut self, over: &Facts) {
        for (place, fact) in over.slots.iter().enumerate() {
            if let (Some(term), Some(fact)) = (TERMS.get(place), fact) {
                self.insert(term, fact.clone());
            }
        }
    }

    /// Keeps only the facts for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&'static str, &mut Fact) -> bool) {
        for (term, slot) in TERMS.iter().zip(self.slots.iter_mut()) {
            if slot.as_mut().is_some_and(|f| !keep(term.path, f)) {
                *slot = None;
                self.len -= 1;
            }
        }
    }

    /// How many terms are stated.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no term is stated.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Each stated term's path and fact, in the order of the paths.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Fact)> + '_ {
        vocab::by_path()
            .iter()
            .filter_map(|&i| Some((TERMS.get(i)?.path, self.slots.get(i)?.as_ref()?)))
    }

    /// The stated terms' paths, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|(path, _)| path)
    }

    /// The facts, in the order of their paths.
    pub fn values(&self) -> impl Iterator<Item = &Fact> + '_ {
        self.iter().map(|(_, f)| f)
    }

    /// The facts, to change, in the vocabulary's order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Fact> + '_ {
        self.slots.iter_mut().flatten()
    }
}

impl PartialEq for Facts {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<'a> IntoIterator for &'a Facts {
    type Item = (&'static str, &'a Fact);
    type IntoIter = Box<dyn Iterator<Item = (&'static str, &'a Fact)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// A map from path to fact, in the order of the paths.
impl Serialize for Facts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len))?;
        for (path, fact) in self.iter() {
            map.serialize_entry(path, fact)?;
        }
        map.end()
    }
}
