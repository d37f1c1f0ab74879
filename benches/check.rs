//! Speed of the whole pipeline: parse, vocabulary check, model, every shipped pack.
//!
//! Targets: a 200-line program in under 200 µs in one thread; 10,000 programs in under 2 s on
//! two cores.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use fairpath::syntax::parse_file;
use fairpath::{Options, Session};

/// The reference program without its comments: every vocabulary term, about 200 lines.
fn program_200_lines() -> String {
    let text =
        std::fs::read_to_string("policies/examples/reference.fair").expect("reference program");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(session: &Session, text: &str) -> usize {
    session
        .check("bench.fair", text.as_bytes())
        .expect("checks")
        .findings
        .len()
}

fn pipeline(c: &mut Criterion) {
    let session = Session::new(&Options::default());
    let text = program_200_lines();
    assert!(
        text.lines().count() >= 195,
        "{} lines",
        text.lines().count()
    );
    c.bench_function("parse + compile + all packs, 200-line program", |b| {
        b.iter(|| check(&session, black_box(&text)))
    });
    c.bench_function("parse only, 200-line program", |b| {
        b.iter(|| parse_file("bench.fair", black_box(text.as_bytes())).is_ok())
    });
}

fn batch(c: &mut Criterion) {
    let session = Session::new(&Options::default());
    let corpus: Vec<String> = std::fs::read_dir("policies/programs")
        .unwrap()
        .chain(std::fs::read_dir("policies/examples").unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "fair"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("10,000 programs on 2 threads", |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..2)
                    .map(|t| {
                        let (session, corpus) = (&session, &corpus);
                        s.spawn(move || {
                            (0..5_000)
                                .map(|i| check(session, &corpus[(i * 2 + t) % corpus.len()]))
                                .sum::<usize>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap())
                    .sum::<usize>()
            })
        })
    });
    group.finish();
    let start = Instant::now();
    let n: usize = (0..100)
        .map(|i| check(&session, &corpus[i % corpus.len()]))
        .sum();
    eprintln!(
        "sanity: {n} findings from 100 programs in {:?}",
        start.elapsed()
    );
}

criterion_group!(benches, pipeline, batch);
criterion_main!(benches);
