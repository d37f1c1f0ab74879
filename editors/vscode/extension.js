// Starts `fairpath lsp` for .fair programs; the settings `fairpath.path` and `fairpath.findings`
// choose the program and which findings are shown.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("fairpath");
  const command = config.get("path", "fairpath");
  client = new LanguageClient(
    "fairpath",
    "fairpath",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ language: "fair" }],
      initializationOptions: { findings: config.get("findings", "violations") },
      synchronize: { configurationSection: "fairpath" },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
