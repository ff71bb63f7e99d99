#!/usr/bin/env bash
# The quiet block behind docs/benchmarks.md: every figure, 2-3 runs each, each against a fresh server.
# Results (with both command lines) are appended to $OUT (default psicoia-bench/results.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export OUT=${OUT:-psicoia-bench/results.md}
export SERVER_JVM=${SERVER_JVM:--Xms32m -Xmx1g -XX:+UseG1GC}
export CLIENT_JVM=${CLIENT_JVM:--Xms256m -Xmx1g -XX:+UseG1GC}
{
  echo "## Run block $(date -u +%FT%TZ) on $(uname -srm), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- busiest other processes at start: $(ps -eo pcpu,comm --sort=-pcpu | sed -n 2,4p | tr -s ' ' | paste -sd ';')"
  echo
} >> "$OUT"
for _ in 1 2; do psicoia-bench/run-bench.sh idle 19800 --rounds 2; done
for _ in 1 2 3; do psicoia-bench/run-bench.sh burst 1000; done
for _ in 1 2 3; do psicoia-bench/run-bench.sh closed 1000 --warmup-s 5 --duration-s 20; done
for _ in 1 2 3; do psicoia-bench/run-bench.sh open 5000 30 --connections 1000 --warmup-s 5; done
