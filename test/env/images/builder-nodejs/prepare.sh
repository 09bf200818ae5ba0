# shellcheck shell=bash
# The builder starts from the same debootstrap rootfs as the debian image
# (made once and cached by debian/prepare.sh), so it does not depend on the
# order images are built in.
# shellcheck disable=SC1091
source "$PA_IMAGES_DIR/debian/prepare.sh" "$1"
