#!/usr/bin/env bash
# Load on the running platform: starts its own local stack (ports shifted by 5000, rate limits
# raised so the load is not refused), takes a coordinator's token from the authorization server and
# drives the gateway and one service directly with wrk (Debian package `wrk`). Prints wrk's figures.
# Usage: [JVM_OPTIONS="..."] bench/stack/run.sh [duration, default 30s] [connections, default 16]
# JVM_OPTIONS go to the gateway and services (see ./run-local.sh --help), e.g. full JIT:
#   JVM_OPTIONS="-XX:TieredStopAtLevel=4 -Xmx512m" bench/stack/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30s}
connections=${2:-16}
# every shifted port (2525 to 27017, plus 5000) stays below Linux's ephemeral range (32768-60999), from which
# outgoing connections take theirs
offset=5000
gateway=http://localhost:$((8080 + offset))
service=http://localhost:$((8081 + offset))
issuer=http://localhost:$((9000 + offset))
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

source bench/lib/stack.sh
data=$(mktemp -d)
log=$(mktemp) # outside the data folder, which --reset empties
trap 'stop_stack; rm -rf "$data" "$log"' EXIT
start_stack $offset "$data" "$log" --reset ${JVM_OPTIONS:+--jvm-options "$JVM_OPTIONS"}
echo "JVM options added: ${JVM_OPTIONS:-none}"
TOKEN=$(api_token "$issuer" coordinator.rs)
export TOKEN

run() { # name, url, script
  echo
  echo "== $1"
  wrk --latency -t2 -c"$connections" -d"$duration" -s "bench/stack/$3" "$2"
}
# warm-up: JIT, connection pools, caches
wrk -t2 -c"$connections" -d10s -s bench/stack/read.lua "$gateway/api/v1/programmes/prog-reg-lab-2027" >/dev/null
run "read one programme, through the gateway" "$gateway/api/v1/programmes/prog-reg-lab-2027" read.lua
run "read one programme, participant-service directly" "$service/api/v1/programmes/prog-reg-lab-2027" read.lua
run "search a programme's participants (page of 20), through the gateway" \
  "$gateway/api/v1/participants?programmeId=prog-reg-lab-2027&size=20" read.lua
run "enrol a mentee (write + outbox + relay to Kafka), through the gateway" "$gateway" enrol.lua
