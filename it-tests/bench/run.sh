#!/usr/bin/env bash
# Measures Interchange with the shared sipp harness (../shared/bench next to this repository, or SIP_BENCH):
# start-to-ready time and heap after start, then the harness's scenarios against the embedded router.
#
#   it-tests/bench/run.sh [options|register|register_auth|calls|calls_lookup|all]     (default: all)
#
# The router runs as the harness expects of a target (the same policy as its Kamailio reference config): REGISTER
# without authentication, no 407 for calls, users without a binding relayed to the harness's UAS (127.0.0.1:5080),
# on the default listeners (UDP/TCP 127.0.0.1:5060, UDP [::1]:5060), with its data in a fresh temporary directory. Results go to OUTDIR
# (default /tmp/sipbench/interchange-<time>); the harness's knobs (RATE, DUR_CALLS, ...) pass through. Before the
# measured runs the router is warmed up with 20 s of OPTIONS at 1,000/s and 20 s of calls at 200/s. Trials are 33 s
# apart (COOLDOWN_PASS_S): a UDP transaction stays 32 s after its answer, and each trial starts without the last one's.
# SOCKET_POLICY=manual adds a socket rule that sends every relayed request through listener udp, in place of the
# automatic (kernel route) choice, to compare the two.
#
# register_auth (in all, after the harness's scenarios, on a router of its own): the harness's register step search
# with REGISTER authentication on. Its REG_USERS users (reg000001@127.0.0.1 ...) are made subscribers through the
# admin API, with the password of scenarios/register_auth_uac.xml, which the harness runs in place of its
# register_uac.xml: each REGISTER is answered 401 and sent again with credentials, and the response time runs from
# the first REGISTER to the 200. Results in $OUTDIR/register_auth (results.txt, router.log, the trials).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
bench=${SIP_BENCH:-$repo/../shared/bench}
[ -x "$bench/run.sh" ] || { echo "bench: no sipp harness at $bench (set SIP_BENCH)" >&2; exit 2; }
scenario=${1:-all}
case $scenario in
  options|register|calls|calls_lookup|register_auth|all) ;;
  *) echo "bench: unknown scenario $scenario (options, register, register_auth, calls, calls_lookup or all)" >&2; exit 2 ;;
esac
export OUTDIR=${OUTDIR:-/tmp/sipbench/interchange-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUTDIR"

export AUTH_METHODS=none PROXY_DEFAULT_ROUTE=sip:127.0.0.1:5080
export JAVA_OPTS=${JAVA_OPTS:-} # the launcher's JVM defaults, unless told otherwise
case ${SOCKET_POLICY:-auto} in
  auto) ;;
  manual) JAVA_OPTS="$JAVA_OPTS -Dsocket.rule.bench.socket=udp" ;;
  *) echo "bench: SOCKET_POLICY is auto or manual, not $SOCKET_POLICY" >&2; exit 2 ;;
esac
export COOLDOWN_PASS_S=${COOLDOWN_PASS_S:-33}
declare -A WARMUP_RATE_OF=([options]=1000 [calls]=200)
admin_api=http://127.0.0.1:8088/interchange/api
auth_scenario=$here/scenarios/register_auth_uac.xml
reg_users=${REG_USERS:-10000}  # the harness's register users: reg000001 ... at DOMAIN, the target host by default
reg_domain=${DOMAIN:-127.0.0.1}

router='' data='' harness_auth='' harness_status=0
cleanup() {
  if [ -n "$router" ]; then kill "$router" 2>/dev/null; wait "$router" 2>/dev/null; fi
  rm -rf "$data" "$harness_auth"
}
trap cleanup EXIT

