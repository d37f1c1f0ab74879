//! The compiled image of the shipped packs and ratification data (`policies/standards/compiled.bin`):
//! it is what the texts compile to now, it decodes to the same engine, and an image that is
//! damaged, in another format or made from other texts is refused.
//!
//! `FAIRPATH_WRITE_IMAGE=1 cargo test --test image` writes the image again.

use fairpath::rules::image::{self, Error};
use fairpath::rules::Engine;

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/policies/standards/compiled.bin"
);

const REGENERATE: &str = "FAIRPATH_WRITE_IMAGE=1 cargo test --test image";

/// The image of the engine compiled from the embedded texts.
fn made() -> Vec<u8> {
    let engine = Engine::from_text();
    image::encode(&engine.packs, &engine.ratifications).unwrap()
}

#[test]
fn the_checked_in_image_is_what_the_packs_and_data_compile_to() {
    let made = made();
    if std::env::var_os("FAIRPATH_WRITE_IMAGE").is_some() {
        // The binary built into this test still holds the image it was built with.
        std::fs::write(PATH, &made).unwrap();
        return;
    }
    let checked_in = std::fs::read(PATH).unwrap();
    assert!(
        checked_in == made,
        "policies/standards/compiled.bin is not what the shipped packs and ratification data \
         compile to now ({} bytes, {} expected); regenerate it with `{REGENERATE}`",
        checked_in.len(),
        made.len()
    );
    assert!(
        image::decode(image::SHIPPED).is_ok(),
        "the image built into this binary is stale; regenerate it with `{REGENERATE}` and build again"
    );
}

#[test]
fn the_engine_from_the_image_is_the_engine_from_the_text() {
    let text = Engine::from_text();
    let (packs, ratifications) = image::decode(&made()).unwrap();
    assert_eq!(packs.len(), 6);
    assert_eq!(
        text.rules().count(),
        packs.iter().map(|p| p.rules.len()).sum::<usize>()
    );
    for (a, b) in text.rules().zip(packs.iter().flat_map(|p| &p.rules)) {
        assert!(!b.checks.is_empty(), "{} has its checks", b.id);
        assert_eq!(
            serde_json::to_value(a).unwrap(),
            serde_json::to_value(b).unwrap()
        );
        assert_eq!(
            serde_json::to_value((&a.applies, &a.checks)).unwrap(),
            serde_json::to_value((&b.applies, &b.checks)).unwrap(),
            "{}",
            a.id
        );
        assert_eq!(a.applies, b.applies, "{}", a.id);
        assert_eq!(a.checks, b.checks, "{}", a.id);
    }
    assert_eq!(text.ratifications.entries(), ratifications.entries());
    assert_eq!(
        text.ratifications.instruments(),
        ratifications.instruments()
    );
    let entry = &ratifications.entries()[0];
    assert_eq!(
        ratifications.lookup(&entry.state, &entry.instrument),
        Some(entry),
        "the index is built again"
    );
    // Everything, byte for byte: the image of the decoded engine is the image it came from.
    assert_eq!(image::encode(&packs, &ratifications).unwrap(), made());
}

#[test]
fn the_shipped_engine_and_data_are_the_ones_compiled_from_text() {
    let text = Engine::from_text();
    let shipped = Engine::embedded();
    assert_eq!(
        image::encode(&shipped.packs, &shipped.ratifications).unwrap(),
        image::encode(&text.packs, &text.ratifications).unwrap()
    );
    assert_eq!(
        fairpath::rules::ratify::Ratifications::embedded().entries(),
        text.ratifications.entries()
    );
}

#[test]
fn a_damaged_image_is_refused() {
    let good = made();
    assert!(matches!(image::decode(&[]), Err(Error::Decode(_))));
    let cut = &good[..good.len() / 2];
    assert!(matches!(image::decode(cut), Err(Error::Decode(_))));
    assert!(matches!(
        image::ratifications(&good[..3]),
        Err(Error::Decode(_))
    ));
    // The format is the first byte (a varint below 128).
    let mut other = good.clone();
    other[0] = (image::FORMAT + 1) as u8;
    assert!(matches!(
        image::decode(&other),
        Err(Error::Format { found }) if found == image::FORMAT + 1
    ));
    // The fingerprint of the texts follows: change its lowest bits.
    let mut stale = good.clone();
    stale[1] ^= 1;
    assert!(matches!(image::decode(&stale), Err(Error::Stale)));
    assert!(matches!(image::ratifications(&stale), Err(Error::Stale)));
}

#[test]
fn a_term_the_vocabulary_does_not_have_is_refused() {
    let good = made();
    // Every term is written as its path; a path no term has does not decode. The conditions
    // come last, after the rules' texts.
    let path = b"permit.grace_period";
    let at = good
        .windows(path.len())
        .rposition(|w| w == path)
        .expect("a condition reads permit.grace_period");
    let mut bad = good.clone();
    bad[at] = b'q';
    let error = image::decode(&bad).unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error}");
    assert!(image::decode(&good).is_ok());
}

#[test]
fn the_fingerprint_tells_the_texts_apart() {
    let packs = fairpath::rules::EMBEDDED_PACKS;
    let data = "[[instrument]]";
    let base = image::fingerprint(packs, data);
    assert_eq!(base, image::fingerprint(packs, data));
    assert_ne!(base, image::fingerprint(packs, "[[instrument]] "));
    assert_ne!(base, image::fingerprint(&packs[1..], data));
    // The same bytes split otherwise between name and text.
    assert_ne!(
        image::fingerprint(&[("a", "bc")], ""),
        image::fingerprint(&[("ab", "c")], "")
    );
}
