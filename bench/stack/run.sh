#!/usr/bin/env bash
# Load on the running platform: starts its own local stack (ports shifted by 30000, rate limits
# raised so the load is not refused), takes a coordinator's token from the authorization server and
# drives the gateway and one service directly with wrk (Debian package `wrk`). Prints wrk's figures.
# Usage: [JVM_OPTIONS="..."] bench/stack/run.sh [duration, default 30s] [connections, default 16]
# JVM_OPTIONS go to the gateway and services (see ./run-local.sh --help), e.g. full JIT:
#   JVM_OPTIONS="-XX:TieredStopAtLevel=4 -Xmx512m" bench/stack/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30s}
connections=${2:-16}
offset=30000
gateway=http://localhost:$((8080 + offset))
service=http://localhost:$((8081 + offset))
issuer=http://localhost:$((9000 + offset))
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

data=$(mktemp -d)
log=$(mktemp) # outside the data folder, which --reset empties
export RATE_LIMIT_ORGANISATION_CAPACITY=100000000 RATE_LIMIT_CLIENT_CAPACITY=100000000 \
  RATE_LIMIT_ANONYMOUS_CAPACITY=100000000
./run-local.sh --reset --data-dir "$data" --port-offset $offset ${JVM_OPTIONS:+--jvm-options "$JVM_OPTIONS"} \
  >"$log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null || true; rm -rf "$data" "$log"' EXIT
until grep -q "Mentoring platform is up" "$log"; do
  kill -0 $stack 2>/dev/null || { cat "$log"; exit 1; }
  sleep 2
done
grep "Mentoring platform is up" "$log"
echo "JVM options added: ${JVM_OPTIONS:-none}"

token() {
  curl -fsS -u "$1:demo" -d grant_type=client_credentials "$issuer/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN=$(token coordinator.rs)
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