# The harness as it is, but with our register_auth_uac.xml as its register_uac.xml: a directory of symbolic links to
# its run.sh and scenarios, since it takes its scenarios from the directory it is called from ($0, links unresolved).
harness_with_auth() {
  harness_auth=$(mktemp -d /tmp/interchange-bench-harness.XXXXXX)
  mkdir "$harness_auth/scenarios"
  ln -s "$(cd "$bench" && pwd)/run.sh" "$harness_auth/run.sh"
  local f
  for f in "$(cd "$bench" && pwd)"/scenarios/*; do
    [ "$(basename "$f")" = register_uac.xml ] || ln -s "$f" "$harness_auth/scenarios/"
  done
  ln -s "$auth_scenario" "$harness_auth/scenarios/register_uac.xml"
}

# Makes the harness's register users subscribers, all with the scenario's password, through the admin API (PUT
# /subscribers/{aor}: the database, then the router's memory): one curl, 4 requests at a time. The credentials and
# the requests go to curl as a config on standard input, not in its arguments.
provision_subscribers() { # results-file
  local password admin t0 t1 created
  password=$(grep -o 'password="[^"]*"' "$auth_scenario" | head -1 | cut -d'"' -f2)
  admin=$(<"$data/admin-password")
  t0=$(date +%s.%N)
  created=$(ADMIN_PASSWORD=$admin awk -v n="$reg_users" -v d="$reg_domain" -v p="$password" -v u="$admin_api" 'BEGIN {
      a = ENVIRON["ADMIN_PASSWORD"]; gsub(/[\\"]/, "\\\\&", a)  # in the environment, not in ps; quoted for curl
      for (i = 1; i <= n; i++) {
        if (i > 1) print "next"
        printf "user = \"admin:%s\"\nurl = \"%s/subscribers/reg%06d@%s\"\nrequest = \"PUT\"\n", a, u, i, d
        printf "header = \"Content-Type: application/json\"\ndata = \"{\\\"password\\\": \\\"%s\\\"}\"\n", p
        print "output = \"/dev/null\"\nwrite-out = \"%{http_code}\\n\"\nsilent"
      } }' | curl --no-progress-meter --parallel --parallel-max 4 -K - | grep -c '^201$' || true)
  t1=$(date +%s.%N)
  echo "subscribers created=$created of $reg_users password=$password in_s=$(awk -v a="$t0" -v b="$t1" \
    'BEGIN {printf "%.1f", b-a}')" | tee -a "$1"
  [ "$created" = "$reg_users" ] || { echo "bench: could not create the $reg_users subscribers" >&2; return 1; }
}

# Starts a router with its data in a fresh directory, records its start, warms it up, runs the harness for one
# scenario, stops the router. REGISTER is challenged with auth=true (and the subscribers created), not with false.
run_router() { # out-dir auth(true|false) harness scenario
  local out=$1 auth=$2 harness=$3 scen=$4 log java_pid ready_ms heap rss_kb
  mkdir -p "$out"
  log=$out/router.log
  data=$(mktemp -d /tmp/interchange-bench-data.XXXXXX)
  INTERCHANGE_DATA=$data AUTH_REGISTER=$auth "$repo/container-config/bin/interchange" > "$log" 2>&1 &
  router=$!
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
  echo "start_to_ready_ms=$ready_ms rss_kb=$rss_kb heap_after_full_gc: $heap" | tee -a "$out/results.txt"
  [ "$auth" = false ] || provision_subscribers "$out/results.txt"

  # the JIT compiles the hot paths in the first tens of thousands of messages: warm up at a moderate fixed rate
  # first (results kept apart in $out/warmup), as one warms up any JVM service before measuring it
  for warm in options calls; do
    OUTDIR=$out/warmup RATE=${WARMUP_RATE_OF[$warm]:-500} DUR_SHORT=20 DUR_CALLS=20 \
      TARGET_PIDS=$java_pid "$bench/run.sh" 127.0.0.1 5060 "$warm" > /dev/null
  done

  # the harness may exit 143 once its trials are done (it stops its own processes): go on to the next router, and
  # exit with its status at the end
  local rc=0
  OUTDIR=$out TARGET_PIDS=$java_pid "$harness" 127.0.0.1 5060 "$scen" || rc=$?
  [ "$rc" = 0 ] || { echo "bench: the harness exited with status $rc ($scen)" >&2; harness_status=$rc; }
  kill "$router"; wait "$router" 2>/dev/null || true
  router=''
  rm -rf "$data"
  data=''
}

case $scenario in
  register_auth) ;;
  *) run_router "$OUTDIR" false "$bench/run.sh" "$scenario" ;;
esac
case $scenario in
  register_auth|all) harness_with_auth; run_router "$OUTDIR/register_auth" true "$harness_auth/run.sh" register ;;
esac
exit "$harness_status"
