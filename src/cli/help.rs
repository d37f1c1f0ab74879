//! The command line's help in the language asked for. The command tree comes from the derive on
//! [`Cli`]; every text a person reads in it (a command's about, an argument's help, a possible
//! value's description, the headings) comes from the catalogues' `[cli]` section, English
//! included: the doc comments on [`Cli`] are the developer's documentation.
//!
//! Keys follow the command path and the argument id: `cli.check.about`, `cli.check.long_about`,
//! `cli.check.arg.format` (short help), `cli.check.long.format` (long help, when it says more),
//! `cli.check.value.format.json` (a possible value). The arguments every command shares
//! (`--lang`, `--help`, `--version`) are under `cli.arg`; the copies of the commands that `help`
//! lists share the commands' own keys.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use fairpath::locale::find;
use fairpath::t;
use fairpath::vocab::Lang;

use super::Cli;

/// The language of help and of the errors met while reading the command line: `--lang X` or
/// `--lang=X` among the arguments (read before clap parses them), else what the environment
/// asks for, as [`super::resolve`] decides after parsing.
pub fn early_lang(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    let mut flag = None;
    while let Some(word) = words.next() {
        match word {
            Some("--") => break,
            Some("--lang") => {
                flag = words.next().flatten().and_then(Lang::from_code);
                break;
            }
            Some(w) if w.starts_with("--lang=") => {
                flag = w.get("--lang=".len()..).and_then(Lang::from_code);
                break;
            }
            _ => {}
        }
    }
    super::resolve(flag)
}

/// The command line in `lang`: the derive's tree, built (so that `--help`, `--version` and the
/// `help` command exist), with every text from the catalogue.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    localize(cmd, lang, &[])
}

/// The catalogue key of `rest` for the command at `path` (`cli.check.about`). The copies of the
/// commands under `help` (`help check`) read the commands' own keys.
pub fn key(path: &[String], rest: &str) -> String {
    let last = path.len().saturating_sub(1);
    let mut key = String::from("cli");
    for (i, name) in path.iter().enumerate() {
        if name != "help" || i == last {
            key.push('.');
            key.push_str(name);
        }
    }
    key.push('.');
    key.push_str(rest);
    key
}

/// The text of argument `id` of the command at `path` (`kind` is `arg` or `long`): the
/// command's own, else the one every command shares.
fn arg_text(lang: Lang, path: &[String], kind: &str, id: &str) -> Option<&'static str> {
    let rest = format!("{kind}.{id}");
    find(lang, &key(path, &rest)).or_else(|| find(lang, &key(&[], &rest)))
}

/// One command and those under it, in `lang`.
fn localize(cmd: Command, lang: Lang, path: &[String]) -> Command {
    let own = |rest: &str| find(lang, &key(path, rest));
    let mut cmd = cmd
        .about(own("about"))
        .long_about(own("long_about"))
        .after_help(own("after_help"))
        .subcommand_help_heading(t!(lang, "cli.chrome.commands"))
        .subcommand_value_name(t!(lang, "cli.chrome.command"))
        .mut_args(|arg| localize_arg(arg, lang, path));
    let long = cmd.get_long_about().is_some()
        || cmd
            .get_arguments()
            .any(|a| a.get_id() != "help" && a.get_long_help().is_some());
    let help = if long {
        t!(lang, "cli.chrome.help_more")
    } else {
        t!(lang, "cli.chrome.help")
    };
    cmd = cmd.mut_args(|arg| match arg.get_id().as_str() {
        "help" if long => arg
            .help(help.clone())
            .long_help(t!(lang, "cli.chrome.help_summary")),
        "help" => arg.help(help.clone()),
        "version" => arg.help(t!(lang, "cli.chrome.version")),
        _ => arg,
    });
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(' ').map_or(usage.as_str(), |(_, u)| u);
    let usage = usage.replace("[OPTIONS]", &t!(lang, "cli.chrome.options_tag"));
    let header = cmd.get_styles().get_header();
    let heading = format!("{header}{}{header:#}", t!(lang, "cli.chrome.usage"));
    let template = if cmd.get_arguments().any(|a| !a.is_hide_set()) || cmd.has_subcommands() {
        format!("{{before-help}}{{about-with-newline}}\n{heading} {{usage}}\n\n{{all-args}}{{after-help}}")
    } else {
        format!("{{before-help}}{{about-with-newline}}\n{heading} {{usage}}{{after-help}}")
    };
    cmd.override_usage(usage)
        .help_template(template)
        .mut_subcommands(|sub| {
            let mut inner = path.to_vec();
            inner.push(sub.get_name().to_owned());
            localize(sub, lang, &inner)
        })
}

