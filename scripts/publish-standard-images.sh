#!/usr/bin/env bash
# Builds the standard images a catalog template names and pushes them to a
# platform's registry, with the recipes test/env uses (each image a folder:
# Dockerfile, optional prepare.sh; test/env/images.sh). Prints one
# NAME=REGISTRY/NAME@sha256:… line per image on stdout, what the
# standard-images action pins the template with; progress goes to stderr.
#
#   scripts/publish-standard-images.sh REGISTRY TEMPLATE [DEFINITIONS]
#
# REGISTRY     where the images go, e.g. ghcr.io/acme/standard (docker must be
#              logged in to it); each image is REGISTRY/NAME, tagged with the
#              hash of its build context
# TEMPLATE     the catalog template: every `image:` that names a definition
#              is built (catalog/standard-images.yaml of this repository)
# DEFINITIONS  optional: the platform's own folder of definitions, in the
#              layout of test/env/images/; a folder there replaces this
#              repository's folder of the same name, and may add images
#
# The .github/workflows/publish-images.yml workflow runs it on a GitHub
# runner (root for debootstrap, with busybox-static, debootstrap and
# debian-archive-keyring installed); the tests run it against the local
# registry.
#
# Every image is built on every publish. Whether an unchanged definition
# keeps its digest depends on its build being reproducible: on a fresh runner
# debootstrap and apt fetch the current Debian packages, so the Debian-based
# images get new digests (security updates included), and the applications
# built on them are rebuilt; the busybox and static images are stable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$#" -lt 2 ] || [ "$#" -gt 3 ]; then
  echo "usage: $0 REGISTRY TEMPLATE [DEFINITIONS]" >&2
  exit 2
fi
registry="${1%/}" template="$2" platform="${3:-}"
[ -f "$template" ] || { echo "publish-standard-images: no catalog template at $template" >&2; exit 1; }
if [ -n "$platform" ] && [ ! -d "$platform" ]; then
  echo "publish-standard-images: no folder of image definitions at $platform" >&2
  exit 1
fi
for part in lib docker images; do
  # shellcheck disable=SC1090
  source "$ROOT/test/env/$part.sh"
done
# Contexts and logs in a directory of this run (the caches in $PA_HOME stay shared).
PA_RUN="$(mktemp -d)"
trap 'rm -rf "$PA_RUN"' EXIT
mkdir -p "$PA_RUN/logs" "$PA_HOME/cache" "$PA_HOME/logs"
# This repository's definitions, with the platform's folders over them.
PA_IMAGES_DIR="$PA_RUN/definitions"
mkdir -p "$PA_IMAGES_DIR"
cp -a "$ROOT/test/env/images/." "$PA_IMAGES_DIR/"
if [ -n "$platform" ]; then
  for dir in "$platform"/*/; do
    [ -f "$dir/Dockerfile" ] || continue
    rm -rf "${PA_IMAGES_DIR:?}/$(basename "$dir")"
    cp -a "$dir" "$PA_IMAGES_DIR/$(basename "$dir")"
  done
fi

# Replaces test/env's _image_one (which pushes to the local registry): the
# same context, pushed to $registry; image_parent_arg calls it for a parent.
_image_one() { # NAME
  local name="$1" ref="$registry/$1"
  step "image-$name" "$ref"
  _image_context "$name"
  local log="$PA_RUN/logs/image-$name.log" out digest
  run_logged "$log" "docker build of $name failed" \
    env DOCKER_BUILDKIT=1 docker buildx build --progress plain --load "${IMAGE_BUILD_ARGS[@]}" -t "$ref:$IMAGE_TAG" "$IMAGE_CTX"
  out="$(docker push "$ref:$IMAGE_TAG" 2>>"$log")" || { tail -n 20 "$log" >&2; die "docker push $ref:$IMAGE_TAG failed"; }
  digest="$(printf '%s\n' "$out" | sed -nE 's/.*digest: (sha256:[0-9a-f]{64}).*/\1/p' | tail -n1)"
  [ -n "$digest" ] || die "docker push $ref:$IMAGE_TAG printed no digest: $out"
  PA_IMAGE_REFS["$name"]="$ref@$digest"
  ok "pushed :$IMAGE_TAG ($digest)"
}

# The definitions the template names (an `image:` value that is a folder here).
mapfile -t names < <(grep -oE 'image:[[:space:]]*["'"'"']?[a-z0-9][a-z0-9._-]*' "$template" |
  sed -E 's/^image:[[:space:]]*["'"'"']?//' | sort -u)
published=0
for name in "${names[@]}"; do
  [ -f "$PA_IMAGES_DIR/$name/Dockerfile" ] || continue
  [ -n "${PA_IMAGE_REFS[$name]:-}" ] || _image_one "$name"
  printf '%s=%s\n' "$name" "${PA_IMAGE_REFS[$name]}"
  published=$((published + 1))
done
[ "$published" -gt 0 ] || die "$template names no image defined in test/env/images${platform:+ or $platform}"
