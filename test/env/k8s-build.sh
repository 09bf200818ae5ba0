#!/usr/bin/env bash
# Builds the control-plane binaries from the Go module proxy, once per version,
# into $PA_HOME/bin/<tool>-<version>/ (outside the repo):
#   kubernetes-<v>/ kube-apiserver kube-controller-manager kube-scheduler kubectl
#   etcd-<v>/       etcd
#   kwok-<v>/       kwok
# Sourced by up (build_control_plane) or run directly: test/env/k8s-build.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

k8s_bin_dir()  { printf '%s/kubernetes-%s\n' "$PA_BIN" "$PA_K8S_VERSION_PIN"; }
etcd_bin_dir() { printf '%s/etcd-%s\n' "$PA_BIN" "$PA_ETCD_VERSION_PIN"; }
kwok_bin_dir() { printf '%s/kwok-%s\n' "$PA_BIN" "$PA_KWOK_VERSION_PIN"; }

# A build goes to DIR.tmp and is renamed to DIR when complete, so a killed
# build never leaves a half-filled cache entry behind.
_done() { [ -f "$1/.complete" ]; }
_finish() { touch "$1.tmp/.complete"; rm -rf "$1"; mv "$1.tmp" "$1"; }

build_kubernetes() {
  local v="$PA_K8S_VERSION_PIN" out; out="$(k8s_bin_dir)"
  step k8s-build "kubernetes $v (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl)"
  if _done "$out"; then ok reused; return 0; fi
  go_env
  local log="$PA_HOME/logs/build-kubernetes-$v.log" w="$PA_GO/wrappers/kubernetes-$v"
  mkdir -p "$PA_HOME/logs"; : >"$log"
  info "cold build: about 6-8 min on 2 cores (measured); log: $log"
  local t0; t0=$(date +%s)
  local minor="${v#v1.}"; minor="${minor%%.*}"
  local staging_v="v0.${v#v1.}"
  run_logged "$log" "cannot download k8s.io/kubernetes@$v from the Go module proxy" \
    go mod download -json "k8s.io/kubernetes@$v"
  local gomod; gomod="$(go mod download -json "k8s.io/kubernetes@$v" | jq -r .GoMod)"
  [ -s "$gomod" ] || die "no go.mod for k8s.io/kubernetes@$v"
  local gover; gover="$(awk '$1=="go"{print $2; exit}' "$gomod")"
  rm -rf "$w"; mkdir -p "$w"
  ( cd "$w"
    printf 'module pipeline-actions.local/kubernetes-wrapper\n\ngo %s\n\ngodebug default=go1.%s\n' \
      "$gover" "$(echo "$gover" | cut -d. -f2)" >go.mod
    # every staging module that this exact version replaces with ./staging/src/...
    local mods; mods="$(sed -nE 's#^[[:space:]]*(k8s\.io/[A-Za-z0-9._-]+)[[:space:]]+=>[[:space:]]+\./staging/src/.*#\1#p' "$gomod" | sort -u)"
    [ -n "$mods" ] || { echo "no staging replaces found in $gomod"; exit 1; }
    echo "staging modules ($(echo "$mods" | wc -l)): $(echo "$mods" | tr '\n' ' ')" >>"$log"
    local args=() m
    for m in $mods; do args+=("-replace=$m=$m@$staging_v"); done
    go mod edit "${args[@]}"
  ) >>"$log" 2>&1 || die "could not write the wrapper module (see $log)"
  local pkgs=(k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager
              k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl)
  run_logged "$log" "go get k8s.io/kubernetes@$v failed in the wrapper module $w" \
    bash -c "cd '$w' && go get $(printf '%s@'"$v"' ' "${pkgs[@]}")"
  local commit; commit="$(go mod download -json "k8s.io/kubernetes@$v" | jq -r '.Origin.Hash // ""')"
  local ld="-s -w"
  ld+=" -X k8s.io/component-base/version.gitVersion=$v -X k8s.io/component-base/version.gitMajor=1"
  ld+=" -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean"
  ld+=" -X k8s.io/component-base/version.gitCommit=$commit"
  ld+=" -X k8s.io/client-go/pkg/version.gitVersion=$v -X k8s.io/client-go/pkg/version.gitMajor=1"
  ld+=" -X k8s.io/client-go/pkg/version.gitMinor=$minor -X k8s.io/client-go/pkg/version.gitTreeState=clean"
  ld+=" -X k8s.io/client-go/pkg/version.gitCommit=$commit"
  rm -rf "$out.tmp"; mkdir -p "$out.tmp"
  run_logged "$log" "go build of kubernetes $v failed" \
    bash -c "cd '$w' && go build -v -trimpath -tags=selinux,notest -ldflags '$ld' -o '$out.tmp/' ${pkgs[*]}"
  "$out.tmp/kube-apiserver" --version >>"$log" 2>&1 || die "built kube-apiserver does not run"
  "$out.tmp/kube-apiserver" --version | grep -q "$v" || die "kube-apiserver is not stamped $v"
  _finish "$out"
  ok "built in $(( $(date +%s) - t0 ))s: $(cd "$out" && ls | tr '\n' ' ')"
}

