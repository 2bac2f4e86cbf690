#!/usr/bin/env python3
"""Summarises a perf.data recorded by perf-jvm.sh for the kqat hot-spot list.

    python3 bench/perf-summary.py bench/target/perf/<pid>.data [--thread jmh-worker]

Each sample of the benchmark thread is put in one bucket: native code by library (libdeflate, libisal, libz = the
deflate/inflate work itself; libc memset/memmove = zeroing and copies; the kernel = page faults, mostly from fresh
allocations), JIT-compiled Java by method. For samples outside Java (libc, kernel, JVM runtime) the nearest Java
frame on the stack is shown too, so a memmove or a page fault is charged to the Java method that caused it.
"""
import collections
import re
import subprocess
import sys


def samples(path):
    out = subprocess.run(["perf", "script", "-i", path, "-F", "comm,tid,ip,sym,dso"],
                         capture_output=True, text=True, check=True).stdout
    block = []
    for line in out.splitlines():
        if not line.strip():
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


FRAME = re.compile(r"^\s*([0-9a-f]+)\s+(.*)\s+\((.*)\)\s*$")


def parse(block):
    head = block[0].split()
    frames = []
    for line in block[1:]:
        m = FRAME.match(line)
        if m:
            frames.append((m.group(2).strip(), m.group(3).strip()))
    return head[0], frames


def short(sym):
    if sym.startswith("StubRoutines") or sym in ("Interpreter", "adapters", "chunks"):
        return sym + " (JVM stubs: arraycopy, CRC32 and other intrinsics)" if sym.startswith("StubRoutines") else sym
    sym = re.sub(r"\(.*\)", "()", sym)
    parts = sym.split(" ")
    return parts[-1] if parts else sym


def java(dso):
    return dso.startswith("/tmp/perf-") or "JIT" in dso or dso.endswith(".map")


def main():
    path = sys.argv[1]
    thread = sys.argv[sys.argv.index("--thread") + 1] if "--thread" in sys.argv else None
    leaf = collections.Counter()
    charged = collections.Counter()
    total = 0
    faults = 0
    for block in samples(path):
        comm, frames = parse(block)
        if not frames or (thread and thread not in comm):
            continue
        total += 1
        faults += any("page_fault" in s for s, _ in frames)
        sym, dso = frames[0]
        lib = dso.rsplit("/", 1)[-1]
        if java(dso):
            key = "java " + short(sym)
        elif lib.startswith(("libdeflate", "libisal", "libz", "libqat", "libusdm")):
            key = "native " + lib
        elif lib.startswith("libc"):
            key = "libc " + sym.split("_avx")[0].split("_evex")[0]
        elif "kernel" in dso:
            key = "kernel"
        else:
            key = lib + " " + sym
        leaf[key] += 1
        if not java(dso):
            owner = next((short(s) for s, d in frames if java(d) and s not in ("Interpreter",) and "Stub" not in s), "?")
            charged[(key, owner)] += 1
    print(f"{total} samples" + (f" of threads named *{thread}*" if thread else "")
          + f", {100.0 * faults / max(total, 1):.1f}% of them in a page fault (first touch of fresh memory)")
    print("\nself time by bucket (top 30):")
    for key, n in leaf.most_common(30):
        print(f"  {100.0 * n / total:5.1f}%  {key}")
    print("\nnon-Java time by nearest Java frame (top 25):")
    for (key, owner), n in charged.most_common(25):
        print(f"  {100.0 * n / total:5.1f}%  {key:<28} <- {owner}")


if __name__ == "__main__":
    main()
