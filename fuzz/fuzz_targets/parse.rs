//! Any bytes as a program, read by the direct reader and by the grammar: wherever the reader gives
//! a tree, the grammar must give the same tree and no error.
#![no_main]

use fairpath::syntax::lines::Lines;
use fairpath::syntax::parse::{parse_by_grammar, read_directly};
use fairpath::syntax::source::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // The grammar reads only what `decode` passes: nesting and size are bounded first.
    let Ok(text) = decode(bytes) else {
        return;
    };
    let lines = Lines::new(&text);
    if let Some(direct) = read_directly(&text, &lines) {
        let (tree, errors) = parse_by_grammar(&text, &lines);
        assert!(
            errors.is_empty(),
            "read directly, yet the grammar finds errors"
        );
        assert_eq!(tree.as_ref(), Some(&direct));
    }
});