build_etcd() {
  local v="$PA_ETCD_VERSION_PIN" out; out="$(etcd_bin_dir)"
  step k8s-build "etcd $v"
  if _done "$out"; then ok reused; return 0; fi
  go_env
  local log="$PA_HOME/logs/build-etcd-$v.log" w="$PA_GO/wrappers/etcd-$v"
  mkdir -p "$PA_HOME/logs"; : >"$log"
  local t0; t0=$(date +%s)
  # go.etcd.io/etcd/server/v3 has local replaces, so `go install` refuses it;
  # a wrapper module that requires it builds fine (its replaces are ignored).
  rm -rf "$w"; mkdir -p "$w"
  printf 'module pipeline-actions.local/etcd-wrapper\n\ngo 1.24\n' >"$w/go.mod"
  run_logged "$log" "go get go.etcd.io/etcd/server/v3@$v failed" \
    bash -c "cd '$w' && go get go.etcd.io/etcd/server/v3@$v"
  local maj="${v#v}"; local ld="-s -w"
  rm -rf "$out.tmp"; mkdir -p "$out.tmp"
  run_logged "$log" "go build of etcd $v failed" \
    bash -c "cd '$w' && go build -trimpath -ldflags '$ld' -o '$out.tmp/etcd' go.etcd.io/etcd/server/v3"
  "$out.tmp/etcd" --version >>"$log" 2>&1 || die "built etcd does not run"
  "$out.tmp/etcd" --version | grep -q "${maj}" || die "etcd reports a different version than $v"
  _finish "$out"
  ok "built in $(( $(date +%s) - t0 ))s"
}

build_kwok() {
  local v="$PA_KWOK_VERSION_PIN" out; out="$(kwok_bin_dir)"
  step k8s-build "kwok $v"
  if _done "$out"; then ok reused; return 0; fi
  go_env
  local log="$PA_HOME/logs/build-kwok-$v.log" w="$PA_GO/wrappers/kwok-$v"
  mkdir -p "$PA_HOME/logs"; : >"$log"
  local t0; t0=$(date +%s)
  rm -rf "$w"; mkdir -p "$w"
  printf 'module pipeline-actions.local/kwok-wrapper\n\ngo 1.24\n' >"$w/go.mod"
  run_logged "$log" "go get sigs.k8s.io/kwok@$v failed" \
    bash -c "cd '$w' && go get sigs.k8s.io/kwok/cmd/kwok@$v"
  rm -rf "$out.tmp"; mkdir -p "$out.tmp"
  run_logged "$log" "go build of kwok $v failed" \
    bash -c "cd '$w' && go build -trimpath -ldflags '-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${v#v}' -o '$out.tmp/kwok' sigs.k8s.io/kwok/cmd/kwok"
  "$out.tmp/kwok" --help >>"$log" 2>&1 || die "built kwok does not run"
  _finish "$out"
  ok "built in $(( $(date +%s) - t0 ))s"
}

build_control_plane() {
  have go || die "go is not on PATH (the control plane is built from the Go module proxy)"
  have jq || die "jq is needed (apt-get install jq)"
  build_etcd
  build_kwok
  build_kubernetes
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  build_control_plane
fi
