//! The playground in a browser: `web/` served locally, a corpus program put into the page, and
//! the findings the page shows compared with the engine's. Needs the WebAssembly build
//! (`web/build.sh`, which CI runs before the tests) and Chromium.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use fairpath::rules::Verdict;

mod common;

const PROGRAM: &str = "policies/programs/korea-eps.fair";

fn browser() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
}

/// Serves the files of `web/` on a local port until the test ends; returns the port.
fn serve() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut request = String::new();
                reader.read_line(&mut request).unwrap_or(0);
                let path = request.split_whitespace().nth(1).unwrap_or("/");
                let path = path.split(['?', '#']).next().unwrap_or("/");
                let file: PathBuf = Path::new("web").join(match path.trim_start_matches('/') {
                    "" => "index.html",
                    p => p,
                });
                let kind = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html",
                    Some("js") => "text/javascript",
                    Some("css") => "text/css",
                    Some("wasm") => "application/wasm",
                    _ => "application/octet-stream",
                };
                let mut out = &stream;
                let _ = match std::fs::read(&file) {
                    Ok(body) if !path.contains("..") => out
                        .write_all(
                            format!(
                                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                                body.len()
                            )
                            .as_bytes(),
                        )
                        .and_then(|()| out.write_all(&body)),
                    _ => out.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
                };
            });
        }
    });
    port
}

/// Every byte but letters and digits percent-encoded.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The page's DOM once the engine has run on `text`.
fn page_with(chromium: &str, port: u16, text: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = common::headless(chromium, profile.path())
        .args(["--virtual-time-budget=30000", "--dump-dom"])
        .arg(format!(
            "http://127.0.0.1:{port}/index.html#program={}",
            encode(text)
        ))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_playground_shows_the_engines_findings_and_the_problems() {
    if !Path::new("web/pkg/fairpath_web_bg.wasm").exists() {
        eprintln!("web/pkg is absent: skipped (run web/build.sh first; CI does)");
        return;
    }
    let Some(chromium) = browser() else {
        eprintln!("chromium not installed: skipped (CI installs it)");
        return;
    };
    let port = serve();
    let text = std::fs::read_to_string(PROGRAM).unwrap();
    let checked = fairpath::check(PROGRAM, &text, &fairpath::Options::default()).unwrap();
    let dom = page_with(chromium, port, &text);
    let head = &dom[..dom.len().min(3000)];
    assert!(dom.contains("data-checked=\"1\""), "the engine ran: {head}");
    let [violated, unstated, satisfied, na] = checked.counts();
    assert!(
        dom.contains(&format!(
            "{violated} violated, {unstated} unstated, {satisfied} satisfied, {na} not applicable"
        )),
        "{head}"
    );
    let shortfalls: Vec<&str> = checked
        .findings
        .iter()
        .filter(|f| f.worst() == Verdict::Violated)
        .map(|f| f.rule.id.as_str())
        .collect();
    assert!(!shortfalls.is_empty());
    for rule in shortfalls {
        assert!(dom.contains(&format!("id=\"{rule}\"")), "{rule} is shown");
    }
    assert!(
        dom.contains("<h2>Scorecard") && dom.contains("<svg"),
        "{head}"
    );

    let broken = page_with(chromium, port, "program \"Pilot\" {\n  kynd seasonal\n}\n");
    assert!(
        broken.contains("line 2, column 3: error[fairpath::unknown-term]"),
        "{}",
        &broken[..broken.len().min(3000)]
    );
    assert!(!broken.contains("<h2>Scorecard"));
}
