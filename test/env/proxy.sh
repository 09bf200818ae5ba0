# shellcheck shell=bash
# A real forward proxy for the HTTPS_PROXY / NO_PROXY tests: Debian's
# tinyproxy, installed here but never started here (its service stays off);
# each test starts its own on a free port with its own config and log.
# Sourced by up.

proxy_install() {
  step proxy "tinyproxy (forward proxy for the proxy tests)"
  if [ -x /usr/bin/tinyproxy ]; then ok "reused /usr/bin/tinyproxy"; return 0; fi
  apt_install tinyproxy
  [ -x /usr/bin/tinyproxy ] || die "tinyproxy is installed but /usr/bin/tinyproxy is missing"
  ok "installed /usr/bin/tinyproxy"
}
