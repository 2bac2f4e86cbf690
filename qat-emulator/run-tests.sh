#!/usr/bin/env bash
# Runs the QAT emulator's C tests (built by build-native.sh into <tests>) against the libraries in <native>.
# Usage: run-tests.sh <native> <tests> [skipTests] [maven.test.skip]. Exits non-zero, naming the failed cases, when
# any check fails; the Maven build then fails. Each case runs with the device in its own process unless it says
# otherwise; KQAT_EMU_DEVICE=thread in the environment runs the others with the device on application threads.
set -uo pipefail
native="$1"
tests="$2"
if [[ "${3:-false}" == "true" || "${4:-false}" == "true" ]]; then
  echo "QAT emulator C tests skipped"
  exit 0
fi
failed=()
for t in "$tests"/test_*; do
  [[ -x "$t" ]] || continue
  echo "== $(basename "$t")"
  out="$("$t" "$native" 2>&1)"
  rc=$?
  echo "$out"
  if [[ $rc -ne 0 ]]; then
    failed+=("$(basename "$t"): $(grep -E '^FAIL ' <<<"$out" | sed 's/^FAIL //' | cut -d' ' -f1 | sort -u | tr '\n' ' ')")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "QAT emulator C tests FAILED:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "QAT emulator C tests passed"
