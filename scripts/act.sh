#!/usr/bin/env bash
# Prints the path of act (nektos/act), built once from the Go module proxy
# and cached under the environment's state directory. Used by
# scripts/act-pipeline.sh and the consumer suite (test/consumer/).
set -euo pipefail
ACT_VERSION="${ACT_VERSION:-v0.2.89}"
PA_HOME="${PIPELINE_ACTIONS_HOME:-${PIPELINE_ACTIONS_CACHE:-$HOME/.cache/pipeline-actions}}"
ACT="$PA_HOME/bin/act-$ACT_VERSION/act"
if [ ! -x "$ACT" ]; then
  echo "==> act $ACT_VERSION: go install from the Go module proxy (once, a few minutes)" >&2
  mkdir -p "$(dirname "$ACT")"
  env GOBIN="$(dirname "$ACT")" GOMODCACHE="$PA_HOME/go/mod" GOCACHE="$PA_HOME/go/build" \
    GOFLAGS="-buildvcs=false -mod=mod" GOTOOLCHAIN=local CGO_ENABLED=0 \
    go install -trimpath "github.com/nektos/act@$ACT_VERSION" >&2
fi
printf '%s\n' "$ACT"
