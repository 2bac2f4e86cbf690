#!/usr/bin/env bash
# Proves the release is reproducible: builds it from this tree's commit in fresh clones (other directories, no state
# shared with this tree but ~/.m2's downloads) and compares every file of two builds, byte for byte.
# Exit 0: identical; 1: a file differs (named); 2: usage or a build failed.
#
#   scripts/release-check.sh [--built]
#
# Without --built: two clones, two builds (mvn -B -ntp -Prelease package -pl dist -am), this tree untouched. With
# --built: this tree's dist/target/release against one clone's; only for a tree built from scratch at this commit (CI:
# `mvn -B -ntp verify` on a clean clone, just before), since the jar plugin keeps a jar whose classes did not change.
# The tree must be the commit itself: uncommitted changes are refused, since a clone cannot have them. Builds run with
# umask 022 (archive entries take the files' permissions where a plugin sets no mode, as the jar plugin does for
# directories).
set -euo pipefail
umask 022
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/dist/target/release"
built=false
case "${1:-}" in
  --built) built=true ;;
  "") ;;
  *) echo "usage: scripts/release-check.sh [--built]" >&2; exit 2 ;;
esac

if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]]; then
  echo "release-check: $root has uncommitted changes; commit them first (the second build is of the commit)" >&2
  exit 2
fi
commit="$(git -C "$root" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Builds the commit's release in a fresh clone under $work/$1 and prints the release directory.
build_in_clone() {
  local dir="$work/$1"
  git clone --quiet --no-checkout "$root" "$dir"
  git -C "$dir" checkout --quiet "$commit"
  echo "release-check: building $commit in $dir" >&2
  (cd "$dir" && mvn -B -ntp -q -Prelease package -pl dist -am) >&2 || exit 2
  echo "$dir/dist/target/release"
}

if [[ $built == true ]]; then
  [[ -f "$here/SHA512SUMS" ]] || { echo "release-check: --built, but $here has no SHA512SUMS" >&2; exit 2; }
else
  here="$(build_in_clone first)"
fi
again="$(build_in_clone second)"

status=0
for f in "$here"/*; do
  name="$(basename "$f")"
  if [[ ! -f "$again/$name" ]]; then
    echo "release-check: $name is missing from the second build" >&2
    status=1
  elif ! cmp -s "$f" "$again/$name"; then
    echo "release-check: $name differs between the two builds" >&2
    status=1
  fi
done
if [[ "$(ls "$here")" != "$(ls "$again")" ]]; then
  echo "release-check: the two builds made different files: $(ls "$here" | tr '\n' ' ') against $(ls "$again" | tr '\n' ' ')" >&2
  status=1
fi
if [[ $status -eq 0 ]]; then
  echo "release-check: $(ls "$here" | wc -l) files byte-identical across two builds of $commit:"
  (cd "$here" && cat SHA512SUMS)
fi
exit $status
