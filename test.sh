#!/usr/bin/env bash
# Runs every test: lint, typecheck, then unit, integration (real PostgreSQL) and browser
# end-to-end tests (real headless Chromium over the three running services), in one vitest run.
# Installs what is missing first: Node 24 and pnpm (from the npm registry), dependencies, Chromium.
# Uses TEST_DATABASE_URL or DATABASE_URL when set, else an embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/toolchain.sh
chatiq_toolchain
scripts/ensure-chromium.sh
export NEXT_TELEMETRY_DISABLED=1

# Quiet steps: their output is shown only when they fail.
quiet() {
  local log
  log="$(mktemp)"
  "$@" >"$log" 2>&1 || { cat "$log"; rm -f "$log"; return 1; }
  rm -f "$log"
}

echo "== build"
quiet pnpm -r --workspace-concurrency=1 build
echo "== lint"
pnpm lint
echo "== typecheck"
quiet pnpm typecheck
echo "== tests"
mkdir -p test-results
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
# One plain closing line for CI: "N passed, N failed, N skipped".
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || true
exit "$status"
