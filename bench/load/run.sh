#!/usr/bin/env bash
# The load scenarios of bench/load on a local stack of their own (ports shifted by 4000): starts the
# stack cold (a fresh data folder) and warm (the same folder again), timing each (for the footprint
# scenario; once otherwise), signs a coordinator in, and runs the load driver (target/load-bench.jar),
# which prints the figures and writes them to bench/load/target/load-results.md.
# Usage: bench/load/run.sh [seconds per measured load, default 30] [scenario...]
#   scenarios: footprint gateway pages notifications pipeline (default: all, in that order)
# Build first: ./mvnw -q -DskipTests install
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/stack.sh
seconds=${1:-30}
shift || true
# every shifted port (2525 to 27017, plus 4000) stays below Linux's ephemeral range (32768-60999), from which
# outgoing connections take theirs; the test stack shifts by 10000, bench/pages by 3000
offset=4000
jar=bench/load/target/load-bench.jar
[ -f "$jar" ] || { echo "$jar is missing: build first (./mvnw -q -DskipTests install)"; exit 1; }

data=$(mktemp -d)
log=$(mktemp) # outside the data folder, which --reset empties
trap 'stop_stack; rm -rf "$data" "$log"' EXIT

if [ $# -eq 0 ] || [[ " $* " == *" footprint "* ]]; then
  echo "[bench] cold start (a fresh data folder)..."
  start_stack $offset "$data" "$log" --reset
  cold=$STACK_SECONDS
  stop_stack
  echo "[bench] warm start (the same data folder)..."
  start_stack $offset "$data" "$log"
  warm=$STACK_SECONDS
  echo "[bench] from the command to up: cold ${cold} s, warm ${warm} s"
else
  start_stack $offset "$data" "$log" --reset
  cold=- warm=-
fi

gateway=http://localhost:$((8080 + offset))
issuer=http://localhost:$((9000 + offset))
TOKEN=$(api_token "$issuer" coordinator.rs)
ADMIN_TOKEN=$(api_token "$issuer" admin)
COOKIE=$(browser_session "$gateway" "$issuer" coordinator.rs)
export TOKEN ADMIN_TOKEN COOKIE
export GATEWAY_URL=$gateway SERVICE_URL=http://localhost:$((8081 + offset)) KAFKA=127.0.0.1:$((9092 + offset)) \
  STORE=mongodb://127.0.0.1:$((27017 + offset)) MAIL_URL=http://127.0.0.1:$((8025 + offset)) STACK_PID=$STACK_PID SECONDS_PER_LOAD=$seconds \
  COLD_START_SECONDS=$cold WARM_START_SECONDS=$warm RESULTS=bench/load/target/load-results.md
rm -f "$RESULTS"
java -Xmx512m -jar "$jar" "$@"
echo "[bench] figures in $RESULTS"
