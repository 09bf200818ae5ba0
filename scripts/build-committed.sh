#!/usr/bin/env bash
# Rebuilds actions/*/dist from what HEAD commits, ignoring uncommitted work in
# the tree (several people build in this checkout at once), and copies the
# bundles back so they can be committed alongside the sources they come from.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
worktree="$(mktemp -d)/head"
git -C "$root" worktree add --detach --quiet "$worktree" HEAD
trap 'git -C "$root" worktree remove --force "$worktree"' EXIT
ln -s "$root/node_modules" "$worktree/node_modules"
(cd "$worktree" && node_modules/.bin/node scripts/build.mjs)
for dist in "$worktree"/actions/*/dist; do
  action="$(basename "$(dirname "$dist")")"
  rm -rf "$root/actions/$action/dist"
  cp -a "$dist" "$root/actions/$action/dist"
done
