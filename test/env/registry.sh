# shellcheck shell=bash
# Two OCI registries from Debian's docker-registry (distribution 2.8), on loopback:
#   open:  http://127.0.0.1:$PA_REGISTRY_PORT      (no auth)
#   tls:   https://127.0.0.1:$PA_REGISTRY_TLS_PORT (CA from pki.sh, htpasswd user ci)
#          also https://$PA_REGISTRY_TLS_HOSTNAME:$PA_REGISTRY_TLS_PORT (same registry)
# Data is kept in run/registry-*/data across down/up.
# Sourced by up/down.

PA_REGISTRY_TLS_USER="${PA_REGISTRY_TLS_USER:-ci}"
# The TLS registry also answers under a host name that resolves to 127.0.0.1
# (an /etc/hosts line): clients built on containerd's resolver (helm 3's
# `helm push`) always speak plain HTTP to "localhost" and loopback IPs, so
# they can only reach a TLS registry on this machine through a name.
PA_REGISTRY_TLS_HOSTNAME="${PA_REGISTRY_TLS_HOSTNAME:-registry-tls.pipeline-actions.test}"

registry_password() {
  local f="$PA_RUN/registry-tls/password"
  if [ ! -s "$f" ]; then
    mkdir -p "$(dirname "$f")"
    ( umask 077; openssl rand -hex 16 >"$f" )
  fi
  cat "$f"
}

_registry_config() { # NAME PORT [tls]
  local name="$1" port="$2" tls="${3:-}" dir="$PA_RUN/registry-$1"
  mkdir -p "$dir/data"
  {
    echo "version: 0.1"
    echo "log:"
    echo "  level: info"
    echo "  accesslog:"
    echo "    disabled: false"
    echo "storage:"
    echo "  filesystem:"
    echo "    rootdirectory: $dir/data"
    echo "  delete:"
    echo "    enabled: true"
    echo "http:"
    echo "  addr: 127.0.0.1:$port"
    echo "  secret: $(cat "$dir/http-secret" 2>/dev/null || { openssl rand -hex 16 | tee "$dir/http-secret"; })"
    if [ -n "$tls" ]; then
      echo "  tls:"
      echo "    certificate: $PA_PKI/registry-tls.crt"
      echo "    key: $PA_PKI/registry-tls.key"
      echo "auth:"
      echo "  htpasswd:"
      echo "    realm: pipeline-actions"
      echo "    path: $dir/htpasswd"
    fi
  } >"$dir/config.yml"
}

_registry_ready_open() { curl -fsS -o /dev/null "http://127.0.0.1:$PA_REGISTRY_PORT/v2/"; }
_registry_ready_tls() {
  curl -fsS -o /dev/null --cacert "$PA_PKI/ca.crt" -u "$PA_REGISTRY_TLS_USER:$(registry_password)" \
    "https://127.0.0.1:$PA_REGISTRY_TLS_PORT/v2/"
}

_registry_start() { # NAME PORT READYFN [tls]
  local name="$1" port="$2" ready="$3" tls="${4:-}" proc="registry-$1"
  local var=PA_REGISTRY_PORT; [ -n "$tls" ] && var=PA_REGISTRY_TLS_PORT
  step "registry-$name" "$( [ -n "$tls" ] && echo "TLS + basic auth" || echo "open") registry on 127.0.0.1:$port"
  if is_running "$proc" && "$ready"; then ok reused; return 0; fi
  stop_process "$proc" || true
  require_port_free "$port" "$proc" "$var"
  _registry_config "$name" "$port" "$tls"
  start_detached "$proc" docker-registry serve "$PA_RUN/registry-$name/config.yml"
  local end=$(( $(date +%s) + 30 ))
  until "$ready" 2>/dev/null; do
    is_running "$proc" || { tail -n 15 "$PA_RUN/logs/$proc.log" >&2; die "docker-registry exited at start (log: $PA_RUN/logs/$proc.log)"; }
    [ "$(date +%s)" -lt "$end" ] || die "did not answer on 127.0.0.1:$port within 30s (log: $PA_RUN/logs/$proc.log)"
    sleep 0.2
  done
  ok "started (pid $(cat "$(pidfile "$proc")"), data in $PA_RUN/registry-$name/data)"
}

registry_up() {
  step registry "docker-registry, htpasswd"
  have docker-registry || apt_install docker-registry
  have htpasswd || apt_install apache2-utils
  have curl || apt_install curl
  have skopeo || apt_install skopeo
  ok
  _registry_start open "$PA_REGISTRY_PORT" _registry_ready_open
  _registry_hostname
  pki_cert registry-tls 127.0.0.1 "" "IP:127.0.0.1,DNS:localhost,DNS:$PA_REGISTRY_TLS_HOSTNAME" server
  # a new certificate is read only at start
  [ -z "$PA_PKI_MADE" ] || stop_process registry-tls || true
  local ht="$PA_RUN/registry-tls/htpasswd" pw; pw="$(registry_password)"
  if [ ! -s "$ht" ] || ! htpasswd -vb "$ht" "$PA_REGISTRY_TLS_USER" "$pw" >/dev/null 2>&1; then
    htpasswd -Bbc "$ht" "$PA_REGISTRY_TLS_USER" "$pw" >/dev/null 2>&1 || die "htpasswd could not write $ht"
  fi
  _registry_start tls "$PA_REGISTRY_TLS_PORT" _registry_ready_tls tls
  docker_trust_ca "127.0.0.1:$PA_REGISTRY_TLS_PORT" "$PA_PKI/ca.crt"
  docker_trust_ca "$PA_REGISTRY_TLS_HOSTNAME:$PA_REGISTRY_TLS_PORT" "$PA_PKI/ca.crt"
}

_registry_hostname() {
  step registry-tls "host name $PA_REGISTRY_TLS_HOSTNAME -> 127.0.0.1"
  if getent ahostsv4 "$PA_REGISTRY_TLS_HOSTNAME" 2>/dev/null | awk '{print $1}' | grep -qx 127.0.0.1; then
    ok reused; return 0
  fi
  [ -w /etc/hosts ] || die "cannot write /etc/hosts to add $PA_REGISTRY_TLS_HOSTNAME (run as root, or add '127.0.0.1 $PA_REGISTRY_TLS_HOSTNAME' yourself)"
  printf '127.0.0.1 %s # pipeline-actions test/env\n' "$PA_REGISTRY_TLS_HOSTNAME" >>/etc/hosts
  getent ahostsv4 "$PA_REGISTRY_TLS_HOSTNAME" 2>/dev/null | awk '{print $1}' | grep -qx 127.0.0.1 ||
    die "$PA_REGISTRY_TLS_HOSTNAME does not resolve to 127.0.0.1 even after adding it to /etc/hosts (check /etc/nsswitch.conf)"
  ok "added to /etc/hosts"
}

registry_down() {
  local n
  for n in tls open; do
    step "registry-$n" stop
    if stop_process "registry-$n"; then ok stopped; else ok "not running"; fi
  done
}
