#!/usr/bin/env bash
# Measures Interchange with the shared sipp harness (../shared/bench next to this repository, or SIP_BENCH):
# start-to-ready time and heap after start, then the harness's scenarios against the embedded router.
#
#   it-tests/bench/run.sh [options|register|calls|calls_lookup|all]     (default: all)
#
# The router runs as the harness expects of a target (the same policy as its Kamailio reference config): REGISTER
# without authentication, no 407 for calls, users without a binding relayed to the harness's UAS (127.0.0.1:5080),
# on the default listeners (UDP/TCP 127.0.0.1:5060, UDP [::1]:5060), with its data in a fresh temporary directory. Results go to OUTDIR
# (default /tmp/sipbench/interchange-<time>); the harness's knobs (RATE, DUR_CALLS, ...) pass through. Before the
# measured runs the router is warmed up with 20 s of OPTIONS at 1,000/s and 20 s of calls at 200/s. Trials are 33 s
# apart (COOLDOWN_PASS_S): a UDP transaction stays 32 s after its answer, and each trial starts without the last one's.
# SOCKET_POLICY=manual adds a socket rule that sends every relayed request through listener udp, in place of the
# automatic (kernel route) choice, to compare the two.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=${SIP_BENCH:-$repo/../shared/bench}
[ -x "$bench/run.sh" ] || { echo "bench: no sipp harness at $bench (set SIP_BENCH)" >&2; exit 2; }
scenario=${1:-all}
export OUTDIR=${OUTDIR:-/tmp/sipbench/interchange-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUTDIR"
data=$(mktemp -d /tmp/interchange-bench-data.XXXXXX)

export INTERCHANGE_DATA=$data
export AUTH_REGISTER=false AUTH_METHODS=none PROXY_DEFAULT_ROUTE=sip:127.0.0.1:5080
export JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g"}
case ${SOCKET_POLICY:-auto} in
  auto) ;;
  manual) JAVA_OPTS="$JAVA_OPTS -Dsocket.rule.bench.socket=udp" ;;
  *) echo "bench: SOCKET_POLICY is auto or manual, not $SOCKET_POLICY" >&2; exit 2 ;;
esac
export COOLDOWN_PASS_S=${COOLDOWN_PASS_S:-33}
log=$OUTDIR/router.log
declare -A WARMUP_RATE_OF=([options]=1000 [calls]=200)

"$repo/container-config/bin/interchange" > "$log" 2>&1 &
router=$!
trap 'kill "$router" 2>/dev/null; wait "$router" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  grep -q "Interchange ready" "$log" && break
  kill -0 "$router" 2>/dev/null || { tail -20 "$log"; exit 1; }
  sleep 1
done
grep -q "Interchange ready" "$log" || { echo "bench: router not ready after 180 s" >&2; tail -20 "$log"; exit 1; }
java_pid=$router # bin/interchange execs the JVM
ready_ms=$(grep -o 'Interchange ready in [0-9]* ms' "$log" | grep -o '[0-9]*')
jcmd "$java_pid" GC.run >/dev/null
heap=$(jcmd "$java_pid" GC.heap_info | tr '\n' ' ')
rss_kb=$(ps -o rss= -p "$java_pid" | tr -d ' ')
echo "start_to_ready_ms=$ready_ms rss_kb=$rss_kb heap_after_full_gc: $heap" | tee -a "$OUTDIR/results.txt"

# the JIT compiles the hot paths in the first tens of thousands of messages: warm up at a moderate fixed rate first
# (results kept apart in $OUTDIR/warmup), as one warms up any JVM service before measuring it
for warm in options calls; do
  OUTDIR=$OUTDIR/warmup RATE=${WARMUP_RATE_OF[$warm]:-500} DUR_SHORT=20 DUR_CALLS=20 \
    TARGET_PIDS=$java_pid "$bench/run.sh" 127.0.0.1 5060 "$warm" > /dev/null
done

TARGET_PIDS=$java_pid "$bench/run.sh" 127.0.0.1 5060 "$scenario"
