#!/usr/bin/env bash
# Builds the QAT emulator's libraries in two variants, each with the sonames of qatlib:
#   <out>/iova/    libusdm.so.0 with qaeMemMapContiguousIova/qaeMemUnmapContiguousIova (qatlib 26.02+)
#   <out>/legacy/  libusdm.so.0 without them (an older qatlib: kqat then uses pinned copies)
# Each variant also gets vfio/0, the emulator's stand-in for /dev/vfio (a VFIO group node).
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)/src/main/c"
out="$1"
cflags=(-std=c11 -O2 -g -Wall -Wextra -Werror -fPIC -fvisibility=hidden)
for variant in iova legacy; do
  dir="$out/$variant"
  mkdir -p "$dir/vfio"
  extra=()
  [[ "$variant" == iova ]] && extra=(-DKQAT_EMU_IOVA)
  gcc "${cflags[@]}" "${extra[@]}" -shared -Wl,-soname,libusdm.so.0 -o "$dir/libusdm.so.0" "$src/usdm_emu.c" -lpthread
  gcc "${cflags[@]}" -shared -Wl,-soname,libqat.so.4 -o "$dir/libqat.so.4" "$src/qat_emu.c" -lz -lpthread -ldl
  : > "$dir/vfio/0"
done
echo "QAT emulator built in $out (iova, legacy)"
