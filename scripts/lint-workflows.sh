#!/usr/bin/env bash
# npm run lint:workflows: actionlint (with shellcheck on run: scripts when it
# is installed) on every workflow, and zizmor on every workflow and
# action.yml. Both are pinned and installed once by setup-lint-tools.sh.
# Exits non-zero when either reports anything.
set -euo pipefail
cd "$(dirname "$0")/.."

tools="$(scripts/setup-lint-tools.sh)"
ACTIONLINT="$(sed -n 's/^ACTIONLINT=//p' <<<"$tools")"
ZIZMOR="$(sed -n 's/^ZIZMOR=//p' <<<"$tools")"

workflows=(.github/workflows/*.yml workflows/*.yml)
actions=(actions/*/action.yml .github/actions/*/action.yml)

status=0
echo "==> actionlint ($("$ACTIONLINT" -version | head -n1)): ${#workflows[@]} workflows"
command -v shellcheck >/dev/null 2>&1 || echo "    (shellcheck is not installed: run: scripts are not checked by it)"
"$ACTIONLINT" -config-file .github/actionlint.yaml "${workflows[@]}" || status=1

echo "==> zizmor ($("$ZIZMOR" --version)): ${#workflows[@]} workflows, ${#actions[@]} actions"
# --offline: no GitHub API token here; the online audits need one.
"$ZIZMOR" --offline --no-progress --config .github/zizmor.yml "${workflows[@]}" "${actions[@]}" || status=1

if [ "$status" = 0 ]; then echo "==> workflows: actionlint and zizmor report nothing"; fi
exit "$status"
