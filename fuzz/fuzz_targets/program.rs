//! Any bytes as a program: parse, model, every shipped pack, every report format. Nothing may
//! panic, hang or produce invalid JSON.
#![no_main]

use std::sync::OnceLock;

use fairpath::{Options, Session};
use libfuzzer_sys::fuzz_target;

fn session() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| Session::new(&Options::default()))
}

fuzz_target!(|bytes: &[u8]| {
    let s = session();
    if let Ok(checked) = s.check("fuzz.fair", bytes) {
        let all = [checked];
        let json = fairpath::report::json(&all, &[], s.engine(), true);
        assert!(serde_json::to_string(&json).is_ok());
        let _ = fairpath::report::sarif(&all, &[], s.engine(), 0);
        let [c] = all;
        let _ = fairpath::report::markdown(&c);
        let _ = fairpath::report::html(&c);
        let _ = fairpath::report::human(&c, fairpath::syntax::diagnostic::Style::Plain, false);
    }
});
