#!/usr/bin/env bash
# Runs one open-loop benchmark (run-bench.sh) and adds the figures that hold up when other processes share the
# machine, over a 20 s steady part of the measured window: server CPU per message, bytes allocated per message,
# young GC pauses, server threads, context switches per message.
#
#   psicoia-bench/run-measured.sh [RATE] [SECONDS]      # default 5000 msg/s for 30 s over 1000 connections
#
# Environment as run-bench.sh (SERVER_JVM, SERVER_ARGS, JAR, PORT, OUT). A light flight recording
# (psicoia-bench/measure.jfc: allocation per thread every second, GCs, thread counts) and a GC log with each pause's
# CPU time are added to SERVER_JVM.
# The summary line is printed and appended to $OUT after the run's own entry.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-5000}
DURATION=${2:-30}
WARMUP=5
JAR=${JAR:-psicoia-bench/target/psicoia-bench.jar}
OUT=${OUT:-psicoia-bench/results.md}
JFR=$(mktemp /tmp/psicoia-measure.XXXXXX.jfr)
LOG=$(mktemp /tmp/psicoia-measure.XXXXXX.log)
GCLOG=$(mktemp /tmp/psicoia-measure.XXXXXX.gc.log)
export OUT JAR
export SERVER_JVM="${SERVER_JVM:--Xms256m -Xmx1g -XX:+UseG1GC} -XX:StartFlightRecording=filename=$JFR,dumponexit=true,settings=$PWD/psicoia-bench/measure.jfc -Xlog:gc,gc+cpu:file=$GCLOG:uptime"

psicoia-bench/run-bench.sh open "$RATE" "$DURATION" --connections 1000 --warmup-s "$WARMUP" >"$LOG" 2>&1 &
RUN=$!
pid=""
for _ in $(seq 1 200); do
  pid=$(sed -n 's/^bench-server port=[0-9]* pid=\([0-9]*\).*/\1/p' "$LOG" | head -1)
  [[ -n $pid ]] && break
  sleep 0.1
done
[[ -n $pid ]] || { cat "$LOG"; echo "server did not start" >&2; exit 1; }

# Context switches (voluntary + not) summed over the server's threads, and how many threads it has.
ctx() {
  awk '/^voluntary_ctxt_switches|^nonvoluntary_ctxt_switches/ {s += $2} /^Name:/ {n++} END {print s, n}' \
    /proc/"$pid"/task/*/status 2>/dev/null
}
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }

until grep -q 'connections greeted' "$LOG"; do sleep 0.2; done
sleep $((WARMUP + 3))
read -r c0 _ < <(ctx)
k0=$(ticks)
t0=$(date +%s%3N)
sleep 20
read -r c1 threads < <(ctx)
k1=$(ticks)
t1=$(date +%s%3N)
wait $RUN || true
cat "$LOG"

hz=$(getconf CLK_TCK)
cpu=$(awk -v k=$((k1 - k0)) -v hz="$hz" -v ms=$((t1 - t0)) -v r="$RATE" \
  'BEGIN {printf "server CPU %.1f us/msg; context switches %.2f/msg", k / hz / (r * ms / 1000) * 1e6, 0}')
cs=$(awk -v c=$((c1 - c0)) -v ms=$((t1 - t0)) -v r="$RATE" 'BEGIN {printf "%.2f", c / (r * ms / 1000)}')
jfr=$(java -cp psicoia-bench/target/psicoia-bench.jar io.psicoia.bench.RecordingSummary "$JFR" "$t0" "$t1" "$RATE" "$GCLOG" | paste -sd";" | sed "s/;\([^ ]\)/; \1/g")
summary="- steady 20 s inside the window: ${cpu%; *}; $jfr; OS threads $threads; context switches $cs/msg"
echo "$summary"
# Inside the run's own entry: drop the blank line that ends it, add the summary, end it again.
[[ $(tail -c 2 "$OUT" | od -An -c | tr -d ' ') == '\n\n' ]] && truncate -s -1 "$OUT"
{ echo "$summary"; echo; } >>"$OUT"
rm -f "$LOG"
echo "recording: $JFR, GC log: $GCLOG" >&2
