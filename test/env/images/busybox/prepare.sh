# shellcheck shell=bash
# Adds Debian's static busybox (package busybox-static) to the build context $1.
dpkg -s busybox-static >/dev/null 2>&1 || apt_install busybox-static
if ldd /bin/busybox >/dev/null 2>&1; then die "/bin/busybox is not the static one (install busybox-static)"; fi
cp /bin/busybox "$1/busybox"
