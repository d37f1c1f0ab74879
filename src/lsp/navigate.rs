//! Go to definition and find references for statuses and parties; the document's outline.

use fairpath::syntax::ast::Span;
use lsp_types::{DocumentSymbol, SymbolKind};

use super::document::Document;
use super::outline::{name_at, names, outline, Outline};
use super::position::Text;

/// Where the status or party at `offset` is declared.
pub fn definition(doc: &Document, offset: usize) -> Option<Span> {
    let names = names(doc.program.as_ref()?);
    let at = name_at(&names, offset)?;
    names
        .iter()
        .find(|n| n.decl && n.kind == at.kind && n.text == at.text)
        .map(|n| n.span)
}

/// Every place the status or party at `offset` is named, its declaration included when
/// `declaration` is set.
pub fn references(doc: &Document, offset: usize, declaration: bool) -> Vec<Span> {
    let Some(program) = &doc.program else {
        return Vec::new();
    };
    let names = names(program);
    let Some(at) = name_at(&names, offset) else {
        return Vec::new();
    };
    names
        .iter()
        .filter(|n| n.kind == at.kind && n.text == at.text && (declaration || !n.decl))
        .map(|n| n.span)
        .collect()
}

/// The outline: blocks, nested, and the statuses declared.
pub fn symbols(doc: &Document) -> Vec<DocumentSymbol> {
    let Some(program) = &doc.program else {
        return Vec::new();
    };
    let at = doc.at();
    outline(&program.items, false)
        .iter()
        .map(|o| symbol(&at, o))
        .collect()
}

#[allow(deprecated)] // `deprecated` is a field every `DocumentSymbol` must still set.
fn symbol(at: &Text<'_>, o: &Outline<'_>) -> DocumentSymbol {
    let (name, detail, kind, span, key, children) = match o {
        Outline::Block(b, inner) => (
            b.key.text.clone(),
            None,
            SymbolKind::NAMESPACE,
            b.span,
            b.key.span,
            inner.iter().map(|c| symbol(at, c)).collect(),
        ),
        Outline::Status(name, span, category) => (
            name.to_string(),
            Some(category.to_string()),
            SymbolKind::ENUM_MEMBER,
            *span,
            *span,
            Vec::new(),
        ),
    };
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: at.range(span),
        selection_range: at.range(key),
        children: (!children.is_empty()).then_some(children),
    }
}
