//! Hostile surroundings: closed pipes and full disks, folders that link to themselves, FIFOs,
//! planted links, and writes that must keep a file's mode, links and contents.
#![cfg(unix)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

const SEASONAL: &str = "policies/examples/seasonal-agriculture.fair";
const MESSY: &str = "program   \"M\" {\n kind seasonal\n}\n";

fn fairpath() -> Process {
    Process::cargo_bin("fairpath").unwrap()
}

/// Runs `fairpath` with `args` and no standard input, failing the test if it takes over 20 s.
fn run(args: &[&str]) -> std::process::Output {
    let start = Instant::now();
    let out = fairpath().args(args).stdin(Stdio::null()).output().unwrap();
    assert!(start.elapsed() < Duration::from_secs(20), "{args:?} hung");
    out
}

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_is_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("fairpath");
    for cmd in [
        format!("{} rules --format json | head -c1", bin.display()),
        format!("{} check {SEASONAL} | head -n1", bin.display()),
        format!("{} completions bash | head -c1", bin.display()),
    ] {
        let out = Process::new("bash")
            .args(["-c", &format!("set -o pipefail; {cmd} >/dev/null")])
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0) | Some(1) | Some(141)),
            "{cmd}: {code:?} {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = fairpath()
            .args(["check", SEASONAL])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the output"));
    }
}

#[test]
fn a_folder_linking_to_itself_is_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    std::fs::create_dir(&d).unwrap();
    std::fs::copy(SEASONAL, d.join("p.fair")).unwrap();
    std::os::unix::fs::symlink(".", d.join("a")).unwrap();
    std::os::unix::fs::symlink(".", d.join("b")).unwrap();
    let out = run(&["check", "--format", "table", d.to_str().unwrap()]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        table.matches("Seasonal Farm Workers Scheme").count(),
        1,
        "{table}"
    );
}

