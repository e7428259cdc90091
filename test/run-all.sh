#!/usr/bin/env bash
# `npm test`: lint (architecture boundaries), types, build, unit + integration (Samba AD DC, Redis, local
# Twilio server — each started by its tests), browser e2e + axe in Chromium, and the Electron security gate.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "browser"
node test/e2e/find-browser.mjs >/dev/null   # stops with the install command when no Chromium is found

step "lint"
npx eslint .
step "typecheck (product, renderer, tests, bench)"
npm run --silent typecheck
npx tsc -p tsconfig.json --noEmit
step "build"
npm run --silent build
step "unit + integration (vitest)"
npx vitest run
step "end-to-end + accessibility (playwright)"
npx playwright test
step "electron security gate (electronegativity)"
npm run --silent lint:electron
