// The playground: the engine runs in this page as WebAssembly; nothing is sent anywhere.
import init, { check, examples } from "./pkg/fairpath_web.js";

const editor = document.getElementById("editor");
const picker = document.getElementById("examples");
const status = document.getElementById("status");
const problems = document.getElementById("problems");
const report = document.getElementById("report");

let pending = 0;

function show(result) {
  problems.replaceChildren();
  for (const p of result.problems) {
    const li = document.createElement("li");
    li.className = p.severity;
    li.textContent = `line ${p.line}, column ${p.column}: ${p.severity}[${p.code}] ${p.message}` +
      (p.help ? ` (help: ${p.help})` : "");
    problems.append(li);
  }
  if (result.report === null) {
    report.replaceChildren();
    status.textContent = "the program cannot be checked: fix the problems listed";
    return;
  }
  // The report is fairpath's own HTML report, with every piece of program text escaped.
  const doc = new DOMParser().parseFromString(result.report, "text/html");
  report.replaceChildren(...doc.head.querySelectorAll("style"), ...doc.body.childNodes);
  const [violated, unstated, satisfied, na] = result.counts;
  status.textContent = `${violated} violated, ${unstated} unstated, ${satisfied} satisfied, ${na} not applicable`;
}

function run() {
  const name = picker.value || "program.fair";
  show(JSON.parse(check(name, editor.value, Date.now())));
  document.body.dataset.checked = String(Number(document.body.dataset.checked || 0) + 1);
}

function later() {
  clearTimeout(pending);
  pending = setTimeout(run, 120);
}

await init();
const bundled = JSON.parse(examples());
for (const e of bundled) {
  const option = document.createElement("option");
  option.value = e.name;
  option.textContent = e.name;
  picker.append(option);
}
picker.addEventListener("change", () => {
  const chosen = bundled.find((e) => e.name === picker.value);
  if (chosen) editor.value = chosen.text;
  run();
});
editor.addEventListener("input", later);

// `?example=NAME` picks a bundled program; `#program=TEXT` (URL-encoded) starts from that text.
const params = new URLSearchParams(location.search);
const start = location.hash.startsWith("#program=")
  ? decodeURIComponent(location.hash.slice("#program=".length))
  : null;
const wanted = bundled.find((e) => e.name === params.get("example")) ?? bundled[0];
if (start !== null) {
  editor.value = start;
} else {
  picker.value = wanted.name;
  editor.value = wanted.text;
}
run();
