//! The syntax tree of programs and standard packs. Every node keeps its byte span.

use serde::{Deserialize, Serialize};

/// A byte range in the source file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, PartialOrd, Ord, Hash,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start, s.end.saturating_sub(s.start)).into()
    }
}

/// A word with its span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Name {
    /// The word as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A value as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ValueKind {
    /// A bare word: `seasonal`, `yes`, `employer`.
    Word {
        /// The word.
        word: String,
    },
    /// Text in quotes.
    Text {
        /// The text, unescaped.
        text: String,
    },
    /// A number with an optional unit: `8 months`, `85 CAD`, `50 %`.
    Quantity {
        /// The number.
        number: f64,
        /// The unit, if written.
        unit: Option<String>,
    },
    /// `2024-06-01`.
    Date {
        /// `YYYY-MM-DD`.
        date: String,
    },
    /// `[a, b]`.
    List {
        /// The items.
        items: Vec<Value>,
    },
    /// `6 months to 2 years`.
    Range {
        /// The least.
        min: Box<Value>,
        /// The most.
        max: Box<Value>,
    },
}

/// A value with its span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    /// What was written.
    #[serde(flatten)]
    pub kind: ValueKind,
    /// Where it is.
    pub span: Span,
}

/// A `// …` comment, kept by the parser.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    /// The comment from `//` to the end of its line, trailing spaces cut.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Whether code precedes it on its line.
    pub trailing: bool,
}

/// The comments attached to a clause.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Comments {
    /// Comments before the clause, and any written inside it.
    pub before: Vec<Comment>,
    /// Comments after it: the one on its last line, or, for the program, every comment after
    /// its closing brace.
    pub after: Vec<Comment>,
}

/// A pair of braces and the comments before the closing one.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Braces {
    /// The `{`.
    pub open: Span,
    /// The `}`, or an empty span at the end of the file when the brace is never closed.
    pub close: Span,
    /// Whether the `}` is there.
    pub closed: bool,
    /// Comments after the last clause, before the `}`.
    pub comments: Vec<Comment>,
}

/// A whole program.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Program {
    /// The program's name.
    pub name: Name,
    /// Its clauses.
    pub items: Vec<Item>,
    /// The span of the `program` header.
    pub header: Span,
    /// The whole program.
    pub span: Span,
    /// Its braces.
    pub braces: Braces,
    /// Comments before the header and after the closing brace.
    pub comments: Comments,
}

/// One clause of a program.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum Item {
    /// `key value`.
    Field(Field),
    /// `key { … }`.
    Block(Block),
    /// `from -> to on trigger …`.
    Transition(Transition),
    /// `payer pays cost …`.
    Flow(Flow),
    /// A clause that does not parse; its diagnostic is among the parser's.
    Error(Broken),
}

impl Item {
    /// The clause's span.
    pub fn span(&self) -> Span {
        match self {
            Item::Field(f) => f.span,
            Item::Block(b) => b.span,
            Item::Transition(t) => t.span,
            Item::Flow(f) => f.span,
            Item::Error(e) => e.span,
        }
    }

    /// The comments attached to the clause.
    pub fn comments(&self) -> &Comments {
        match self {
            Item::Field(f) => &f.comments,
            Item::Block(b) => &b.comments,
            Item::Transition(t) => &t.comments,
            Item::Flow(f) => &f.comments,
            Item::Error(e) => &e.comments,
        }
    }

    pub(crate) fn comments_mut(&mut self) -> &mut Comments {
        match self {
            Item::Field(f) => &mut f.comments,
            Item::Block(b) => &mut b.comments,
            Item::Transition(t) => &mut t.comments,
            Item::Flow(f) => &mut f.comments,
            Item::Error(e) => &mut e.comments,
        }
    }
}

/// A clause that does not parse, skipped to the end of its line or its block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Broken {
    /// What was skipped.
    pub span: Span,
    /// Its comments.
    pub comments: Comments,
}

/// `key value @ "source"`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// The term's key.
    pub key: Name,
    /// Its value.
    pub value: Value,
    /// `except "grounds"`: the value holds save on these grounds.
    pub exception: Option<Name>,
    /// `at_discretion`: an authority may grant the value, or not.
    pub discretion: bool,
    /// The clause of the agreement it encodes.
    pub source: Option<Name>,
    /// The whole clause.
    pub span: Span,
    /// Its comments.
    pub comments: Comments,
}

/// `key { items } @ "source"`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// The block's key.
    pub key: Name,
    /// Its clauses.
    pub items: Vec<Item>,
    /// The clause of the agreement it encodes.
    pub source: Option<Name>,
    /// The whole block.
    pub span: Span,
    /// Its braces.
    pub braces: Braces,
    /// Its comments.
    pub comments: Comments,
}

/// A change of status: `employed -> job_seeking on job_loss within 90 days`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transition {
    /// Status before.
    pub from: Name,
    /// Status after.
    pub to: Name,
    /// The event.
    pub trigger: Name,
    /// `within`, `after`, `decided_by`, `consent`, `if`.
    pub modifiers: Vec<Modifier>,
    /// The clause of the agreement it encodes.
    pub source: Option<Name>,
    /// The whole clause.
    pub span: Span,
    /// Its comments.
    pub comments: Comments,
}

/// A qualifier on a transition.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "modifier", rename_all = "snake_case")]
pub enum Modifier {
    /// The transition must happen within this time (a time limit).
    Within {
        /// A duration.
        value: Value,
    },
    /// The transition opens only after this time.
    After {
        /// A duration.
        value: Value,
    },
    /// Who decides.
    DecidedBy {
        /// A party.
        party: Name,
    },
    /// Whose consent is needed.
    Consent {
        /// A list of parties.
        parties: Value,
    },
    /// A condition in words.
    If {
        /// The condition.
        text: Name,
    },
}

/// A money flow: `worker pays visa 85 CAD to origin_state deducted`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flow {
    /// Who pays.
    pub payer: Name,
    /// For what.
    pub cost: Name,
    /// How much, if stated.
    pub amount: Option<Value>,
    /// To whom, if stated.
    pub payee: Option<Name>,
    /// Whether it is taken from wages.
    pub deducted: bool,
    /// Whether the program says the cost is not paid (`worker pays no deposit`).
    pub negated: bool,
    /// The clause of the agreement it encodes.
    pub source: Option<Name>,
    /// The whole clause.
    pub span: Span,
    /// Its comments.
    pub comments: Comments,
}
