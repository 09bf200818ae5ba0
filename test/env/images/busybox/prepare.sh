# shellcheck shell=bash
# Adds Debian's static busybox (package busybox-static) to the build context $1.
dpkg -s busybox-static >/dev/null 2>&1 || apt_install busybox-static
if ldd /bin/busybox >/dev/null 2>&1; then die "/bin/busybox is not the static one (install busybox-static)"; fi
cp /bin/busybox "$1/busybox"
# Debian's own record of the package (distroless-style status.d), so the
# image's package database, its policy check and its SBOM name it.
dpkg_record busybox-static "$1/busybox-static.status"
