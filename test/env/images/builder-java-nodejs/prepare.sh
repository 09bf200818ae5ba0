# shellcheck shell=bash
# The java builder by digest (built first when needed) and Node.js with npm.
image_parent_arg "$1" builder-java
image_node_tar "$1"
