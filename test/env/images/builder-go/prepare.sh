# shellcheck shell=bash
# The debootstrap rootfs and the Go toolchain (image_go_tar in images.sh, cached).
# shellcheck disable=SC1091
source "$PA_IMAGES_DIR/debian/prepare.sh" "$1"
image_go_tar "$1"
image_extra_ca "$1"
