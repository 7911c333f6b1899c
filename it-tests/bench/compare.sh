#!/usr/bin/env bash
# Kamailio and Interchange side by side, one after the other on this machine, with the shared sipp harness
# (../shared/bench next to this repository, or SIP_BENCH); prints the comparison table with ratios.
#
#   it-tests/bench/compare.sh            (about 40 minutes; OUTDIR=/tmp/sipbench/compare-<time> unless set)
#
# 1. Installs sipp and Kamailio from Debian's packages when missing (as root).
# 2. Kamailio 5.x with the harness's reference configuration: start time and RSS, the step search of every
#    scenario, then one fixed-rate trial of calls at FIXED_CALLS (500) a second for the CPU a call costs.
# 3. Interchange with it-tests/bench/run.sh: the same searches (and REGISTER with digest authentication, which the
#    Kamailio reference does not do), the same fixed-rate trial, and one at half its highest passing call rate.
# 4. The table (also in $OUTDIR/table.md).
# The searches start near the expected rates (START_* below) so that each takes a few trials; the pass rule is the
# harness's: all calls created and closed, no failure (under 0.1 % for calls), 97 % of the rate achieved, p99 at
# most 100 ms. Nothing else should run on the machine meanwhile.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
bench=${SIP_BENCH:-$repo/../shared/bench}
[ -x "$bench/run.sh" ] || { echo "compare: no sipp harness at $bench (set SIP_BENCH)" >&2; exit 2; }
out=${OUTDIR:-/tmp/sipbench/compare-$(date +%Y%m%d-%H%M%S)}
fixed_calls=${FIXED_CALLS:-500}
mkdir -p "$out"

install_missing() {
  local missing=()
  command -v sipp >/dev/null || missing+=(sip-tester)
  command -v kamailio >/dev/null || missing+=(kamailio)
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" -eq 0 ] || { echo "compare: install ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
}

# value KEY FILE PATTERN: KEY's value on the last line of FILE that matches PATTERN (empty if none)
value() {
  { grep -E "$3" "$2" 2>/dev/null || true; } | tail -1 | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1
}

run_kamailio() {
  local pidfile=/tmp/kamailio-bench/kamailio.pid t0 t1
  t0=$(date +%s%N)
  "$bench/kamailio/start.sh" >/dev/null
  t1=$(date +%s%N)
  trap '"$bench/kamailio/stop.sh" >/dev/null 2>&1 || true' EXIT
  sleep 1
  echo "start_to_ready_ms=$(( (t1 - t0) / 1000000 )) $("$bench/kamailio/rss.sh" | tail -1)" \
    > "$out/kamailio-start.txt"
  START_OPTIONS=${K_START_OPTIONS:-16000} START_REGISTER=${K_START_REGISTER:-8000} \
    START_CALLS=${K_START_CALLS:-1600} OUTDIR=$out/kamailio TARGET_PIDFILE=$pidfile \
    "$bench/run.sh" 127.0.0.1 5060 all
  RATE=$fixed_calls DUR_CALLS=30 OUTDIR=$out/kamailio-fixed TARGET_PIDFILE=$pidfile \
    "$bench/run.sh" 127.0.0.1 5060 calls
  "$bench/kamailio/stop.sh" >/dev/null
  trap - EXIT
}

run_interchange() {
  START_OPTIONS=${I_START_OPTIONS:-4000} START_REGISTER=${I_START_REGISTER:-2000} \
    START_CALLS=${I_START_CALLS:-400} OUTDIR=$out/interchange "$here/run.sh" all
  RATE=$fixed_calls DUR_CALLS=30 OUTDIR=$out/interchange-fixed "$here/run.sh" calls
  local best half
  best=$(value rate "$out/interchange/results.txt" '^scenario=calls ')
  half=$(( ${best:-0} / 2 ))
  if [ "$half" -gt 0 ]; then
    RATE=$half DUR_CALLS=30 OUTDIR=$out/interchange-half "$here/run.sh" calls
  fi
}

row() { # label kamailio interchange target: the ratio is that of the two cells' leading numbers
  local ratio="-" k=${2%% *} i=${3%% *}
  if [[ "$k" =~ ^[0-9.]+$ && "$i" =~ ^[0-9.]+$ ]] && [ "$(awk -v k="$k" 'BEGIN{print (k>0)}')" = 1 ]; then
    ratio=$(awk -v k="$k" -v i="$i" 'BEGIN{printf "%.2f", i/k}')
  fi
  printf '| %s | %s | %s | %s | %s |\n' "$1" "${2:--}" "${3:--}" "$ratio" "$4"
}

# best FILE SCENARIO: "<highest passing rate> (p99 <ms> ms)" of a search
best() {
  local rate; rate=$(value rate "$1" "^scenario=$2 ")
  [ -n "$rate" ] && echo "$rate (p99 $(value p99_ms "$1" "^scenario=$2 ") ms)"
}

table() {
  local k=$out/kamailio/results.txt i=$out/interchange/results.txt
  local kf=$out/kamailio-fixed/results.txt if_=$out/interchange-fixed/results.txt
  local ih=$out/interchange-half/results.txt ia=$out/interchange/register_auth/results.txt
  echo "| scenario | Kamailio | Interchange | ratio (Interchange / Kamailio) | target |"
  echo "| --- | --- | --- | --- | --- |"
  row "OPTIONS/s" "$(best "$k" options)" "$(best "$i" options)" ">= 0.25"
  row "REGISTER/s, $(( ${REG_USERS:-10000} )) users" "$(best "$k" register)" "$(best "$i" register)" ">= 0.5"
  row "REGISTER/s with digest authentication" "(no authentication in the reference)" \
    "$(best "$ia" register)" ""
  row "calls/s, INVITE..BYE, record-routed" "$(best "$k" calls)" "$(best "$i" calls)" ">= 1"
  row "calls/s to registered users" "$(best "$k" calls_lookup)" "$(best "$i" calls_lookup)" ">= 1"
  row "CPU (% of a core) at $fixed_calls calls/s" "$(value target_cpu_pct "$kf" '^scenario=calls ')" \
    "$(value target_cpu_pct "$if_" '^scenario=calls ')" "<= 1.5"
  row "p99 INVITE->200 (ms) at $fixed_calls calls/s" "$(value p99_ms "$kf" '^scenario=calls ')" \
    "$(value p99_ms "$if_" '^scenario=calls ')" ""
  row "p99 INVITE->200 (ms) at half Interchange's highest call rate ($(value rate "$ih" '^scenario=calls ')/s)" \
    "" "$(value p99_ms "$ih" '^scenario=calls ')" "<= 20 ms"
  row "start to ready (ms)" "$(value start_to_ready_ms "$out/kamailio-start.txt" .)" \
    "$(value start_to_ready_ms "$i" '^start_to_ready_ms=')" "<= 5,000 ms"
  row "RSS at idle (KB)" "$(value kamailio_rss_total_kb "$out/kamailio-start.txt" .)" \
    "$(value rss_kb "$i" '^start_to_ready_ms=')" "<= 300 MB"
}

install_missing
echo "compare: results in $out"
run_kamailio
run_interchange
table | tee "$out/table.md"
