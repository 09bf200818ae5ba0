# shellcheck shell=bash
# Standard base images. Every folder test/env/images/<name>/ is one image:
#   Dockerfile          built with BuildKit (docker buildx, docker driver)
#   prepare.sh          optional; sourced with $1 = the build context dir, to add
#                       files that come from this machine (a static busybox, a
#                       debootstrap rootfs). It may use lib.sh helpers.
#   anything else       copied into the build context as is
# The context's content hash is the tag: 127.0.0.1:5000/standard/<name>:<hash12>
# (plus :latest). If the registry already has that tag, nothing is built.
# Adding a folder is enough to add an image; its digest reference is exported
# as PA_IMAGE_<NAME> (env.sh) and images.<name> / image<Name> (env.json).
# Sourced by up.

PA_IMAGES_DIR="$PA_ENV_DIR/images"
declare -gA PA_IMAGE_REFS=()

_manifest_digest() { # REPO TAG -> prints sha256:... if the open registry has it
  curl -fsS -I --max-time 5 \
    -H 'Accept: application/vnd.oci.image.index.v1+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.list.v2+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://127.0.0.1:$PA_REGISTRY_PORT/v2/$1/manifests/$2" 2>/dev/null |
    tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}' || true
}

_context_hash() { # DIR -> sha256 over relative paths, types, exec bits and contents
  ( cd "$1" && find . -print0 | LC_ALL=C sort -z |
      while IFS= read -r -d '' f; do
        if [ -L "$f" ]; then printf 'link %s %s\n' "$f" "$(readlink "$f")"
        elif [ -d "$f" ]; then printf 'dir %s\n' "$f"
        elif [ -x "$f" ]; then printf 'exec %s %s\n' "$f" "$(sha256sum <"$f")"
        else printf 'file %s %s\n' "$f" "$(sha256sum <"$f")"; fi
      done ) | sha256sum | cut -c1-64
}

_image_one() { # NAME
  local name="$1" dir="$PA_IMAGES_DIR/$1" repo="standard/$1"
  step "image-$name" "127.0.0.1:$PA_REGISTRY_PORT/$repo"
  local ctx="$PA_RUN/images/$name/context"
  rm -rf "$ctx"; mkdir -p "$ctx"
  cp -a "$dir/." "$ctx/"
  rm -f "$ctx/prepare.sh"
  if [ -f "$dir/prepare.sh" ]; then
    # shellcheck disable=SC1090
    ( source "$dir/prepare.sh" "$ctx" ) || die "prepare.sh of $name failed"
  fi
  local hash tag digest; hash="$(_context_hash "$ctx")"; tag="${hash:0:12}"
  local ref="127.0.0.1:$PA_REGISTRY_PORT/$repo"
  digest="$(_manifest_digest "$repo" "$tag")"
  if [ -n "$digest" ]; then
    PA_IMAGE_REFS[$name]="$ref@$digest"
    ok "reused :$tag ($digest)"
    return 0
  fi
  local log="$PA_RUN/logs/image-$name.log"; : >"$log"
  local t0; t0=$(date +%s)
  run_logged "$log" "docker build of $name failed" \
    env DOCKER_BUILDKIT=1 docker buildx build --progress plain --load -t "$ref:$tag" -t "$ref:latest" "$ctx"
  run_logged "$log" "docker push $ref:$tag failed" docker push "$ref:$tag"
  run_logged "$log" "docker push $ref:latest failed" docker push "$ref:latest"
  digest="$(_manifest_digest "$repo" "$tag")"
  [ -n "$digest" ] || die "pushed $ref:$tag but the registry has no manifest for it"
  PA_IMAGE_REFS[$name]="$ref@$digest"
  ok "built and pushed :$tag in $(( $(date +%s) - t0 ))s ($digest)"
}

images_up() {
  local d
  for d in "$PA_IMAGES_DIR"/*/; do
    [ -f "$d/Dockerfile" ] || continue
    _image_one "$(basename "$d")"
  done
}
