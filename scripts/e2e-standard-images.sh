#!/usr/bin/env bash
# For CI's end-to-end job on a GitHub runner (kind instead of the local
# control plane): builds the standard images the example app needs from
# test/env/images/ -- the same recipes and prepare scripts test/env/up uses --
# pushes them to the registry on 127.0.0.1:$PA_REGISTRY_PORT, and prints a
# standard-image catalog that names them by digest (test/support/catalog.ts).
# Needs root (debootstrap) and the Debian packages busybox-static, debootstrap
# and debian-archive-keyring.
#   sudo PA_REGISTRY_PORT=5000 scripts/e2e-standard-images.sh > catalog.yaml
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for part in lib docker images; do
  # shellcheck disable=SC1090
  source "$ROOT/test/env/$part.sh"
done
mkdir -p "$PA_RUN/logs" "$PA_HOME/cache" "$PA_HOME/logs"
_image_one builder-nodejs
_image_one runtime-http
NODE="${NODE:-$ROOT/node_modules/.bin/node}"
BUILDER="${PA_IMAGE_REFS[builder-nodejs]}" RUNTIME="${PA_IMAGE_REFS[runtime-http]}" "$NODE" --input-type=module -e '
  const { localCatalog } = await import(process.argv[1]);
  const images = { "builder-nodejs": process.env.BUILDER, "runtime-http": process.env.RUNTIME };
  process.stdout.write(localCatalog({ images }));
' "$ROOT/test/support/catalog.ts"
