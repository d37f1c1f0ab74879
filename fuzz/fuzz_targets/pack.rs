//! Any text as a rule pack: compile it beside the shipped packs and evaluate it on the
//! reference program. Nothing may panic or overflow the stack.
#![no_main]

use std::sync::OnceLock;

use fairpath::rules::Engine;
use fairpath::syntax::Source;
use libfuzzer_sys::fuzz_target;

fn reference() -> &'static fairpath::Compiled {
    static REFERENCE: OnceLock<fairpath::Compiled> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        let text = include_str!("../../policies/examples/reference.fair");
        match fairpath::compile("reference.fair", text.as_bytes()) {
            Ok(c) => c,
            Err(_) => std::process::abort(),
        }
    })
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut engine = Engine::bare();
    if engine.add(Source::new("fuzz.rules", text)).is_ok() {
        let _ = engine.evaluate(reference().model());
    }
});
