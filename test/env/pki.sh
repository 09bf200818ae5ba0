# shellcheck shell=bash
# One CA for the whole environment (run/pki/ca.crt = PA_CA_FILE) that signs the
# TLS registry's server cert and the Kubernetes certificates. Made once, kept
# across down/up (down --purge removes it).
# Sourced by up.

PA_PKI="$PA_RUN/pki"

pki_ca() {
  step pki "certificate authority"
  have openssl || apt_install openssl
  mkdir -p "$PA_PKI"; chmod 700 "$PA_PKI"
  if [ -s "$PA_PKI/ca.crt" ] && [ -s "$PA_PKI/ca.key" ]; then ok "reused $PA_PKI/ca.crt"; return 0; fi
  local log="$PA_HOME/logs/pki.log"
  run_logged "$log" "openssl could not make the CA" \
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
      -subj "/CN=pipeline-actions local CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$PA_PKI/ca.key" -out "$PA_PKI/ca.crt"
  chmod 600 "$PA_PKI/ca.key"
  ok "made $PA_PKI/ca.crt"
}

# pki_cert NAME CN [O] [SAN] [usage]: signs run/pki/NAME.{crt,key} unless
# present with the same subject and SAN. usage: server | client | both.
# Sets PA_PKI_MADE=1 when it (re)made the certificate.
PA_PKI_MADE=""
pki_cert() {
  local name="$1" cn="$2" org="${3:-}" san="${4:-}" usage="${5:-server}"
  local want="$cn|$org|$san|$usage"
  PA_PKI_MADE=""
  if [ -s "$PA_PKI/$name.crt" ] && [ -s "$PA_PKI/$name.key" ] && [ "$(cat "$PA_PKI/$name.spec" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  local subj="/CN=$cn"; [ -n "$org" ] && subj="/O=$org/CN=$cn"
  local eku
  case "$usage" in
    server) eku=serverAuth ;; client) eku=clientAuth ;; *) eku=serverAuth,clientAuth ;;
  esac
  local ext="$PA_PKI/$name.ext" log="$PA_HOME/logs/pki.log"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$eku"
    [ -n "$san" ] && echo "subjectAltName=$san"
  } >"$ext"
  run_logged "$log" "openssl could not make the key for $name" \
    openssl req -newkey rsa:2048 -nodes -subj "$subj" -keyout "$PA_PKI/$name.key" -out "$PA_PKI/$name.csr"
  run_logged "$log" "openssl could not sign the certificate for $name" \
    openssl x509 -req -in "$PA_PKI/$name.csr" -CA "$PA_PKI/ca.crt" -CAkey "$PA_PKI/ca.key" \
      -CAcreateserial -days 3650 -sha256 -extfile "$ext" -out "$PA_PKI/$name.crt"
  chmod 600 "$PA_PKI/$name.key"; rm -f "$PA_PKI/$name.csr" "$ext"
  printf '%s\n' "$want" >"$PA_PKI/$name.spec"
  PA_PKI_MADE=1
}
