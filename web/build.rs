//! Embeds the shipped example programs and the corpus, so the playground can offer them.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("policies");
    let mut out = String::from("/// The bundled programs: (file name, text), examples first.\npub const EXAMPLES: &[(&str, &str)] = &[\n");
    for folder in ["examples", "programs"] {
        let dir = root.join(folder);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("the policies folder is beside web/")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "fair"))
            .collect();
        files.sort();
        for f in files {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let _ = writeln!(
                out,
                "    ({name:?}, include_str!({:?})),",
                f.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("examples.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
