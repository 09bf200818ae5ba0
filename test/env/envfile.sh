# shellcheck shell=bash
# Writes run/env.sh (export PA_...=...) and run/env.json (the same keys in
# camelCase: PA_REGISTRY_TLS_USER -> registryTlsUser) for shells and tests.
# Sourced by up/down.

PA_ENV_SH="$PA_RUN/env.sh"
PA_ENV_JSON="$PA_RUN/env.json"

_camel() { # PA_REGISTRY_TLS_USER -> registryTlsUser
  local s="${1#PA_}" out="" w first=1
  local IFS=_
  for w in $s; do
    w="$(printf '%s' "$w" | tr '[:upper:]' '[:lower:]')"
    if [ -n "$first" ]; then out="$w"; first=""; else out+="$(printf '%s' "${w:0:1}" | tr '[:lower:]' '[:upper:]')${w:1}"; fi
  done
  printf '%s' "$out"
}

env_write() { # uses PA_OUT_* from k8s_up and PA_IMAGE_REFS from images_up
  step env "write $PA_ENV_SH and $PA_ENV_JSON"
  local server; server="$("$PA_OUT_KUBECTL" --kubeconfig "$PA_OUT_KUBECONFIG" config view --minify -o jsonpath='{.clusters[0].cluster.server}' 2>/dev/null || true)"
  server="${server#https://}"; server="${server#http://}"; server="${server%%/*}"
  local -a keys=(PA_REGISTRY PA_REGISTRY_TLS PA_REGISTRY_TLS_NAME PA_REGISTRY_TLS_USER PA_REGISTRY_TLS_PASSWORD PA_CA_FILE
                 PA_KUBECONFIG PA_KUBECTL PA_K8S_VERSION PA_K8S_MODE PA_APISERVER PA_HELM3 PA_HELM4 PA_STATE_DIR)
  local -A val=(
    [PA_REGISTRY]="127.0.0.1:$PA_REGISTRY_PORT"
    [PA_REGISTRY_TLS]="127.0.0.1:$PA_REGISTRY_TLS_PORT"
    [PA_REGISTRY_TLS_NAME]="$PA_REGISTRY_TLS_HOSTNAME:$PA_REGISTRY_TLS_PORT"
    [PA_REGISTRY_TLS_USER]="$PA_REGISTRY_TLS_USER"
    [PA_REGISTRY_TLS_PASSWORD]="$(registry_password)"
    [PA_CA_FILE]="$PA_PKI/ca.crt"
    [PA_KUBECONFIG]="$PA_OUT_KUBECONFIG"
    [PA_KUBECTL]="$PA_OUT_KUBECTL"
    [PA_K8S_VERSION]="$PA_OUT_K8S_VERSION"
    [PA_K8S_MODE]="$PA_K8S"
    [PA_APISERVER]="$server"
    [PA_HELM3]="$(helm_bin "$PA_HELM3_VERSION_PIN")"
    [PA_HELM4]="$(helm_bin "$PA_HELM4_VERSION_PIN")"
    [PA_STATE_DIR]="$PA_HOME"
  )
  local name key
  for name in $(printf '%s\n' "${!PA_IMAGE_REFS[@]}" | sort); do
    key="PA_IMAGE_$(printf '%s' "$name" | tr '[:lower:]-' '[:upper:]_')"
    keys+=("$key"); val[$key]="${PA_IMAGE_REFS[$name]}"
  done
  local tmp="$PA_ENV_SH.tmp" json='{}' images='{}'
  ( umask 077
    { echo "# pipeline-actions local environment, written by test/env/up $(date -Is)"
      echo "# load it with: source $PA_ENV_SH"
      for key in "${keys[@]}"; do printf 'export %s=%q\n' "$key" "${val[$key]}"; done
    } >"$tmp" )
  for key in "${keys[@]}"; do
    json="$(jq -c --arg k "$(_camel "$key")" --arg v "${val[$key]}" '. + {($k): $v}' <<<"$json")"
  done
  for name in "${!PA_IMAGE_REFS[@]}"; do
    images="$(jq -c --arg k "$name" --arg v "${PA_IMAGE_REFS[$name]}" '. + {($k): $v}' <<<"$images")"
  done
  ( umask 077; jq -S --argjson images "$images" '. + {images: $images}' <<<"$json" >"$PA_ENV_JSON.tmp" )
  mv "$tmp" "$PA_ENV_SH"; mv "$PA_ENV_JSON.tmp" "$PA_ENV_JSON"
  ok
}

env_remove() { rm -f "$PA_ENV_SH" "$PA_ENV_JSON"; }
