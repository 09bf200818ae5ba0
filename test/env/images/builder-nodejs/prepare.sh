# shellcheck shell=bash
# The debootstrap rootfs of the debian image (made once, cached) and Node.js
# with npm from the npm registry (image_node_tar in images.sh, cached).
# shellcheck disable=SC1091
source "$PA_IMAGES_DIR/debian/prepare.sh" "$1"
image_node_tar "$1"
image_extra_ca "$1"
