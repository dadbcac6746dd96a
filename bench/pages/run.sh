#!/usr/bin/env bash
# Time to the answer of the web application's main pages under load, each beside the API call the
# page makes, in the same run on the running local stack: starts its own stack (ports shifted by
# 3000, rate limits raised), signs a coordinator in through the real sign-in (authorization code +
# PKCE, as a browser: curl with a cookie jar), and drives each page and its API call with wrk (Debian
# package `wrk`) at the same concurrency. Prints a table of p50/p95 (ms) and the ratio page/API at p95.
# Usage: bench/pages/run.sh [duration per run, default 20s] [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20s}
connections=${2:-4}
# every shifted port (2525 to 27017, plus 3000) stays below Linux's ephemeral range (32768-60999), from which
# outgoing connections take theirs; the test stack shifts by 10000, bench/load by 4000
offset=3000
gateway=http://localhost:$((8080 + offset))
issuer=http://localhost:$((9000 + offset))
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

source bench/lib/stack.sh
data=$(mktemp -d)
log=$(mktemp)
trap 'stop_stack; rm -rf "$data" "$log"' EXIT
start_stack $offset "$data" "$log" --reset
COOKIE=$(browser_session "$gateway" "$issuer" coordinator.rs)
# her API token, with the same claims, for the calls beside the pages
TOKEN=$(api_token "$issuer" coordinator.rs)
export TOKEN

measure() { # url, cookie or empty
  COOKIE="$2" wrk -t2 -c"$connections" -d"$duration" -s bench/pages/percentiles.lua "$1" \
    | sed -nE 's/^RESULT //p'
}
field() { printf '%s' "$1" | sed -nE "s/.*$2=([0-9.]+).*/\1/p"; }

printf '\n| page | its API call | page p50 / p95 (ms) | API p50 / p95 (ms) | page/API at p95 | page req/s | errors |\n'
printf '|---|---|---:|---:|---:|---:|---:|\n'
for pair in \
  "/programmes|/api/v1/programmes?page=0&size=20" \
  "/programmes/prog-reg-lab-2027|/api/v1/programmes/prog-reg-lab-2027" \
  "/programmes/prog-reg-lab-2027/applications|/api/v1/participants?programmeId=prog-reg-lab-2027&status=APPLIED&size=100"; do
  page=${pair%%|*}
  api=${pair##*|}
  # warm-up of both: JIT, pools, caches
  COOKIE="$COOKIE" wrk -t1 -c2 -d5s -s bench/pages/percentiles.lua "$gateway$page" >/dev/null
  COOKIE="" wrk -t1 -c2 -d5s -s bench/pages/percentiles.lua "$gateway$api" >/dev/null
  p=$(measure "$gateway$page" "$COOKIE")
  a=$(measure "$gateway$api" "")
  ratio=$(awk -v p="$(field "$p" p95_ms)" -v a="$(field "$a" p95_ms)" 'BEGIN { printf "%.2f", p / a }')
  printf '| `%s` | `%s` | %s / %s | %s / %s | %s | %s | %s |\n' "$page" "$api" \
    "$(field "$p" p50_ms)" "$(field "$p" p95_ms)" "$(field "$a" p50_ms)" "$(field "$a" p95_ms)" "$ratio" \
    "$(field "$p" rps)" "$(( $(field "$p" errors) + $(field "$a" errors) ))"
done
