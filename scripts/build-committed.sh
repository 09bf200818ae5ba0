#!/usr/bin/env bash
# Rebuilds actions/*/dist from what HEAD commits, ignoring uncommitted work in
# the tree (several people build in this checkout at once), and copies the
# bundles back so they can be committed alongside the sources they come from.
# Usage: scripts/build-committed.sh [action ...]  (default: every action); only
# the named actions' dist/ are replaced, so others' work in progress stays.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# Inside the checkout (same filesystem) so node_modules can be hard-linked:
# a symlink would resolve outside the worktree and change ncc's module ids.
mkdir -p "$root/.tmp"
worktree="$(mktemp -d "$root/.tmp/build-XXXXXX")/head"
git -C "$root" worktree add --detach --quiet "$worktree" HEAD
trap 'git -C "$root" worktree remove --force "$worktree"; rm -rf "$(dirname "$worktree")"' EXIT
cp -al "$root/node_modules" "$worktree/node_modules"
(cd "$worktree" && node_modules/.bin/node scripts/build.mjs)
if [ "$#" -eq 0 ]; then
  set -- $(cd "$worktree/actions" && ls -d */dist | cut -d/ -f1)
fi
for action in "$@"; do
  rm -rf "$root/actions/$action/dist"
  cp -a "$worktree/actions/$action/dist" "$root/actions/$action/dist"
done