#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("p.fair");
    assert!(Process::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for cmd in ["check", "fmt", "graph"] {
        let out = run(&[cmd, fifo.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    }
    std::fs::copy(SEASONAL, dir.path().join("q.fair")).unwrap();
    let out = run(&["check", "--format", "table", dir.path().to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Seasonal Farm Workers Scheme"));
}

#[test]
fn fmt_keeps_mode_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.fair");
    std::fs::write(&real, MESSY).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.fair");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let hard = dir.path().join("hard.fair");
    std::fs::hard_link(&real, &hard).unwrap();
    let out = run(&["fmt", link.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    let formatted = std::fs::read_to_string(&real).unwrap();
    assert!(formatted.starts_with("program \"M\" {"), "{formatted}");
    assert_eq!(
        std::fs::read_to_string(&hard).unwrap(),
        formatted,
        "hard links stay one file"
    );
    let meta = std::fs::metadata(&real).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(meta.nlink(), 2);

    let lone = dir.path().join("lone.fair");
    std::fs::write(&lone, MESSY).unwrap();
    std::fs::set_permissions(&lone, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(run(&["fmt", lone.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(
        std::fs::metadata(&lone).unwrap().permissions().mode() & 0o777,
        0o640,
        "the mode is kept through the rename"
    );
}

#[test]
fn output_onto_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.fair");
    std::fs::copy(SEASONAL, &p).unwrap();
    let before = std::fs::read(&p).unwrap();
    let out = run(&[
        "check",
        "--format",
        "html",
        "--output",
        p.to_str().unwrap(),
        p.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("would destroy it"));
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn input_errors_reach_every_machine_format_and_short_and_junit_read_in_ci() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("a-bad.fair");
    std::fs::write(&bad, "program \"x\" { kind seasonl }").unwrap();
    let good = dir.path().join("b-good.fair");
    std::fs::copy(SEASONAL, &good).unwrap();
    let missing = dir.path().join("c-missing.fair");
    let args = |format: &str| {
        run(&[
            "check",
            "--format",
            format,
            bad.to_str().unwrap(),
            good.to_str().unwrap(),
            missing.to_str().unwrap(),
        ])
    };
    let json: serde_json::Value = serde_json::from_slice(&args("json").stdout).unwrap();
    let errors = json["errors"].as_array().unwrap();
    assert!(errors.iter().any(|e| e["code"] == "fairpath::unknown-value"
        && e["file"].as_str().unwrap().ends_with("a-bad.fair")
        && e["span"]["line"] == 1));
    assert!(errors.iter().any(|e| e["code"] == "fairpath::input"
        && e["message"].as_str().unwrap().contains("c-missing.fair")));
    assert_eq!(json["programs"].as_array().unwrap().len(), 1);
    let sarif: serde_json::Value = serde_json::from_slice(&args("sarif").stdout).unwrap();
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes
        .iter()
        .any(|n| n["descriptor"]["id"] == "fairpath::unknown-value"));
    let short = args("short");
    assert_eq!(short.status.code(), Some(2));
    let short = String::from_utf8_lossy(&short.stdout);
    assert!(
        short.lines().any(|l| l.ends_with(
            "a-bad.fair:1:20: error[fairpath::unknown-value] `seasonl` is not a value of `kind`"
        )),
        "{short}"
    );
    assert!(
        short
            .lines()
            .any(|l| l.contains("b-good.fair:") && l.contains(": error[c098.art4] C098 Art. 4: ")),
        "{short}"
    );
    assert!(short.lines().all(|l| l.split(':').count() >= 4), "{short}");
    let junit = String::from_utf8_lossy(&args("junit").stdout).into_owned();
    assert!(junit.starts_with("<?xml") && junit.trim_end().ends_with("</testsuites>"));
    assert_eq!(junit.matches("<testsuite ").count(), 3);
    assert!(junit.contains("<failure message=\"C098 Art. 4"));
    assert!(junit.contains("<skipped message=\"the program is silent on "));
    assert!(junit.contains("<error message=\"`seasonl` is not a value of `kind`\""));
}

/// A folder whose first file is much slower to check than the rest, so that with several threads
/// the later files finish first; and a broken file in the middle.
fn uneven_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut big = String::from("program \"Big\" {\n  kind seasonal\n  statuses {\n    entry s0\n");
    for i in 0..3000 {
        big.push_str(&format!("    s{i} employed\n"));
    }
    for i in 0..3000 {
        big.push_str(&format!("    s{i} -> s{} on job_loss\n", (i + 1) % 3000));
    }
    big.push_str("  }\n}\n");
    std::fs::write(dir.path().join("a-big.fair"), big).unwrap();
    for (i, entry) in std::fs::read_dir("policies/programs").unwrap().enumerate() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "fair") {
            std::fs::copy(&path, dir.path().join(format!("b{i:02}.fair"))).unwrap();
        }
    }
    std::fs::write(
        dir.path().join("b05-broken.fair"),
        "program \"x\" { kind seasonl }",
    )
    .unwrap();
    dir
}

#[test]
fn a_folder_reports_the_same_bytes_whatever_order_its_files_finish_in() {
    let dir = uneven_folder();
    let folder = dir.path().to_str().unwrap();
    for format in [
        "human", "json", "sarif", "short", "junit", "table", "markdown",
    ] {
        let args = |jobs: &str| run(&["check", "--format", format, "--jobs", jobs, folder]);
        let (one, four) = (args("1"), args("4"));
        assert_eq!(one.status.code(), Some(2), "{format}: a file is broken");
        assert!(!one.stdout.is_empty(), "{format}");
        assert_eq!(
            one.stdout, four.stdout,
            "{format}: output depends on timing"
        );
        assert_eq!(
            one.stderr, four.stderr,
            "{format}: diagnostics depend on timing"
        );
    }
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["check", "--format", "json", folder]).stdout).unwrap();
    let files: Vec<&str> = json["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "programs in file order");
    assert!(files.len() >= 15 && files[0].ends_with("a-big.fair"));
}

#[test]
fn diagnostics_written_to_a_log_carry_no_terminal_escapes() {
    let dir = uneven_folder();
    let out = run(&["check", "--format", "short", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`seasonl` is not a value of `kind`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "escape sequences in a log: {stderr:?}"
    );
}

#[test]
fn a_report_written_to_a_file_is_whole_and_leaves_no_temporary_file() {
    let dir = uneven_folder();
    let report = tempfile::tempdir().unwrap();
    let path = report.path().join("report.json");
    let folder = dir.path().to_str().unwrap();
    let out = run(&[
        "check",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
        folder,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let printed: serde_json::Value =
        serde_json::from_slice(&run(&["check", "--format", "json", folder]).stdout).unwrap();
    assert_eq!(written, printed);
    let names: Vec<_> = std::fs::read_dir(report.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "only the report is left");
}

/// The highest resident memory a running process has reached, in KiB (Linux's `VmHWM`).
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_large_batch_is_reported_in_memory_that_does_not_grow_with_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let corpus: Vec<_> = std::fs::read_dir("policies/programs")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "fair"))
        .collect();
    for i in 0..200 {
        std::fs::copy(
            &corpus[i % corpus.len()],
            dir.path().join(format!("{i:03}.fair")),
        )
        .unwrap();
    }
    let mut child = fairpath()
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    let mut peak = 0;
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        peak = peak.max(peak_kib(child.id()).unwrap_or(0));
        std::thread::sleep(Duration::from_millis(10));
        assert!(start.elapsed() < Duration::from_secs(120), "hung");
    }
    let written = reader.join().unwrap().unwrap();
    assert!(written > 16 << 20, "the report is large: {written} bytes");
    assert!(
        peak > 0 && peak < 80 << 10,
        "peak memory {peak} KiB for {written} bytes of report"
    );
}
