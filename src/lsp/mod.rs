//! `fairpath lsp`: a language server over standard input and output. Every change is checked at
//! once; hover, completion, navigation, formatting, fixes and the outline read the document's
//! syntax tree and its last check.

mod actions;
mod complete;
mod diagnostics;
mod document;
mod hover;
mod navigate;
mod outline;
mod position;

use std::collections::HashMap;
use std::error::Error;

use fairpath::syntax::ast::Span;
use fairpath::syntax::format::format_program;
use fairpath::syntax::read_program;
use fairpath::{Options, Session};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    References, Request as _,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CompletionOptions, CompletionParams, CompletionResponse,
    DocumentFormattingParams, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, InitializeResult, Location, MarkupContent, MarkupKind, OneOf,
    PublishDiagnosticsParams, ReferenceParams, ServerCapabilities, ServerInfo,
    TextDocumentPositionParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Uri,
    WorkspaceEdit,
};
use serde_json::Value;

use document::{Document, Findings};
use fairpath::vocab::Lang;

/// Whatever stops the server: the connection closing badly.
type Failure = Box<dyn Error + Send + Sync>;

/// Serves one client on standard input and output until it shuts down.
pub fn run(lang: Lang) -> Result<(), Failure> {
    let (connection, io) = Connection::stdio();
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let findings = setting(params.initialization_options.as_ref()).unwrap_or_default();
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "fairpath".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let session = Session::new(&Options::default());
    let mut server = Server {
        readers: hover::readers(session.engine()),
        session,
        docs: HashMap::new(),
        findings,
        lang,
    };
    for message in &connection.receiver {
        match message {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    break;
                }
                connection.sender.send(server.request(req).into())?;
            }
            Message::Notification(n) => {
                for out in server.notify(n) {
                    connection.sender.send(out.into())?;
                }
            }
            Message::Response(_) => {}
        }
    }
    drop(connection);
    io.join()?;
    Ok(())
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), "[".into(), ",".into()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// The `findings` setting in `value`, either `{"findings": …}` or `{"fairpath": {"findings": …}}`.
fn setting(value: Option<&Value>) -> Option<Findings> {
    let v = value?;
    let word = v
        .get("findings")
        .or_else(|| v.get("fairpath").and_then(|f| f.get("findings")))?;
    Findings::from_word(word.as_str()?)
}

struct Server {
    session: Session,
    readers: hover::Readers,
    docs: HashMap<String, (Uri, Document)>,
    findings: Findings,
    lang: Lang,
}