/// One argument in `lang`: its help, its possible values with theirs, its default, and the
/// heading it is listed under. clap's own words for possible values and defaults are hidden.
fn localize_arg(arg: Arg, lang: Lang, path: &[String]) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let heading = if arg.is_positional() {
        t!(lang, "cli.chrome.arguments")
    } else {
        t!(lang, "cli.chrome.options")
    };
    let mut arg = arg.help_heading(heading);
    if let Some(index) = arg.get_index() {
        // Positionals are listed in the order they are written, not by name.
        arg = arg.display_order(index);
    }
    if matches!(id.as_str(), "help" | "version") {
        return arg;
    }
    let names: Vec<String> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|name| {
            let english = name.as_str().to_lowercase();
            find(lang, &format!("cli.name.{english}"))
                .map_or_else(|| name.to_string(), str::to_owned)
        })
        .collect();
    let takes_values = arg.get_num_args().is_some_and(|n| n.takes_values());
    if takes_values && !names.is_empty() {
        arg = arg.value_names(names);
    }
    let help = arg_text(lang, path, "arg", &id).unwrap_or_default();
    let mut short = help.to_string();
    let mut long = arg_text(lang, path, "long", &id)
        .unwrap_or(help)
        .to_string();
    let mut says_more = long != short;
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let default = (takes_values && !arg.is_hide_default_value_set() && !defaults.is_empty())
        .then(|| t!(lang, "cli.chrome.default", value = defaults.join(" ")));
    let values: Vec<(String, Option<&str>)> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set() && !arg.is_hide_possible_values_set())
        .map(|v| {
            let name = v.get_name().to_owned();
            let text = find(lang, &key(path, &format!("value.{id}.{name}")));
            (name, text)
        })
        .collect();
    if let Some(default) = &default {
        short = format!("{short} {default}");
    }
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
        let list = t!(
            lang,
            "cli.chrome.possible_values",
            values = names.join(", ")
        );
        short = format!("{short} {list}");
        if values.iter().any(|(_, text)| text.is_some()) {
            let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
            let lines: Vec<String> = values
                .iter()
                .map(|(name, text)| format!("- {name:width$}  {}", text.unwrap_or_default()))
                .collect();
            long = format!(
                "{long}\n\n{}\n{}",
                t!(lang, "cli.chrome.possible"),
                lines.join("\n")
            );
            says_more = true;
        } else {
            long = format!("{long} {list}");
        }
    }
    if let Some(default) = &default {
        long = format!("{long}\n\n{default}");
    }
    let arg = arg
        .help(short)
        .hide_default_value(true)
        .hide_possible_values(true);
    if says_more {
        arg.long_help(long)
    } else {
        arg.long_help(None::<&str>)
    }
}

/// A value the command line refuses, with the catalogue key of the reason: the sentence is made
/// in the language of the errors when the error is printed (English as an `Error`'s text).
#[derive(Debug)]
pub struct Refused {
    key: &'static str,
    value: String,
}

impl Refused {
    /// `value` refused for the reason at `key` (a sentence with a `{value}` placeholder).
    pub fn new(key: &'static str, value: &str) -> Self {
        Refused {
            key,
            value: value.to_owned(),
        }
    }

