#!/usr/bin/env bash
# Runs .github/workflows/pipeline.yml under act (nektos/act, built from the
# Go module proxy and cached), on this machine (-P ubuntu-latest=-self-hosted),
# against the local environment (test/env/up): build → publish → dev → stage
# → prod on examples/. Three adaptations, all in a temporary copy of the
# repository, never in the tree:
#   - act 0.2.89 does not know GitHub's `$/` self-repository references: they
#     become `./` (the same files, since the caller is this repository);
#   - actions/upload-artifact cannot be fetched (no github.com here): a local
#     no-op stands in for it (--local-repository);
#   - the namespaces are created first, as the platform does (deploy.yml does
#     not create namespaces).
# actions/checkout is handled by act itself (a local copy).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PA_HOME="${PIPELINE_ACTIONS_HOME:-${PIPELINE_ACTIONS_CACHE:-$HOME/.cache/pipeline-actions}}"
ACT="$("$ROOT/scripts/act.sh")"

test "${PA_SKIP_ENV:-}" = 1 || "$ROOT/test/env/up" >/dev/null
ENV_JSON="$PA_HOME/run/env.json"
field() { "$ROOT/node_modules/.bin/node" -e "console.log(require(process.argv[1])[process.argv[2]])" "$ENV_JSON" "$1"; }
KUBECTL="$(field kubectl)"
KUBECONFIG="$(field kubeconfig)"
REGISTRY="$(field registry)"
HELM_DIR="$(dirname "$(field helm3)")"
export KUBECONFIG PATH="$HELM_DIR:$(dirname "$KUBECTL"):$PATH"

work="$(mktemp -d /tmp/pa-act-XXXXXX)"
trap 'rm -rf "$work"' EXIT
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work")
ln -s "$ROOT/node_modules" "$work/node_modules"
"$ROOT/node_modules/.bin/node" --input-type=module -e '
  const { localCatalog } = await import(process.argv[1]);
  const { loadEnvironment } = await import(process.argv[2]);
  process.stdout.write(localCatalog(loadEnvironment()));
' "$ROOT/test/support/catalog.ts" "$ROOT/test/env/environment.ts" > "$work/examples/catalog.yaml"
sed -i 's#uses: \$/#uses: ./#' "$work"/.github/workflows/*.yml
cat > "$work/.github/workflows/act-pipeline.yml" <<YAML
name: act-pipeline
on: workflow_dispatch
permissions: {}
jobs:
  delivery:
    permissions:
      contents: read
      packages: write
    uses: ./.github/workflows/pipeline.yml
    with:
      registry: $REGISTRY/act
      chart-destination: oci://$REGISTRY/act/charts
      manifest: examples/default.json
      context: examples
      catalog: examples/catalog.yaml
      chart: examples/chart
      values: examples/deploy/values.yaml
      values-dev: examples/deploy/values-dev.yaml
      kustomize: examples/deploy/kustomize
      helm-version: path
YAML
mkdir -p "$work/.act/upload-artifact"
cat > "$work/.act/upload-artifact/action.yml" <<'YAML'
name: upload-artifact stand-in under act
inputs: { name: {}, path: {}, retention-days: {} }
runs: { using: node24, main: index.js }
YAML
echo 'console.log("act: artifact upload skipped (actions/upload-artifact cannot be fetched here)");' > "$work/.act/upload-artifact/index.js"
(cd "$work" && git init -q && git add -A && git -c user.name=act -c user.email=act@example.invalid commit -qm act)

for ns in shop-dev shop-stage shop-prod; do
  "$KUBECTL" get namespace "$ns" >/dev/null 2>&1 || "$KUBECTL" create namespace "$ns" >/dev/null
done

upload_sha="$(sed -n 's#.*actions/upload-artifact@\([0-9a-f]\{40\}\).*#\1#p' "$ROOT/.github/workflows/deploy.yml" | head -n1)"
cd "$work"
"$ACT" workflow_dispatch -W .github/workflows/act-pipeline.yml -P ubuntu-latest=-self-hosted \
  -s GITHUB_TOKEN=act-not-a-token -s KUBECONFIG="$KUBECONFIG" \
  --local-repository "actions/upload-artifact@$upload_sha=$work/.act/upload-artifact"
