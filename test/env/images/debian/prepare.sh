# shellcheck shell=bash
# Adds rootfs.tar, a debootstrap'd minimal bookworm, to the build context $1.
# The tarball is made once and cached as $PA_HOME/cache/debian-bookworm-minbase.tar.
suite="${PA_DEBIAN_SUITE:-bookworm}"
tarball="$PA_HOME/cache/debian-$suite-minbase.tar"
if [ ! -s "$tarball" ]; then
  have debootstrap || apt_install debootstrap
  # the Debian mirror apt already uses (deb822 .sources or a classic sources.list)
  mirror="${PA_DEBIAN_MIRROR:-}"
  if [ -z "$mirror" ]; then
    mirror="$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
      sed -nE 's/^URIs:[[:space:]]*([^[:space:]]+\/debian\/?)$/\1/p; s/^deb[[:space:]]+(http[^[:space:]]+\/debian\/?)[[:space:]].*/\1/p' |
      head -n1 || true)"
  fi
  mirror="${mirror:-http://deb.debian.org/debian}"
  root="$PA_HOME/cache/debian-$suite-rootfs.tmp"
  log="$PA_HOME/logs/debootstrap-$suite.log"
  info "debootstrap --variant=minbase $suite from $mirror (once; log: $log)"
  rm -rf "$root"; mkdir -p "$root" "$PA_HOME/cache"
  run_logged "$log" "debootstrap $suite from $mirror failed" \
    debootstrap --variant=minbase "$suite" "$root" "$mirror"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/log/*.log
  run_logged "$log" "could not tar the $suite rootfs" \
    tar --numeric-owner --xattrs -C "$root" -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"; rm -rf "$root"
fi
ln "$tarball" "$1/rootfs.tar" 2>/dev/null || cp "$tarball" "$1/rootfs.tar"
