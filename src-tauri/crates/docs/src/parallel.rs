//! Work spread over a few threads, with results in input order, so that what is produced
//! never depends on how many threads did it.

use std::sync::atomic::{AtomicUsize, Ordering};

/// At most this many threads lay out and write a document.
const MAX_THREADS: usize = 4;

/// How many threads to use: the machine's cores, at most [`MAX_THREADS`].
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, MAX_THREADS)
}

/// Runs `work` on each chunk on its own thread; the results come back in the chunks' order.
/// A panic in a worker is resumed on the calling thread, as if the work had been done there.
pub fn chunks<C: Send, T: Send>(chunks: Vec<C>, work: impl Fn(C) -> T + Sync) -> Vec<T> {
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || work(chunk)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// `work` applied to every item, `threads` threads taking the next item as they finish one
/// (items differ in size); the results come back in the items' order.
pub fn map<I: Sync, T: Send>(items: &[I], threads: usize, work: impl Fn(&I) -> T + Sync) -> Vec<T> {
    map_with(items, threads, || (), |(), item| work(item)).0
}

/// Like [`map`], each thread with its own state made by `init`; the states are returned
/// too. Which items a thread did is not fixed, so whatever is gathered in a state must not
/// depend on the order of the items.
pub fn map_with<I: Sync, T: Send, S: Send>(
    items: &[I],
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &I) -> T + Sync,
) -> (Vec<T>, Vec<S>) {
    let next = AtomicUsize::new(0);
    let workers = threads.clamp(1, items.len().max(1));
    let parts = chunks(vec![(); workers], |()| {
        let mut state = init();
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                break;
            };
            done.push((i, work(&mut state, item)));
        }
        (done, state)
    });
    let mut results = Vec::with_capacity(items.len());
    let mut states = Vec::with_capacity(workers);
    for (done, state) in parts {
        results.extend(done);
        states.push(state);
    }
    results.sort_by_key(|(i, _)| *i);
    (results.into_iter().map(|(_, r)| r).collect(), states)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_the_items_order() {
        let items: Vec<u64> = (0..200).collect();
        for threads in 1..=5 {
            let squares = map(&items, threads, |n| {
                // Uneven work, so threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros(n % 7 * 50));
                n * n
            });
            assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        }
        assert!(map(&[] as &[u8], 2, |b| *b).is_empty());
    }

    #[test]
    fn chunks_come_back_in_order() {
        let out = chunks(vec![vec![1, 2], vec![3], vec![]], |c: Vec<i32>| {
            c.iter().sum::<i32>()
        });
        assert_eq!(out, vec![3, 3, 0]);
    }
}
