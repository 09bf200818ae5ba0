#!/bin/sh
# Writes version.json into the site: what was built, from which version.
# build-image passes APP_NAMESPACE, APP_NAME and APP_VERSION to every step.
set -eu
out="${1:?usage: stamp.sh DIST}"
printf '{"application":"%s/%s","version":"%s"}\n' \
  "${APP_NAMESPACE:-unknown}" "${APP_NAME:-unknown}" "${APP_VERSION:-unknown}" >"$out/version.json"
echo "stamped $out/version.json: $(cat "$out/version.json")"
