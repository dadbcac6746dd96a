#!/usr/bin/env bash
# Runs the whole platform on this machine (no Docker): builds what changed, then starts the store,
# a mail catcher, Apache Kafka, the authorization server, the four services, the web application and the gateway on
# http://localhost:8080, loads the demo programme and prints how to get a token. Ctrl-C stops it.
# Options: --reset (wipe local data), --no-demo, --data-dir DIR, --port-offset N, --help.
set -euo pipefail
cd "$(dirname "$0")"

launcher=deploy/local/target/classes
stamp=deploy/local/target/.built
# build when nothing is built yet or any source or pom changed since the last build
if [ ! -f "$stamp" ] || [ -n "$(find . -path ./.local -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit)" ]; then
  echo "[local] building (./mvnw -DskipTests package)..."
  ./mvnw -q -DskipTests package
  touch "$stamp"
fi

# The launcher also runs the store and the mail catcher. C1 only, as the services: on two cores the
# C2 compiler took 45 % of this process's processor time under load (bench/load, scenario 2), and
# the store answered faster without it (enrolments at 20/s: 201 → applied by matching-service p50
# 7.2-7.9 s with C2, 0.4-1.9 s with C1 only; the process 290 → 235 MB resident).
exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$launcher:deploy/local/target/lib/*" \
  com.kreativnomentorstvo.local.LocalStack "$@"
