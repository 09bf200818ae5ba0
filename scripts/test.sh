#!/usr/bin/env bash
# npm test: brings up the real local environment (idempotent: reuses what is
# running), then runs every vitest suite, the real-environment ones included.
# Extra arguments go to vitest (e.g. `npm test -- --project unit`).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${PA_SKIP_ENV:-}" == "1" ]]; then
  echo "==> env: PA_SKIP_ENV=1, not starting the local environment (integration suites will fail loudly if they need it)"
else
  test/env/up
fi

mkdir -p .tmp
status=0
vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?

# One plain closing line, whatever the reporter printed above.
node -e '
  const r = JSON.parse(require("fs").readFileSync(".tmp/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit "$status"
