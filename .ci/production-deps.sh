#!/usr/bin/env bash
# Dependencies honest (issue 12): the compiled command line and the example generator run with the production
# dependencies only. Copies what a user installs (package.json, the lock file, bin/, dist/node/, the example
# generator) into an empty folder, installs without dev dependencies and without scripts, and runs
# `template --all` and `merge` there. Expects dist/node from `npm run build:cli` (npm ci runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
cp -r bin "$work/bin"
mkdir -p "$work/dist" "$work/examples"
cp -r dist/node "$work/dist/node"
cp examples/generate-returns.js "$work/examples/"
cd "$work"
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline >/dev/null
node bin/union-forms.js template --all -o templates >/dev/null
test "$(ls templates | wc -l)" -ge 1
node examples/generate-returns.js returns >/dev/null
node bin/union-forms.js merge returns -o out/汇总.xlsx --roster returns/roster.txt --json out/report.json >/dev/null
test -s out/汇总.xlsx
echo "production dependencies only: template --all and merge ran ($(ls templates | wc -l) templates)"
