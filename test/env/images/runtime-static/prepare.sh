# shellcheck shell=bash
# Debian's CA bundle (package ca-certificates) and two empty directories.
dpkg -s ca-certificates >/dev/null 2>&1 || apt_install ca-certificates
cp /etc/ssl/certs/ca-certificates.crt "$1/ca-certificates.crt"
dpkg_record ca-certificates "$1/ca-certificates.status"
mkdir -p "$1/tmp" "$1/app"
