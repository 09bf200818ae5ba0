# shellcheck shell=bash
# shellcheck disable=SC1091
source "$PA_IMAGES_DIR/debian/prepare.sh" "$1"
image_extra_ca "$1"
