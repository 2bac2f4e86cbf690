#!/usr/bin/env bash
# Builds the QAT emulator's libraries in four variants, each with the sonames of a qatlib release:
#   <out>/iova/        libqat.so.4 + libusdm.so.0 of qatlib 26.08: qaeMemMapContiguousIova/qaeMemUnmapContiguousIova,
#                      event mode (cpaInstanceSetResponseMode, the VFs' eventfds) and its coalescing timer
#   <out>/iova-26.02/  the same as qatlib 26.02: event mode without the coalescing timer, no RETRY on a switch with
#                      requests in flight, and a poll that does not drain the eventfd
#   <out>/legacy/      libqat.so.4 + libusdm.so.0 without the IOVA API or event mode (qatlib 23.08-25.08: kqat then
#                      uses pinned copies)
#   <out>/v3/          libqat.so.3 + libusdm.so.0 without them (qatlib 22.07-23.02)
# Each variant has its device executable, kqat-emu-device (the device runs in a process of its own, see
# src/main/c/qat_device_process.h). The device deflates with zlib, writes LZ4s with its own encoder (qat_lz4s*.c) and
# runs native zstd (6xxx) with libzstd (libzstd-dev, scripts/setup-debian.sh).
# Each variant also gets vfio/0, the emulator's stand-in for /dev/vfio (a VFIO group node), and sys/, its stand-in
# for /sys: module/vfio/parameters/enable_unsafe_noiommu_mode (N) and kernel/mm/hugepages/hugepages-2048kB/
# nr_hugepages (1024), the two files USDM reads. The emulator reads <its directory>/sys unless KQAT_EMU_SYSFS_ROOT
# names another root; a prober reads <sysfs root>/module/vfio/parameters/enable_unsafe_noiommu_mode the same way.
# var/ holds qatmgr's process slots when KQAT_EMU_MAX_PROCESSES limits them (KQAT_EMU_VAR_DIR names another place).
#
# With a second argument (a directory), also builds the emulator's C tests into it (see run-tests.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/src/main/c"
out="$1"
tests="${2:-}"
# Every function is hidden unless marked EXPORT (qatlib's and the kqatemu_* test API), so what the source files share
# among themselves stays out of the libraries' dynamic symbol tables.
cflags=(-std=c11 -O2 -g -Wall -Wextra -Werror -fPIC -fvisibility=hidden)
# libusdm is built from usdm_*.c, libqat from qat_*.c; emu_abi.h (qatlib's types) is shared by both and the tests.
usdm_sources=("$src"/usdm_*.c "$src"/emu_shm.c)
qat_sources=("$src"/qat_*.c "$src"/emu_shm.c)
# The device executable (process mode): its loop and everything it does to a request, nothing of the API.
device_sources=("$src"/device_main.c "$src"/emu_shm.c "$src"/qat_device.c "$src"/qat_execute.c "$src"/qat_deflate.c
  "$src"/qat_device_memory.c "$src"/qat_host_memory.c "$src"/qat_ring.c "$src"/qat_ring_events.c
  "$src"/qat_device_state.c "$src"/qat_bound.c "$src"/qat_answer.c "$src"/qat_xxhash.c "$src"/qat_lz4s_parse.c
  "$src"/qat_lz4s_emit.c "$src"/qat_lz4s_request.c "$src"/qat_zstd.c)
build_variant() {
  local variant="$1" qat_soname="$2"
  shift 2
  local dir="$out/$variant"
  mkdir -p "$dir/vfio" "$dir/var" "$dir/sys/module/vfio/parameters" "$dir/sys/kernel/mm/hugepages/hugepages-2048kB"
  gcc "${cflags[@]}" "$@" -shared -Wl,-soname,libusdm.so.0 -o "$dir/libusdm.so.0" "${usdm_sources[@]}" -lpthread -ldl
  gcc "${cflags[@]}" "$@" -shared -Wl,-soname,"$qat_soname" -o "$dir/$qat_soname" "${qat_sources[@]}" -lz -lzstd -lpthread -ldl
  gcc "${cflags[@]}" "$@" -o "$dir/kqat-emu-device" "${device_sources[@]}" -lz -lzstd -lpthread
  : > "$dir/vfio/0"
  echo N > "$dir/sys/module/vfio/parameters/enable_unsafe_noiommu_mode"
  echo 1024 > "$dir/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages"
}
build_variant iova libqat.so.4 -DKQAT_EMU_IOVA -DKQAT_EMU_EVENTS=2608
build_variant iova-26.02 libqat.so.4 -DKQAT_EMU_IOVA -DKQAT_EMU_EVENTS=2602
build_variant legacy libqat.so.4
build_variant v3 libqat.so.3 -DKQAT_EMU_QATLIB_V3 -DKQAT_EMU_NO_HUGEPAGE_MODE
echo "QAT emulator built in $out (iova, iova-26.02, legacy, v3)"

if [[ -n "$tests" ]]; then
  mkdir -p "$tests"
  tsrc="$here/src/test/c"
  # Every test may decode LZ4s (lz4s_decoder.c) and check xxHash (qat_xxhash.c); test_lz4s also calls the LZ4s
  # encoder directly (hidden in the libraries).
  declare -A own_sources=([test_lz4s]="$src/qat_lz4s_parse.c $src/qat_lz4s_emit.c")
  for t in "$tsrc"/test_*.c; do
    name="$(basename "$t" .c)"
    read -r -a extra <<< "${own_sources[$name]:-}"
    gcc -std=c11 -O1 -g -Wall -Wextra -Werror -I"$src" -I"$tsrc" -o "$tests/$name" "$t" "$tsrc/emu_test.c" \
      "$tsrc/lz4s_decoder.c" "$src/qat_xxhash.c" "${extra[@]}" -lz -lzstd -lpthread -ldl
  done
  echo "QAT emulator tests built in $tests"
fi
