//! Any bytes as a program: parse, model, every shipped pack, every report format, in a language
//! chosen by the input's length so that every language is covered at a third of the cost. Nothing
//! may panic, hang or produce invalid JSON.
#![no_main]

use std::sync::OnceLock;

use fairpath::report::batch::{render, Format, FORMATS};
use fairpath::vocab::Lang;
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
        let lang = Lang::ALL[bytes.len() % Lang::ALL.len()].0;
        for format in FORMATS {
            let text = render(format, lang, s.engine(), &all, &[], 1);
            if matches!(format, Format::Json(_) | Format::Sarif) {
                assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
            }
        }
    }
});
