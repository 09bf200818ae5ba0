#!/usr/bin/env bash
# Installs the pinned workflow linters, once, into the project's cache:
#   actionlint  go install from the Go module proxy   -> $PA_HOME/bin/actionlint-<v>/actionlint
#   zizmor      pip install from PyPI into a venv     -> $PA_HOME/bin/zizmor-<v>/venv/bin/zizmor
# A tool whose folder has .complete is reused as it is. Progress goes to
# stderr; stdout is two lines, `ACTIONLINT=<path>` and `ZIZMOR=<path>`, so
# callers can `eval "$(scripts/setup-lint-tools.sh)"`.
set -euo pipefail

ACTIONLINT_VERSION="${ACTIONLINT_VERSION:-v1.7.12}"
ZIZMOR_VERSION="${ZIZMOR_VERSION:-1.32.0}"

PA_HOME="${PIPELINE_ACTIONS_HOME:-${PIPELINE_ACTIONS_CACHE:-$HOME/.cache/pipeline-actions}}"
BIN="$PA_HOME/bin"
LOGS="$PA_HOME/logs"
mkdir -p "$BIN" "$LOGS"

say() { printf '==> lint-tools: %s\n' "$*" >&2; }
die() {
  printf 'lint-tools: %s\n' "$*" >&2
  exit 1
}
# run LOG CAUSE cmd...: the command's output goes to LOG, shown (its end) only on failure
run() {
  local log="$1" cause="$2"
  shift 2
  if ! "$@" >"$log" 2>&1; then
    printf -- '---- last lines of %s ----\n' "$log" >&2
    tail -n 25 "$log" >&2
    die "$cause (full log: $log)"
  fi
}

install_actionlint() {
  local dir="$BIN/actionlint-$ACTIONLINT_VERSION"
  if [ -f "$dir/.complete" ] && [ -x "$dir/actionlint" ]; then
    say "actionlint $ACTIONLINT_VERSION: reused ($dir)"
    return
  fi
  command -v go >/dev/null 2>&1 || die "Go is needed to install actionlint from the Go module proxy (install Go >= 1.24)"
  say "actionlint $ACTIONLINT_VERSION: go install from the Go module proxy"
  rm -rf "$dir"
  mkdir -p "$dir"
  run "$LOGS/install-actionlint-$ACTIONLINT_VERSION.log" \
    "go install github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION failed" \
    env GOBIN="$dir" GOMODCACHE="$PA_HOME/go/mod" GOCACHE="$PA_HOME/go/build" \
    GOPATH="$PA_HOME/go/path" GOFLAGS="-buildvcs=false -mod=mod" GOTOOLCHAIN=local CGO_ENABLED=0 \
    GOPROXY="${GOPROXY:-https://proxy.golang.org,direct}" \
    go install -trimpath "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
  "$dir/actionlint" -version >&2
  touch "$dir/.complete"
}

install_zizmor() {
  local dir="$BIN/zizmor-$ZIZMOR_VERSION"
  if [ -f "$dir/.complete" ] && [ -x "$dir/venv/bin/zizmor" ]; then
    say "zizmor $ZIZMOR_VERSION: reused ($dir)"
    return
  fi
  local python
  python="$(command -v python3 || true)"
  [ -n "$python" ] || die "python3 is needed to install zizmor from PyPI"
  say "zizmor $ZIZMOR_VERSION: pip install from PyPI into a venv"
  rm -rf "$dir"
  mkdir -p "$dir"
  if ! "$python" -m venv "$dir/venv" >"$LOGS/install-zizmor-venv.log" 2>&1; then
    # Debian's python3 ships venv separately.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      run "$LOGS/install-zizmor-apt.log" "apt-get install python3-venv failed" \
        apt-get install -y -q python3-venv
      run "$LOGS/install-zizmor-venv.log" "python3 -m venv failed" "$python" -m venv "$dir/venv"
    else
      die "python3 -m venv failed (install python3-venv); see $LOGS/install-zizmor-venv.log"
    fi
  fi
  run "$LOGS/install-zizmor-$ZIZMOR_VERSION.log" "pip install zizmor==$ZIZMOR_VERSION failed" \
    "$dir/venv/bin/pip" install --disable-pip-version-check --no-input -q "zizmor==$ZIZMOR_VERSION"
  "$dir/venv/bin/zizmor" --version >&2
  touch "$dir/.complete"
}

install_actionlint
install_zizmor
printf 'ACTIONLINT=%s\n' "$BIN/actionlint-$ACTIONLINT_VERSION/actionlint"
printf 'ZIZMOR=%s\n' "$BIN/zizmor-$ZIZMOR_VERSION/venv/bin/zizmor"
