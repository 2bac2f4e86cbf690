#!/usr/bin/env bash
# Builds target/native/kqat-ceiling (the C ceiling harness) with gcc against the Debian runtime libraries by soname:
# zlib (zlib1g-dev, for zlib.h), libdeflate0 and libisal2 (no -dev packages needed; see kqat_ceiling.c).
set -euo pipefail
out="${1:?usage: build.sh OUTPUT_DIR}"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
if [[ "$out/kqat-ceiling" -nt "$src/kqat_ceiling.c" ]]; then
  exit 0
fi
libdir=""
for d in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib; do
  if [[ -e "$d/libdeflate.so.0" && -e "$d/libisal.so.2" ]]; then libdir="$d"; break; fi
done
if [[ -z "$libdir" ]]; then
  echo "kqat-ceiling: libdeflate.so.0 and libisal.so.2 not found: install libdeflate0 and libisal2 (scripts/setup-debian.sh)" >&2
  exit 1
fi
gcc -std=c11 -O2 -Wall -Wextra -Werror -o "$out/kqat-ceiling" "$src/kqat_ceiling.c" \
  -L"$libdir" -l:libdeflate.so.0 -l:libisal.so.2 -lz
