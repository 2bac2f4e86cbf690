#!/usr/bin/env bash
# Proves the release is reproducible: builds it again from the same commit in a fresh clone (another directory, no
# state shared with this tree but ~/.m2's downloads) and compares every file of the release with the one built here,
# byte for byte. Exit 0: identical; 1: a file differs (named); 2: usage or a build failed.
#
#   scripts/release-check.sh [--built]
#
# Builds the release here first (mvn -B -ntp -Prelease package -pl dist -am), unless --built says dist/target/release
# was just built from this commit (CI: by `mvn -B -ntp verify`, just before). The tree must be the commit itself:
# uncommitted changes are refused, since the clone cannot have them. Both builds run with umask 022 (archive entries
# take the files' permissions where a plugin sets no mode, as the jar plugin does for directories).
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
if [[ $built == false || ! -f "$here/SHA512SUMS" ]]; then
  echo "release-check: building the release here first" >&2
  (cd "$root" && mvn -B -ntp -q -Prelease package -pl dist -am) || exit 2
fi

commit="$(git -C "$root" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-checkout "$root" "$work/kqat"
git -C "$work/kqat" checkout --quiet "$commit"
echo "release-check: building $commit again in $work/kqat" >&2
(cd "$work/kqat" && mvn -B -ntp -q -Prelease package -pl dist -am) || exit 2
again="$work/kqat/dist/target/release"

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
