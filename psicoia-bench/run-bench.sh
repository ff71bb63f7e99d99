#!/usr/bin/env bash
# Runs one benchmark against a fresh bench server and appends the result (with both command lines) to $OUT.
#
#   psicoia-bench/run-bench.sh idle 19800
#   psicoia-bench/run-bench.sh burst 1000
#   psicoia-bench/run-bench.sh closed 1000 [--duration-s 20]
#   psicoia-bench/run-bench.sh open 5000 30 [--connections 1000]
#
# Environment: SERVER_JVM (server JVM flags), CLIENT_JVM (load generator JVM flags), SERVER_ARGS (extra BenchServer
# flags), PORT (default 5701), OUT (default psicoia-bench/results.md). Build first:
#   ./mvnw -B -q -pl psicoia-bench -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-psicoia-bench/target/psicoia-bench.jar}
[[ -f $JAR ]] || { echo "build first: ./mvnw -B -q -pl psicoia-bench -am package -DskipTests" >&2; exit 2; }
PORT=${PORT:-5701}
OUT=${OUT:-psicoia-bench/results.md}
SERVER_JVM=${SERVER_JVM:--Xms256m -Xmx1g -XX:+UseG1GC}
CLIENT_JVM=${CLIENT_JVM:--Xms256m -Xmx1g -XX:+UseG1GC}
# One descriptor per connection on each side. The sandbox's hard limit is 20000 (raising it is refused), so
# this takes whatever the hard limit allows.
ulimit -n "$(ulimit -Hn)"

# shellcheck disable=SC2086
java $SERVER_JVM -cp "$JAR" io.psicoia.bench.BenchServer --port "$PORT" ${SERVER_ARGS:-} > /tmp/bench-server.$$.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q '^bench-server port=' /tmp/bench-server.$$.log 2>/dev/null && break
  sleep 0.1
done
grep '^bench-server' /tmp/bench-server.$$.log >&2
sleep 1
# shellcheck disable=SC2086
java $CLIENT_JVM -cp "$JAR" io.psicoia.bench.LoadGenerator "$@" --port "$PORT" --server-pid "$SERVER" --out "$OUT"