    /// The reason in `lang`.
    fn say(&self, lang: Lang) -> String {
        t!(lang, self.key, value = self.value)
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for Refused {}

/// Prints what clap stopped on: help and the version as clap made them (their texts are already
/// in `lang`), a usage error in `lang`. An error of a kind fairpath's command line cannot meet
/// is printed in clap's own words.
pub fn print_error(e: &clap::Error, lang: Lang) {
    match usage_error(e, lang) {
        Some(text) => eprint!("{text}"),
        None => {
            let _ = e.print();
        }
    }
}

/// A usage error in `lang`: what is wrong, a did-you-mean, the usage and where to read more.
fn usage_error(e: &clap::Error, lang: Lang) -> Option<String> {
    let one = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let all = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let listed = |items: Vec<String>| -> String {
        items.iter().map(|v| format!("\n  {v}")).collect::<String>()
    };
    let choices = |kind: ContextKind| {
        let values = all(kind);
        if values.is_empty() {
            String::new()
        } else {
            let values = values.join(", ");
            format!(
                "\n  {}",
                t!(lang, "cli.chrome.possible_values", values = values)
            )
        }
    };
    let argument = one(ContextKind::InvalidArg);
    let value = one(ContextKind::InvalidValue);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => t!(lang, "cli.error.unknown_argument", argument = argument?),
        ErrorKind::InvalidSubcommand => t!(
            lang,
            "cli.error.unknown_command",
            command = one(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue => {
            let (argument, value) = (argument?, value?);
            let said = if value.is_empty() {
                t!(lang, "cli.error.no_value", argument = argument)
            } else {
                t!(
                    lang,
                    "cli.error.invalid_value",
                    argument = argument,
                    value = value
                )
            };
            said + &choices(ContextKind::ValidValue)
        }
        ErrorKind::ValueValidation => {
            let said = t!(
                lang,
                "cli.error.invalid_value",
                argument = argument?,
                value = value?
            );
            let source = std::error::Error::source(e);
            let why = match source.and_then(|s| s.downcast_ref::<Refused>()) {
                Some(refused) => refused.say(lang),
                None => source.map(ToString::to_string).unwrap_or_default(),
            };
            format!("{said}: {why}")
        }
        ErrorKind::MissingRequiredArgument => {
            t!(lang, "cli.error.missing") + &listed(all(ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => {
            let argument = argument?;
            let prior = all(ContextKind::PriorArg);
            if prior.is_empty() || prior == [argument.clone()] {
                t!(lang, "cli.error.twice", argument = argument)
            } else {
                t!(lang, "cli.error.conflict", argument = argument) + &listed(prior)
            }
        }
        ErrorKind::TooManyValues => {
            t!(
                lang,
                "cli.error.extra_value",
                argument = argument?,
                value = value?
            )
        }
        ErrorKind::MissingSubcommand => {
            t!(
                lang,
                "cli.error.no_command",
                command = one(ContextKind::InvalidSubcommand)?
            ) + &choices(ContextKind::ValidSubcommand)
        }
        _ => return None,
    };
    let mut out = t!(lang, "cli.message.prefixed", message = message) + "\n";
    let similar = [
        (
            ContextKind::SuggestedSubcommand,
            "cli.error.similar_command",
        ),
        (ContextKind::SuggestedArg, "cli.error.similar_argument"),
        (ContextKind::SuggestedValue, "cli.error.similar_value"),
    ];
    for (kind, key) in similar {
        if let Some(name) = one(kind) {
            out.push_str(&format!("\n  {}\n", t!(lang, key, name = name)));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for tip in tips {
            out.push_str(&format!("\n  {}\n", t!(lang, "cli.error.tip", tip = tip)));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.split_once(' ').map_or(usage.as_str(), |(_, u)| u);
        out.push_str(&format!("\n{} {usage}\n", t!(lang, "cli.chrome.usage")));
    }
    out.push_str(&format!("\n{}\n", t!(lang, "cli.error.more")));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fairpath::locale::{parse, SOURCES};

    /// Every command's path, with the command, outside the copies under `help`.
    fn commands(cmd: &Command, path: Vec<String>, out: &mut Vec<(Vec<String>, Command)>) {
        out.push((path.clone(), cmd.clone()));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut inner = path.clone();
            inner.push(sub.get_name().to_owned());
            commands(sub, inner, out);
        }
    }

    fn tree() -> Vec<(Vec<String>, Command)> {
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        commands(&cmd, Vec::new(), &mut out);
        out
    }

    #[test]
    fn every_command_argument_and_value_has_its_english_text_and_no_key_is_left_over() {
        let english = parse(SOURCES[0].1);
        let mut wanted = vec![key(&[], "after_help"), key(&["help".into()], "about")];
        for (path, cmd) in tree() {
            wanted.push(key(&path, "about"));
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") || (arg.is_global_set() && !path.is_empty()) {
                    continue;
                }
                wanted.push(key(&path, &format!("arg.{id}")));
                for value in arg.get_possible_values() {
                    if value.get_help().is_some() && !value.is_hide_set() {
                        wanted.push(key(&path, &format!("value.{id}.{}", value.get_name())));
                    }
                }
                let takes_values = arg.get_num_args().is_some_and(|n| n.takes_values());
                let names = arg.get_value_names().filter(|_| takes_values);
                for name in names.unwrap_or_default() {
                    wanted.push(format!("cli.name.{}", name.as_str().to_lowercase()));
                }
            }
        }
        for k in &wanted {
            assert!(
                english.contains_key(k),
                "`{k}` is not in the English catalogue"
            );
        }
        let own = ["cli.chrome.", "cli.message.", "cli.error."];
        for k in english.keys().filter(|k| k.starts_with("cli.")) {
            assert!(
                wanted.contains(k) || own.iter().any(|p| k.starts_with(p)),
                "`{k}` names no command, argument or value"
            );
        }
    }

    #[test]
    fn help_is_in_the_language_asked_for() {
        for (lang, code) in Lang::ALL {
            let mut cmd = command(lang);
            let help = cmd.render_long_help().to_string();
            let about = find(lang, "cli.check.about").unwrap_or_default();
            let check = cmd
                .find_subcommand_mut("check")
                .map(|c| c.render_help().to_string());
            assert!(
                help.contains(t!(lang, "cli.about").as_str()),
                "{code}: {help}"
            );
            assert!(
                help.contains(t!(lang, "cli.chrome.usage").as_str()),
                "{code}"
            );
            assert!(help.contains(about), "{code}");
            let check = check.unwrap_or_default();
            assert!(check.contains(t!(lang, "cli.check.arg.fail_on").as_str()));
            let default = t!(lang, "cli.chrome.default", value = "violated");
            assert!(check.contains(&default), "{code}: {check}");
        }
    }

    #[test]
    fn the_language_is_read_before_parsing_from_either_spelling_of_lang() {
        let args = |words: &[&str]| -> Vec<OsString> {
            std::iter::once("fairpath")
                .chain(words.iter().copied())
                .map(OsString::from)
                .collect()
        };
        assert_eq!(
            early_lang(&args(&["--lang", "fr", "check", "--help"])),
            Lang::Fr
        );
        assert_eq!(early_lang(&args(&["check", "--lang=es", "-h"])), Lang::Es);
        // After `--`, and an unknown language, leave it to the environment.
        let environment = super::super::resolve(None);
        assert_eq!(
            early_lang(&args(&["check", "--", "--lang", "fr"])),
            environment
        );
        assert_eq!(early_lang(&args(&["--lang", "de", "--help"])), environment);
        assert_eq!(early_lang(&args(&["--help"])), environment);
    }

    #[test]
    fn a_refused_value_is_explained_in_the_language_of_the_errors() {
        for (lang, _) in Lang::ALL {
            let e = command(lang)
                .try_get_matches_from(["fairpath", "check", "a.fair", "--as-of", "2026-13-01"])
                .err();
            let text = e.and_then(|e| usage_error(&e, lang)).unwrap_or_default();
            let why = t!(lang, "cli.message.not_a_date", value = "2026-13-01");
            assert!(text.contains(&why), "{text}");
            assert!(text.contains(&t!(lang, "cli.error.more")), "{text}");
        }
    }
}
