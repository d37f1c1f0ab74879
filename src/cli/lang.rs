//! The language commands: `parse`, `fmt`, `init`, `terms`.

use std::path::{Path, PathBuf};

use super::files::{expand, write_atomic};
use super::{
    input_error, out, outln, pretty, read, report_rejected, Emit, TermsFormat, EXIT_FINDINGS,
    EXIT_INPUT, EXIT_OK,
};
use fairpath::syntax::{format::format_program, parse_file, read_program};
use fairpath::vocab;

pub fn parse(file: &Path, emit: Emit) -> u8 {
    let Some(bytes) = read(file) else {
        return EXIT_INPUT;
    };
    match parse_file(&file.display().to_string(), &bytes) {
        Err(r) => {
            report_rejected(&r);
            EXIT_INPUT
        }
        Ok(p) => {
            if !p.warnings().is_empty() {
                report_rejected(&fairpath::syntax::Rejected::new(
                    p.source().clone(),
                    p.warnings().to_vec(),
                ));
            }
            match emit {
                Emit::Ast => out!("{}", outline(p.program())),
                Emit::Json => out!("{}", pretty(p.terms())),
            }
            EXIT_OK
        }
    }
}

fn outline(program: &fairpath::syntax::ast::Program) -> String {
    use fairpath::syntax::ast::Item;
    use fairpath::syntax::format::value;
    fn items(out: &mut String, list: &[Item], depth: usize) {
        let pad = "  ".repeat(depth);
        for it in list {
            let s = it.span();
            let at = format!("[{}..{}]", s.start, s.end);
            match it {
                Item::Field(f) => out.push_str(&format!(
                    "{pad}field {} = {} {at}\n",
                    f.key.text,
                    value(&f.value)
                )),
                Item::Block(b) => {
                    out.push_str(&format!("{pad}block {} {at}\n", b.key.text));
                    items(out, &b.items, depth + 1);
                }
                Item::Transition(t) => out.push_str(&format!(
                    "{pad}transition {} -> {} on {} ({} qualifiers) {at}\n",
                    t.from.text,
                    t.to.text,
                    t.trigger.text,
                    t.modifiers.len()
                )),
                Item::Flow(f) => out.push_str(&format!(
                    "{pad}flow {} pays {} {at}\n",
                    f.payer.text, f.cost.text
                )),
                Item::Error(_) => out.push_str(&format!("{pad}not understood {at}\n")),
            }
        }
    }
    let mut out = format!(
        "program {:?} [{}..{}]\n",
        program.name.text, program.span.start, program.span.end
    );
    items(&mut out, &program.items, 1);
    out
}

pub fn fmt(paths: &[PathBuf], check: bool) -> u8 {
    let (files, found) = expand(paths, "fair");
    let mut code = if found { EXIT_OK } else { EXIT_INPUT };
    for path in files {
        let Some(bytes) = read(&path) else {
            code = EXIT_INPUT;
            continue;
        };
        let (source, program) = match read_program(&path.display().to_string(), &bytes) {
            Ok(ok) => ok,
            Err(r) => {
                report_rejected(&r);
                code = EXIT_INPUT;
                continue;
            }
        };
        let text = source.text();
        let formatted = format_program(&program, text);
        if formatted == text {
            continue;
        }
        if check {
            outln!("{} is not formatted", path.display());
            code = code.max(EXIT_FINDINGS);
        } else if let Err(e) = write_atomic(&path, formatted.as_bytes()) {
            input_error(&format!("cannot write `{}`: {e}", path.display()));
            code = EXIT_INPUT;
        } else {
            outln!("formatted {}", path.display());
        }
    }
    code
}

pub fn init(file: Option<&Path>, force: bool, filled: bool) -> u8 {
    let text = if filled {
        vocab::template::template()
    } else {
        vocab::template::blank()
    };
    let Some(path) = file else {
        out!("{text}");
        return EXIT_OK;
    };
    if path.exists() && !force {
        input_error(&format!(
            "`{}` already exists; pass `--force` to overwrite it",
            path.display()
        ));
        return EXIT_INPUT;
    }
    match write_atomic(path, text.as_bytes()) {
        Ok(()) => {
            outln!("wrote {}", path.display());
            EXIT_OK
        }
        Err(e) => {
            input_error(&format!("cannot write `{}`: {e}", path.display()));
            EXIT_INPUT
        }
    }
}

pub fn terms(format: TermsFormat) -> u8 {
    match format {
        TermsFormat::Plain => out!("{}", vocab::docs::plain()),
        TermsFormat::Markdown => out!("{}", vocab::docs::markdown()),
        TermsFormat::Json => out!("{}", pretty(&vocab::docs::json())),
    }
    EXIT_OK
}

/// The language in one page, with examples the tests check (`docs/language.md`).
pub const LANGUAGE: &str = include_str!("../../docs/language.md");
