//! Any program `fmt` accepts: formatting is idempotent, keeps every comment and leaves the
//! terms unchanged.
#![no_main]

use fairpath::syntax::format::format_program;
use fairpath::syntax::lexical::{lexemes, Lexeme};
use fairpath::syntax::parse_file;
use fairpath::syntax::print::to_fair;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(parsed) = parse_file("fuzz.fair", bytes) else {
        return;
    };
    let text = parsed.source().text();
    let once = format_program(parsed.program(), text);
    let again = parse_file("fuzz.fair", once.as_bytes())
        .unwrap_or_else(|r| panic!("fmt output does not parse: {:?}\n{once}", r.diagnostics()));
    // Terms compared as printed, spans aside: layout moves clauses, never changes them.
    assert_eq!(
        to_fair(again.terms()),
        to_fair(parsed.terms()),
        "fmt changed the terms:\n{text}\n---\n{once}"
    );
    let twice = format_program(again.program(), &once);
    assert_eq!(once, twice, "fmt is not idempotent");
    assert_eq!(
        comments(&once),
        comments(text),
        "fmt lost or made a comment"
    );
});

/// The comments of `text`, each as its words (layout aside).
fn comments(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last = None;
    for (i, c, lexeme) in lexemes(text) {
        if lexeme != Lexeme::Comment {
            continue;
        }
        if last.is_none_or(|l| {
            l + c.len_utf8() < i || text.get(l..i).is_some_and(|g| g.contains('\n'))
        }) {
            out.push(String::new());
        }
        if let Some(s) = out.last_mut() {
            s.push(c);
        }
        last = Some(i);
    }
    let mut words: Vec<String> = out
        .iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    words.sort();
    words
}
