# shellcheck shell=bash
# Docker engine: reuse one that answers, else install Debian's docker.io and
# start dockerd detached (pid file run/pids/dockerd.pid). Also installs the
# buildx CLI plugin (built from the Go module proxy) so the docker CLI can
# drive BuildKit, and trusts the TLS registry's CA.
# Sourced by up/down.

PA_DOCKER_SOCK="${PA_DOCKER_SOCK:-/var/run/docker.sock}"
# buildx goes where every docker CLI looks, whatever HOME/DOCKER_CONFIG a test sets
PA_CLI_PLUGINS_DIR="${PA_CLI_PLUGINS_DIR:-/usr/local/lib/docker/cli-plugins}"

docker_answers() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

dpkg_record() { # dpkg_record PKG FILE ; this machine's dpkg entry of an installed PKG, as a status.d file
  dpkg-query -W -f='Package: ${Package}\nVersion: ${Version}\nArchitecture: ${Architecture}\nSource: ${source:Package}\nMaintainer: ${Maintainer}\nHomepage: ${Homepage}\n' "$1" >"$2" ||
    die "dpkg has no record of $1"
}

apt_install() { # apt_install PKG... ; never lets a package start its service
  local need=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
  [ "${#need[@]}" -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "needs root to apt-get install ${need[*]}"
  info "apt-get install ${need[*]}"
  local log="$PA_HOME/logs/apt.log" made_policy=""
  mkdir -p "$PA_HOME/logs"
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  local rc=0
  if [ ! -f "$PA_HOME/.apt-updated" ] || ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >>"$log" 2>&1; then
    { apt-get update -qq >>"$log" 2>&1 && touch "$PA_HOME/.apt-updated" &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >>"$log" 2>&1; } || rc=$?
  fi
  [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
  if [ "$rc" != 0 ]; then tail -n 15 "$log" >&2; die "apt-get install ${need[*]} failed (log: $log)"; fi
}

docker_up() {
  step docker "engine"
  have docker || apt_install docker.io
  if docker_answers; then
    if is_running dockerd; then ok "reused (ours, pid $(cat "$(pidfile dockerd)"))"; else ok "reused (already running, not ours)"; fi
  else
    have dockerd || apt_install docker.io
    have dockerd || die "dockerd not found after installing docker.io"
    if is_running dockerd; then die "our dockerd (pid $(cat "$(pidfile dockerd)")) runs but does not answer on $PA_DOCKER_SOCK; see $PA_RUN/logs/dockerd.log"; fi
    if [ -S "$PA_DOCKER_SOCK" ] && pgrep -x dockerd >/dev/null; then
      die "a dockerd that is not ours runs but does not answer on $PA_DOCKER_SOCK"
    fi
    start_detached dockerd dockerd --host "unix://$PA_DOCKER_SOCK" --log-level warn
    local end=$(( $(date +%s) + 60 ))
    until docker_answers; do
      is_running dockerd || { tail -n 20 "$PA_RUN/logs/dockerd.log" >&2; die "dockerd exited at start (log: $PA_RUN/logs/dockerd.log)"; }
      [ "$(date +%s)" -lt "$end" ] || die "dockerd did not answer within 60s (log: $PA_RUN/logs/dockerd.log)"
      sleep 0.5
    done
    ok "started dockerd $(docker version --format '{{.Server.Version}}') (pid $(cat "$(pidfile dockerd)"))"
  fi
  buildx_up
}

buildx_bin_dir() { printf '%s/buildx-%s\n' "$PA_BIN" "$PA_BUILDX_VERSION_PIN"; }

build_buildx() {
  local v="$PA_BUILDX_VERSION_PIN" out; out="$(buildx_bin_dir)"
  [ -f "$out/.complete" ] && return 0
  have go || die "go is not on PATH (buildx is built from the Go module proxy)"
  go_env
  local log="$PA_HOME/logs/build-buildx-$v.log" w="$PA_GO/wrappers/buildx-$v"
  mkdir -p "$PA_HOME/logs"; : >"$log"
  info "building github.com/docker/buildx $v (a few minutes, once); log: $log"
  rm -rf "$w"; mkdir -p "$w"
  printf 'module pipeline-actions.local/buildx-wrapper\n\ngo 1.22\n' >"$w/go.mod"
  run_logged "$log" "go get github.com/docker/buildx@$v failed" \
    bash -c "cd '$w' && go get github.com/docker/buildx/cmd/buildx@$v"
  rm -rf "$out.tmp"; mkdir -p "$out.tmp"
  run_logged "$log" "go build of buildx $v failed" \
    bash -c "cd '$w' && go build -trimpath -ldflags '-s -w -X github.com/docker/buildx/version.Version=$v -X github.com/docker/buildx/version.Package=github.com/docker/buildx' -o '$out.tmp/docker-buildx' github.com/docker/buildx/cmd/buildx"
  touch "$out.tmp/.complete"; rm -rf "$out"; mv "$out.tmp" "$out"
}

buildx_up() {
  step docker "buildx $PA_BUILDX_VERSION_PIN (BuildKit for the docker CLI)"
  local out; out="$(buildx_bin_dir)"
  local state=reused
  [ -f "$out/.complete" ] || { build_buildx; state=built; }
  mkdir -p "$PA_CLI_PLUGINS_DIR"
  if [ "$(readlink "$PA_CLI_PLUGINS_DIR/docker-buildx" 2>/dev/null)" != "$out/docker-buildx" ]; then
    ln -sfn "$out/docker-buildx" "$PA_CLI_PLUGINS_DIR/docker-buildx"
  fi
  docker buildx version >/dev/null 2>&1 || die "docker buildx does not run ($PA_CLI_PLUGINS_DIR/docker-buildx)"
  ok "$state ($(docker buildx version | awk '{print $2}'))"
}

# Trust the TLS registry's CA for docker pushes/pulls (read per request, no restart).
docker_trust_ca() { # docker_trust_ca HOST:PORT CAFILE
  local d="/etc/docker/certs.d/$1"
  mkdir -p "$d"
  cmp -s "$2" "$d/ca.crt" 2>/dev/null || cp "$2" "$d/ca.crt"
}

docker_down() {
  step docker "engine"
  if stop_process dockerd 45; then
    # dockerd stops the containerd it started itself; make sure
    local i; for i in $(seq 1 50); do pgrep -x containerd >/dev/null || break; sleep 0.2; done
    ok stopped
  else
    ok "not started by up; left alone"
  fi
}
