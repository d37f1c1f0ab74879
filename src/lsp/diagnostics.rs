//! fairpath diagnostics as LSP diagnostics.

use fairpath::syntax::diagnostic::Severity;
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use super::document::{Document, Entry};

/// The diagnostics of `doc`, whose address is `uri`.
pub fn diagnostics(doc: &Document, uri: &Uri) -> Vec<Diagnostic> {
    doc.entries.iter().map(|e| convert(doc, uri, e)).collect()
}

fn convert(doc: &Document, uri: &Uri, entry: &Entry) -> Diagnostic {
    let d = &entry.diag;
    let at = doc.at();
    let severity = match (entry.silence, d.severity()) {
        (true, _) => DiagnosticSeverity::INFORMATION,
        (false, Severity::Error) => DiagnosticSeverity::ERROR,
        (false, _) => DiagnosticSeverity::WARNING,
    };
    let mut message = d.message_in(doc.lang);
    if let Some(help) = d.help_in(doc.lang) {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels()
        .iter()
        .skip(1)
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), at.range(l.span)),
            message: l.text.in_lang(doc.lang),
        })
        .collect();
    Diagnostic {
        range: at.range(d.span()),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code_name().to_string())),
        code_description: d
            .url()
            .and_then(|u| u.parse().ok())
            .map(|href| CodeDescription { href }),
        source: Some("fairpath".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
