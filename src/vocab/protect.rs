//! Which of two values of a term protects workers more, following the term's direction.

use std::cmp::Ordering;

use super::{Better, Term, Typed};

/// Compares two values of `term`: `Greater` when `new` protects more than `old`, `Less` when it
/// protects less, `Equal` when the same, `None` when the vocabulary gives no direction or the
/// values cannot be ranked (lists that neither contain the other).
pub fn compare(term: &Term, old: &Typed, new: &Typed) -> Option<Ordering> {
    if old == new {
        return Some(Ordering::Equal);
    }
    match (term.better, old, new) {
        (Better::Higher, Typed::Number(a), Typed::Number(b)) => b.partial_cmp(a),
        (Better::Lower, Typed::Number(a), Typed::Number(b)) => a.partial_cmp(b),
        (
            Better::Higher,
            Typed::Money {
                amount: a,
                currency: x,
            },
            Typed::Money {
                amount: b,
                currency: y,
            },
        ) if x == y => b.partial_cmp(a),
        (Better::Yes, Typed::Bool(a), Typed::Bool(b)) => b.partial_cmp(a),
        (Better::No, Typed::Bool(a), Typed::Bool(b)) => a.partial_cmp(b),
        (Better::Ordered, Typed::Word(a), Typed::Word(b)) => {
            let rank = |w: &str| term.kind.allowed().iter().position(|x| *x == w);
            rank(b)?.partial_cmp(&rank(a)?)
        }
        (Better::More | Better::Fewer, Typed::Words(a), Typed::Words(b)) => {
            let a_in_b = a.iter().all(|x| b.contains(x));
            let b_in_a = b.iter().all(|x| a.contains(x));
            let more = match (a_in_b, b_in_a) {
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                _ => return None,
            };
            Some(if term.better == Better::More {
                more
            } else {
                more.reverse()
            })
        }
        (Better::Worker, Typed::Word(a), Typed::Word(b)) => {
            (b == "worker").partial_cmp(&(a == "worker"))
        }
        (Better::NotWorker, Typed::Word(a), Typed::Word(b)) => {
            (a == "worker").partial_cmp(&(b == "worker"))
        }
        _ => None,
    }
}
