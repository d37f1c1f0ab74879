//! Work on many files at once, results in file order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// How far ahead of the oldest unfinished item the threads may run; this bounds the results held
/// while waiting for a slow one.
const WINDOW: usize = 64;

/// Calls `make` on `0..n` on `threads` threads and hands each result to `take` in index order,
/// as soon as it and every earlier one are made. What `take` sees is the same whatever order the
/// items finish in.
pub fn ordered<T: Send>(
    n: usize,
    threads: usize,
    make: impl Fn(usize) -> T + Sync,
    mut take: impl FnMut(T),
) {
    let threads = threads.clamp(1, n.max(1));
    if threads == 1 {
        (0..n).for_each(|i| take(make(i)));
        return;
    }
    let next = AtomicUsize::new(0);
    let taken = (Mutex::new(0_usize), Condvar::new());
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|s| {
        for _ in 0..threads {
            let (tx, next, taken, make) = (tx.clone(), &next, &taken, &make);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let mut done = taken.0.lock().unwrap_or_else(PoisonError::into_inner);
                while i >= *done + WINDOW {
                    done = taken.1.wait(done).unwrap_or_else(PoisonError::into_inner);
                }
                drop(done);
                if tx.send((i, make(i))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut want = 0;
        for (i, item) in rx {
            waiting.insert(i, item);
            while let Some(item) = waiting.remove(&want) {
                take(item);
                want += 1;
                *taken.0.lock().unwrap_or_else(PoisonError::into_inner) = want;
                taken.1.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::ordered;

    #[test]
    fn results_come_in_index_order_whatever_order_they_finish_in() {
        let mut seen = Vec::new();
        ordered(
            300,
            4,
            |i| {
                // Early items are the slowest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros(
                    ((300 - i) % 7) as u64 * 50,
                ));
                i * 2
            },
            |x| seen.push(x),
        );
        assert_eq!(seen, (0..300).map(|i| i * 2).collect::<Vec<_>>());
    }
}
