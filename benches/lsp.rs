//! How soon `fairpath lsp` publishes diagnostics after a change, for each corpus program, with
//! every finding shown (the slowest setting). Target: under 50 ms for every program.

#[path = "../tests/common/lsp.rs"]
mod client;

use std::time::{Duration, Instant};

use client::Client;
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;

fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir("policies/programs")
        .unwrap()
        .chain(std::fs::read_dir("policies/examples").unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "fair"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

fn change_to_diagnostics(c: &mut Criterion) {
    let (mut lsp, _) = Client::start(env!("CARGO_BIN_EXE_fairpath"), json!({"findings": "all"}));
    let mut version = 1;
    let mut slowest = (Duration::ZERO, String::new());
    let mut group = c.benchmark_group("lsp change to diagnostics");
    group.sample_size(20);
    for (name, text) in corpus() {
        let uri = format!("file:///corpus/{name}");
        lsp.open(&uri, &text);
        lsp.diagnostics(&uri);
        group.bench_function(&name, |b| {
            b.iter(|| {
                version += 1;
                let start = Instant::now();
                lsp.change(&uri, version, &text);
                let n = lsp.diagnostics(&uri).len();
                let took = start.elapsed();
                if took > slowest.0 {
                    slowest = (took, name.clone());
                }
                n
            })
        });
    }
    group.finish();
    eprintln!(
        "slowest change to diagnostics: {:?} ({}); target 50 ms",
        slowest.0, slowest.1
    );
    assert!(lsp.shutdown() == Some(0));
}

criterion_group!(benches, change_to_diagnostics);
criterion_main!(benches);