impl Server {
    fn request(&mut self, req: Request) -> Response {
        match req.method.as_str() {
            HoverRequest::METHOD => respond::<HoverRequest>(req, |p| self.hover(p)),
            Completion::METHOD => respond::<Completion>(req, |p| self.complete(p)),
            GotoDefinition::METHOD => respond::<GotoDefinition>(req, |p| self.definition(p)),
            References::METHOD => respond::<References>(req, |p| self.references(p)),
            Formatting::METHOD => respond::<Formatting>(req, |p| self.format(p)),
            CodeActionRequest::METHOD => respond::<CodeActionRequest>(req, |p| self.actions(p)),
            DocumentSymbolRequest::METHOD => {
                respond::<DocumentSymbolRequest>(req, |p| self.symbols(p))
            }
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown request `{}`", req.method),
            ),
        }
    }

    /// Handles a notification; returns the diagnostics to publish.
    fn notify(&mut self, n: Notification) -> Vec<Notification> {
        let Notification { method, params } = n;
        match method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Some(p) = read::<lsp_types::DidOpenTextDocumentParams>(params) else {
                    return Vec::new();
                };
                let doc = p.text_document;
                vec![self.update(doc.uri, doc.text, Some(doc.version))]
            }
            DidChangeTextDocument::METHOD => {
                let Some(p) = read::<lsp_types::DidChangeTextDocumentParams>(params) else {
                    return Vec::new();
                };
                let Some(change) = p.content_changes.into_iter().last() else {
                    return Vec::new();
                };
                let doc = p.text_document;
                vec![self.update(doc.uri, change.text, Some(doc.version))]
            }
            DidCloseTextDocument::METHOD => {
                let Some(p) = read::<lsp_types::DidCloseTextDocumentParams>(params) else {
                    return Vec::new();
                };
                let uri = p.text_document.uri;
                self.docs.remove(uri.as_str());
                vec![publish(uri, Vec::new(), None)]
            }
            DidChangeConfiguration::METHOD => {
                let Some(p) = read::<lsp_types::DidChangeConfigurationParams>(params) else {
                    return Vec::new();
                };
                let Some(findings) = setting(Some(&p.settings)) else {
                    return Vec::new();
                };
                self.findings = findings;
                let open: Vec<(Uri, String)> = self
                    .docs
                    .values()
                    .map(|(uri, d)| (uri.clone(), d.text.clone()))
                    .collect();
                open.into_iter()
                    .map(|(uri, text)| self.update(uri, text, None))
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// Checks the new text of `uri` and returns its diagnostics to publish.
    fn update(&mut self, uri: Uri, text: String, version: Option<i32>) -> Notification {
        let doc = Document::new(&self.session, uri.as_str(), text, self.findings, self.lang);
        let diags = diagnostics::diagnostics(&doc, &uri);
        self.docs
            .insert(uri.as_str().to_string(), (uri.clone(), doc));
        publish(uri, diags, version)
    }

    /// The open document at `pos`, and the byte offset there.
    fn at(&self, pos: &TextDocumentPositionParams) -> Option<(&Uri, &Document, usize)> {
        let (uri, doc) = self.docs.get(pos.text_document.uri.as_str())?;
        Some((uri, doc, doc.at().offset(pos.position)))
    }

    fn hover(&self, p: HoverParams) -> Option<Hover> {
        let (_, doc, offset) = self.at(&p.text_document_position_params)?;
        let (text, span) = hover::hover(doc, &self.readers, offset)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(doc.at().range(span)),
        })
    }

    fn complete(&self, p: CompletionParams) -> Option<CompletionResponse> {
        let (_, doc, offset) = self.at(&p.text_document_position)?;
        Some(CompletionResponse::Array(complete::complete(doc, offset)))
    }

    fn definition(&self, p: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
        let (uri, doc, offset) = self.at(&p.text_document_position_params)?;
        let span = navigate::definition(doc, offset)?;
        Some(GotoDefinitionResponse::Scalar(Location::new(
            uri.clone(),
            doc.at().range(span),
        )))
    }

    fn references(&self, p: ReferenceParams) -> Option<Vec<Location>> {
        let (uri, doc, offset) = self.at(&p.text_document_position)?;
        let with_decl = p.context.include_declaration;
        Some(
            navigate::references(doc, offset, with_decl)
                .into_iter()
                .map(|s| Location::new(uri.clone(), doc.at().range(s)))
                .collect(),
        )
    }

    fn format(&self, p: DocumentFormattingParams) -> Option<Vec<TextEdit>> {
        let (uri, doc) = self.docs.get(p.text_document.uri.as_str())?;
        let (_, program) = read_program(uri.as_str(), doc.text.as_bytes()).ok()?;
        let formatted = format_program(&program, &doc.text);
        let whole = doc.at().range(Span::new(0, doc.text.len()));
        Some(if formatted == doc.text {
            Vec::new()
        } else {
            vec![TextEdit::new(whole, formatted)]
        })
    }

    fn actions(&self, p: CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
        let (uri, doc) = self.docs.get(p.text_document.uri.as_str())?;
        let at = doc.at();
        let range = Span::new(at.offset(p.range.start), at.offset(p.range.end));
        let fixes = actions::fixes(doc, self.session.engine(), range);
        Some(
            fixes
                .into_iter()
                .map(|fix| {
                    let edits = fix
                        .edits
                        .into_iter()
                        .map(|(span, text)| TextEdit::new(at.range(span), text))
                        .collect();
                    CodeActionOrCommand::CodeAction(CodeAction {
                        title: fix.title,
                        kind: Some(CodeActionKind::QUICKFIX),
                        edit: Some(WorkspaceEdit {
                            changes: Some(HashMap::from([(uri.clone(), edits)])),
                            ..WorkspaceEdit::default()
                        }),
                        is_preferred: fix.preferred.then_some(true),
                        ..CodeAction::default()
                    })
                })
                .collect(),
        )
    }

    fn symbols(&self, p: DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
        let (_, doc) = self.docs.get(p.text_document.uri.as_str())?;
        Some(DocumentSymbolResponse::Nested(navigate::symbols(doc)))
    }
}

/// A notification's parameters, when they read as `P`.
fn read<P: serde::de::DeserializeOwned>(params: Value) -> Option<P> {
    serde_json::from_value(params).ok()
}

/// The response to `req`: `f`'s answer to its parameters, or an error when they do not read.
fn respond<R: lsp_types::request::Request>(
    req: Request,
    f: impl FnOnce(R::Params) -> R::Result,
) -> Response {
    match serde_json::from_value::<R::Params>(req.params) {
        Ok(params) => Response::new_ok(req.id, f(params)),
        Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
    }
}

fn publish(
    uri: Uri,
    diagnostics: Vec<lsp_types::Diagnostic>,
    version: Option<i32>,
) -> Notification {
    Notification::new(
        PublishDiagnostics::METHOD.to_string(),
        PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        },
    )
}
