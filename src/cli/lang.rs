//! The language commands: `parse`, `fmt`, `init`, `terms`.

use std::path::{Path, PathBuf};

use super::files::{expand, write_atomic};
use super::{
    cannot_write, input_error, out, outln, pretty, read, report_rejected, Emit, TermsFormat,
    EXIT_FINDINGS, EXIT_INPUT, EXIT_OK,
};
use fairpath::syntax::{format::format_program, parse_file, read_program};
use fairpath::t;
use fairpath::vocab::{self, Lang};

pub fn parse(file: &Path, emit: Emit, lang: Lang) -> u8 {
    let Some(bytes) = read(file, lang) else {
        return EXIT_INPUT;
    };
    match parse_file(&file.display().to_string(), &bytes) {
        Err(r) => {
            report_rejected(&r, lang);
            EXIT_INPUT
        }
        Ok(p) => {
            if !p.warnings().is_empty() {
                report_rejected(
                    &fairpath::syntax::Rejected::new(p.source().clone(), p.warnings().to_vec()),
                    lang,
                );
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

pub fn fmt(paths: &[PathBuf], check: bool, lang: Lang) -> u8 {
    let (files, found) = expand(paths, "fair", lang);
    let mut code = if found { EXIT_OK } else { EXIT_INPUT };
    for path in files {
        let Some(bytes) = read(&path, lang) else {
            code = EXIT_INPUT;
            continue;
        };
        let (source, program) = match read_program(&path.display().to_string(), &bytes) {
            Ok(ok) => ok,
            Err(r) => {
                report_rejected(&r, lang);
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
            outln!(
                "{}",
                t!(lang, "cli.message.not_formatted", file = path.display())
            );
            code = code.max(EXIT_FINDINGS);
        } else if let Err(e) = write_atomic(&path, formatted.as_bytes()) {
            input_error(&cannot_write(&path, &e, lang), lang);
            code = EXIT_INPUT;
        } else {
            outln!(
                "{}",
                t!(lang, "cli.message.formatted", file = path.display())
            );
        }
    }
    code
}

pub fn init(file: Option<&Path>, force: bool, filled: bool, lang: Lang) -> u8 {
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
        input_error(&t!(lang, "cli.message.exists", file = path.display()), lang);
        return EXIT_INPUT;
    }
    match write_atomic(path, text.as_bytes()) {
        Ok(()) => {
            outln!("{}", t!(lang, "cli.message.wrote", file = path.display()));
            EXIT_OK
        }
        Err(e) => {
            input_error(&cannot_write(path, &e, lang), lang);
            EXIT_INPUT
        }
    }
}

pub fn terms(format: TermsFormat, lang: Lang) -> u8 {
    let words = fairpath::report::Words::new(lang);
    match format {
        TermsFormat::Plain => out!("{}", fairpath::report::terms::plain(&words)),
        TermsFormat::Markdown => out!("{}", fairpath::report::terms::markdown(&words)),
        TermsFormat::Json => out!("{}", pretty(&vocab::docs::json())),
    }
    EXIT_OK
}

/// The language in one page, with examples the tests check (`docs/language.md`).
pub const LANGUAGE: &str = include_str!("../../docs/language.md");
