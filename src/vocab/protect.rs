//! Which of two values of a term protects workers more, following the term's direction.

use std::cmp::Ordering;

use super::{Better, Term, Typed};

/// Compares two values of `term`: `Greater` when `new` protects more than `old`, `Less` when it
/// protects less, `Equal` when the same, `None` when the vocabulary gives no direction or the
/// values cannot be ranked (lists that neither contain the other).
pub fn compare(term: &Term, old: &Typed, new: &Typed) -> Option<Ordering> {
    by(term.better, term.kind.allowed(), old, new)
}

/// A number or an amount of money, with its currency (none for a number).
fn amount(v: &Typed) -> Option<(f64, &str)> {
    match v {
        Typed::Number(n) => Some((*n, "")),
        Typed::Money { amount, currency } => Some((*amount, currency.as_str())),
        _ => None,
    }
}

/// Compares two values in the direction `better`; `ordered` ranks words from least to most
/// protective, for [`Better::Ordered`]. Used for terms and for the modifiers of transitions and
/// money flows.
pub fn by(better: Better, ordered: &[&str], old: &Typed, new: &Typed) -> Option<Ordering> {
    if old == new {
        return Some(Ordering::Equal);
    }
    match (better, old, new) {
        (Better::Higher | Better::Lower, a, b) => {
            let ((a, x), (b, y)) = (amount(a)?, amount(b)?);
            if x != y {
                return None;
            }
            let more = b.partial_cmp(&a)?;
            Some(if better == Better::Higher {
                more
            } else {
                more.reverse()
            })
        }
        (Better::Yes, Typed::Bool(a), Typed::Bool(b)) => b.partial_cmp(a),
        (Better::No, Typed::Bool(a), Typed::Bool(b)) => a.partial_cmp(b),
        (Better::Ordered, Typed::Word(a), Typed::Word(b)) => {
            let rank = |w: &str| ordered.iter().position(|x| *x == w);
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
            Some(if better == Better::More {
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
