//! Speed of the whole pipeline: parse, vocabulary check, model, every shipped pack, and reports.
//!
//! Targets: a 200-line program in under 200 µs in one thread; 10,000 programs in under 2 s on
//! two cores; a 100,000-transition program reported in under 1 s. Whole processes, start-up and
//! peak memory are measured by `benches/scale.sh`.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use fairpath::model::Model;
use fairpath::report::batch::{render, Format};
use fairpath::syntax::parse::parse_program;
use fairpath::syntax::parse_file;
use fairpath::syntax::validate::validate;
use fairpath::{Options, Session};

/// The allocator `fairpath` itself runs with, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let mut stages = c.benchmark_group("stages, 200-line program");
    let tree = parse_program(&text).expect("parses");
    let terms = validate(&tree).0;
    let model = Model::from_terms(terms.clone()).0;
    stages.bench_function("0 grammar alone (pest tokens)", |b| {
        b.iter(|| {
            use fairpath::syntax::parse::{FairParser, Rule};
            use pest::Parser;
            FairParser::parse(Rule::program_file, black_box(&text))
                .map(|p| p.flatten().count())
                .unwrap_or(0)
        })
    });
    stages.bench_function("1 parse (tree)", |b| {
        b.iter(|| parse_program(black_box(&text)).is_ok())
    });
    stages.bench_function("2 validate", |b| b.iter(|| validate(black_box(&tree))));
    stages.bench_function("3 model", |b| {
        b.iter(|| Model::from_terms(black_box(terms.clone())))
    });
    stages.bench_function("4 evaluate every pack", |b| {
        b.iter(|| session.engine().evaluate(black_box(&model)).len())
    });
    stages.finish();
}

/// A program with `n` statuses in a ring, each with two ways out: `2 n` transitions, written
/// without indentation so that 100,000 transitions fit under the 4 MiB limit.
fn ring(n: usize) -> String {
    let mut text = String::from("program \"Ring\" {\nkind seasonal\nstatuses {\nentry s0\n");
    for i in 0..n {
        text.push_str(&format!("s{i} employed\n"));
    }
    for i in 0..n {
        let (next, back) = ((i + 1) % n, (i + n - 1) % n);
        text.push_str(&format!(
            "s{i}->s{next} on job_loss\ns{i}->s{back} on complaint\n"
        ));
    }
    text + "}\n}\n"
}

fn large(c: &mut Criterion) {
    let session = Session::new(&Options::default());
    let text = ring(50_000);
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("100,000 transitions: check and JSON report", |b| {
        b.iter(|| {
            let checked = session.check("ring.fair", text.as_bytes()).expect("checks");
            render(
                Format::Json(false),
                fairpath::vocab::Lang::En,
                session.engine(),
                &[checked],
                &[],
                1,
            )
            .len()
        })
    });
    group.bench_function("100,000 transitions: check and HTML report", |b| {
        b.iter(|| {
            let checked = session.check("ring.fair", text.as_bytes()).expect("checks");
            render(
                Format::Html,
                fairpath::vocab::Lang::En,
                session.engine(),
                &[checked],
                &[],
                1,
            )
            .len()
        })
    });
    group.finish();
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

/// Start-up: the shipped packs and ratification data decoded from the compiled image, as every
/// run does, and compiled from their text, as a run does when the image is stale.
fn start_up(c: &mut Criterion) {
    let mut group = c.benchmark_group("start_up");
    group.bench_function("image", |b| b.iter(fairpath::rules::Engine::embedded));
    group.bench_function("from_text", |b| b.iter(fairpath::rules::Engine::from_text));
    group.finish();
}

criterion_group!(benches, start_up, pipeline, batch, large);
criterion_main!(benches);
