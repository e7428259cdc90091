#!/usr/bin/env bash
# `npm test`: lint (architecture boundaries), types, build, unit + integration (Samba AD DC, Redis, local
# Twilio server — each started by its tests), browser e2e + axe in Chromium, the Electron security gate, and the
# Electron app tests where an Electron binary exists (NOT RUN, said loudly, where it does not).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../.ci/stages.sh
. .ci/stages.sh
trap 'stage_summary "npm test"' EXIT
step() { stage "$@"; }
# Runs the commands side by side, each with its output kept apart and printed whole once all have ended (in the
# order given); fails when any failed, naming it. For the single-threaded checks, which alone leave a CPU idle.
together() {
  local out pids=() rc=0 i
  out=$(mktemp -d)
  i=0
  for cmd in "$@"; do
    bash -c "$cmd" >"$out/$i" 2>&1 &
    pids+=($!)
    i=$((i + 1))
  done
  i=0
  for cmd in "$@"; do
    if ! wait "${pids[$i]}"; then rc=1; printf 'FAILED: %s\n' "$cmd"; fi
    cat "$out/$i"
    i=$((i + 1))
  done
  rm -rf "$out"
  return "$rc"
}

step "browser"
node test/e2e/find-browser.mjs >/dev/null   # stops with the install command when no Chromium is found

step "lint, format, typecheck (product, renderer, tests, bench), side by side"
together 'npx eslint .' 'npx prettier --check --log-level warn .' 'npm run --silent typecheck' \
  'npx tsc -p tsconfig.json --noEmit'
step "build"
npm run --silent build
step "systemd unit hardening (systemd-analyze security --offline: exposure 1.5 at most)"
systemd-analyze security --offline=yes --threshold=15 --no-pager resources/systemd/wachtwoord-vergeten.service | tail -n 1
step "unit + integration (vitest; with the npm pack → install -g → run-as-nobody test of the release)"
npx vitest run --project node --project renderer
step "timing proofs (vitest, one file at a time on a quiet machine: no enumeration through response times)"
npx vitest run --project timing --no-file-parallelism
step "end-to-end + accessibility (playwright)"
npx playwright test
step "servicedesk page end-to-end + accessibility (playwright)"
npx playwright test -c playwright.desk.config.ts
step "electron security gate (electronegativity)"
npm run --silent lint:electron
step "electron app (the built kiosk in a real Electron, Playwright _electron)"
# Needs Electron's binary, which cannot be downloaded everywhere: where it is missing this says NOT RUN in a banner
# (never a pass) and CI with internet runs them (.github/workflows/electron.yml). RESET_KIOSK_REQUIRE_ELECTRON=1
# turns the missing binary into a failure.
if node test/electron-app/find-electron.mjs >/dev/null; then
  npx playwright test -c playwright.electron.config.ts
elif [ "${RESET_KIOSK_REQUIRE_ELECTRON:-}" = 1 ]; then
  echo "RESET_KIOSK_REQUIRE_ELECTRON=1: the Electron app tests must run here" >&2
  exit 1
fi
