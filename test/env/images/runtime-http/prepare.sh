# shellcheck shell=bash
# The same static busybox as the busybox image (Debian's busybox-static).
# shellcheck disable=SC1091
source "$PA_IMAGES_DIR/busybox/prepare.sh" "$1"
