#!/usr/bin/env bash
# A JMH --jvm wrapper that runs each forked benchmark JVM under `perf record` (software cpu-clock sampling, so it
# works in VMs without hardware counters), with the JIT's symbol map written at exit so Java frames are named:
#
#   java -jar bench/target/kqat-benchmarks.jar KafkaPathBenchmark.build -p codec=kqat-libdeflate-6 \
#        -p batchBytes=65536 -wi 1 -i 5 -r 2s -jvm bench/perf-jvm.sh
#   perf report -i bench/target/perf/<pid>.data --no-children --sort symbol --stdio
#
# KQAT_PERF_DELAY_MS (default 8000) skips the fork's set-up (dataset, batch building, JIT warm-up) before sampling.
set -euo pipefail
out="${KQAT_PERF_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/target/perf}"
mkdir -p "$out"
java="${KQAT_PERF_JAVA:-$(command -v java)}"
exec perf record -e cpu-clock -F "${KQAT_PERF_FREQ:-997}" -g -D "${KQAT_PERF_DELAY_MS:-8000}" \
  -o "$out/$$.data" -- "$java" -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer "$@"
