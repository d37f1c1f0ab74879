#!/bin/sh
# Regenerates the README's screenshots of the HTML report from the current output:
# the Hong Kong corpus program's report, its first screen and the violations that follow.
# Needs Chromium (`chromium` on PATH, or CHROMIUM=path). Run from the repository's root:
#   docs/screenshots.sh
set -eu
browser=${CHROMIUM:-chromium}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet -- check policies/programs/hong-kong-fdh.fair --format html \
  --output "$tmp/report.html" --fail-on never
shoot() { # name, width, height, page
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --user-data-dir="$tmp/profile" --window-size="$2,$3" \
    --screenshot="docs/img/$1.png" "file://$4" 2>/dev/null
}
shoot report-summary 1100 1400 "$tmp/report.html"
# The violations: the same report with the title and the violations only.
sed 's|</head>|<style>body>:not(h1,.theme){display:none}</style></head>|' \
  "$tmp/report.html" > "$tmp/violations.html"
shoot report-violations 1100 1400 "$tmp/violations.html"
