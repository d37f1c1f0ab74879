// Tokenizes every bundled program (policies/programs, policies/examples) and rule pack
// (policies/standards) with the grammars, and fails when a comment, string or `program`
// keyword is scoped wrongly or any other text is left without a scope of its own.
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const here = __dirname;
const policies = path.join(here, "..", "..", "..", "policies");
const grammars = {
  "source.fair": path.join(here, "..", "syntaxes", "fair.tmLanguage.json"),
  "source.fair-rules": path.join(here, "..", "syntaxes", "rules.tmLanguage.json"),
};

async function main() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      grammars[scope] ? vsctm.parseRawGrammar(fs.readFileSync(grammars[scope], "utf8"), grammars[scope]) : null,
  });
  const files = [];
  for (const [dir, ext, scope] of [
    ["programs", ".fair", "source.fair"],
    ["examples", ".fair", "source.fair"],
    ["standards", ".rules", "source.fair-rules"],
  ]) {
    for (const f of fs.readdirSync(path.join(policies, dir)).sort()) {
      if (f.endsWith(ext)) files.push([path.join(policies, dir, f), scope]);
    }
  }
  let failures = 0;
  let failed = 0;
  let lines = 0;
  for (const [file, scope] of files) {
    const before = failures;
    const grammar = await registry.loadGrammar(scope);
    let stack = vsctm.INITIAL;
    fs.readFileSync(file, "utf8").split("\n").forEach((line, i) => {
      lines += 1;
      const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
      stack = ruleStack;
      for (const t of tokens) {
        const text = line.slice(t.startIndex, t.endIndex);
        const scopes = t.scopes.slice(1);
        const fail = (why) => {
          failures += 1;
          console.error(`${path.relative(policies, file)}:${i + 1}:${t.startIndex + 1}: ${why}: \`${text}\` ${scopes.join(" ")}`);
        };
        if (text.trim() === "") continue;
        if (scopes.length === 0) fail("no scope");
        if (text.startsWith("//") && !scopes.some((s) => s.startsWith("comment.line"))) fail("not a comment");
        if (text === "program" && scope === "source.fair" && !scopes.some((s) => s.startsWith("keyword.other.program") || s.startsWith("comment") || s.startsWith("string"))) fail("not the keyword");
        if (text.startsWith('"') && !scopes.some((s) => s.startsWith("string") || s.startsWith("comment"))) fail("not a string");
      }
    });
    if (stack.depth > 1) {
      failures += 1;
      console.error(`${path.relative(policies, file)}: a rule is left open at the end of the file`);
    }
    if (failures > before) failed += 1;
  }
  console.log(`grammar corpus: ${files.length} files, ${lines} lines: ${failures === 0 ? "every token scoped" : failures + " failures"}`);
  console.log(`grammar: ${files.length - failed} passed, ${failed} failed`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
