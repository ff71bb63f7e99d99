#!/usr/bin/env bash
# Gateway benchmarks (issue 5): the WebSocket gateway in front of a bench JSON echo app, side by side in one run with
# the floor (a bare Netty WebSocket echo server, same client), interleaved so that both see the same machine.
#
#   psicoia-bench/run-gateway-bench.sh relay [ROUNDS]     # closed loop 50 and 500 sessions, open loop 1,000 msg/s / 50
#                                                        # (ONLY_500=1: the closed loop at 500 sessions only)
#   psicoia-bench/run-gateway-bench.sh idle N            # PSS of gateway + app (the real `psicoia app`) with N sessions
#   psicoia-bench/run-gateway-bench.sh idle-serve N      # the same with `psicoia serve` (app and gateway in one process)
#
# Environment: SERVER_JVM (flags of every server JVM), CLIENT_JVM, OUT (default psicoia-bench/results.md). Build first:
#   ./mvnw -B -q -pl psicoia-cli,psicoia-bench -am package -Dmaven.test.skip=true
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=psicoia-bench/target/psicoia-bench.jar
APP=psicoia-cli/target/psicoia.jar
for jar in "$BENCH" "$APP"; do
  [[ -f $jar ]] || { echo "build first: ./mvnw -B -q -pl psicoia-cli,psicoia-bench -am package -Dmaven.test.skip=true" >&2; exit 2; }
done
OUT=${OUT:-psicoia-bench/results.md}
SERVER_JVM=${SERVER_JVM:--Xms64m -Xmx1g -XX:+UseG1GC}
CLIENT_JVM=${CLIENT_JVM:--Xms256m -Xmx1g -XX:+UseG1GC}
# Each bridged session costs the gateway two descriptors (browser + app); the sandbox's hard limit is 20,000.
ulimit -n "$(ulimit -Hn)"
LOGS=$(mktemp -d /tmp/gwbench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # name pattern command...
  local name=$1 pattern=$2; shift 2
  "$@" > "$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
  eval "${name}_PID=$!"
  for _ in $(seq 1 150); do grep -q "$pattern" "$LOGS/$name.log" 2>/dev/null && return 0; sleep 0.1; done
  echo "$name did not start:" >&2; cat "$LOGS/$name.log" >&2; exit 1
}
load() { # shellcheck disable=SC2086
  java $CLIENT_JVM -cp "$BENCH" io.psicoia.bench.WsLoadGenerator "$@" --out "$OUT"
}

case "${1:-relay}" in
  relay)
    ROUNDS=${2:-2}
    # shellcheck disable=SC2086
    start floor 'bench-server port=' java $SERVER_JVM -cp "$BENCH" io.psicoia.bench.WsBenchServers ws-floor --port 7801
    # shellcheck disable=SC2086
    start app 'bench-server port=' java $SERVER_JVM -cp "$BENCH" io.psicoia.bench.WsBenchServers json-echo --port 7802
    # shellcheck disable=SC2086
    start gw 'gateway.ready' java $SERVER_JVM -jar "$APP" gateway --app-host 127.0.0.1 --app-port 7802 \
      --ws-host 127.0.0.1 --ws-port 7803 --ws-max-connections-per-ip 20000
    FLOOR=(--url ws://127.0.0.1:7801/ws --pids "floor:$floor_PID" --label floor)
    GW=(--url ws://127.0.0.1:7803/ws --pids "gateway:$gw_PID,app:$app_PID" --label gateway)
    TARGETS=(FLOOR GW)
    if command -v websockify > /dev/null && [[ ${WEBSOCKIFY:-1} == 1 ]]; then
      # Debian's websockify in front of its own echo app; it relays binary frames only, and forks one process per
      # connection (its CPU shows as "other", not under websockify=).
      # shellcheck disable=SC2086
      start app2 'bench-server port=' java $SERVER_JVM -cp "$BENCH" io.psicoia.bench.WsBenchServers json-echo --port 7812
      start wsf 'Listen on' websockify 127.0.0.1:7814 127.0.0.1:7812
      WSF=(--url ws://127.0.0.1:7814/ws --binary true --pids "websockify:$wsf_PID,app:$app2_PID" --label websockify)
      TARGETS+=(WSF)
    fi
    # JIT warm-up of all three servers, not recorded.
    OUT=/dev/null load closed 500 --warmup-s 1 --duration-s 8 "${FLOOR[@]}" > /dev/null
    OUT=/dev/null load closed 500 --warmup-s 1 --duration-s 8 "${GW[@]}" > /dev/null
    # (websockify is Python: nothing to warm up.)
    for _ in $(seq 1 "$ROUNDS"); do
      if [[ ${ONLY_500:-0} == 1 ]]; then
        for target in "${TARGETS[@]}"; do
          declare -n args=$target
          load closed 500 --warmup-s 3 --duration-s 15 "${args[@]}"
        done
        continue
      fi
      for target in "${TARGETS[@]}"; do
        declare -n args=$target
        load closed 50 --warmup-s 3 --duration-s 15 "${args[@]}"
      done
      for target in "${TARGETS[@]}"; do
        declare -n args=$target
        load closed 500 --warmup-s 3 --duration-s 15 "${args[@]}"
      done
      for target in "${TARGETS[@]}"; do
        declare -n args=$target
        load open 1000 20 --connections 50 --warmup-s 5 "${args[@]}"
      done
    done
    ;;
  idle)
    N=${2:-9900}
    # The real app, offline (idle sessions never reach the LLM), its limits raised above the load.
    # shellcheck disable=SC2086
    start app 'listening\|ready' java $SERVER_JVM -jar "$APP" app --offline --host 127.0.0.1 --port 7802 \
      --max-connections 30000 --max-connections-per-ip 30000
    # shellcheck disable=SC2086
    start gw 'gateway.ready' java $SERVER_JVM -jar "$APP" gateway --app-host 127.0.0.1 --app-port 7802 \
      --ws-host 127.0.0.1 --ws-port 7803 --ws-max-connections-per-ip 30000
    sleep 2
    load idle "$N" --url ws://127.0.0.1:7803/ws --pids "gateway:$gw_PID,app:$app_PID" --label "gateway+app"
    ;;
  idle-serve)
    N=${2:-9900}
    # shellcheck disable=SC2086
    start serve 'gateway.ready' java $SERVER_JVM -jar "$APP" serve --offline --host 127.0.0.1 --port 7802 \
      --max-connections 30000 --max-connections-per-ip 30000 \
      --ws-host 127.0.0.1 --ws-port 7803 --ws-max-connections-per-ip 30000
    sleep 2
    load idle "$N" --url ws://127.0.0.1:7803/ws --pids "serve:$serve_PID" --label "serve"
    ;;
  *)
    echo "usage: $0 relay [ROUNDS] | idle N | idle-serve N" >&2
    exit 2
    ;;
esac
