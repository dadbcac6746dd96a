#!/usr/bin/env bash
# Time to the answer of the web application's main pages under load, each beside the API call the
# page makes, in the same run on the running local stack: starts its own stack (ports shifted by
# 31000, rate limits raised), signs a coordinator in through the real sign-in (authorization code +
# PKCE, as a browser: curl with a cookie jar), and drives each page and its API call with wrk (Debian
# package `wrk`) at the same concurrency. Prints a table of p50/p95 (ms) and the ratio page/API at p95.
# Usage: bench/pages/run.sh [duration per run, default 20s] [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20s}
connections=${2:-4}
offset=31000
gateway=http://localhost:$((8080 + offset))
issuer=http://localhost:$((9000 + offset))
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

data=$(mktemp -d)
log=$(mktemp)
jar=$(mktemp)
export RATE_LIMIT_ORGANISATION_CAPACITY=100000000 RATE_LIMIT_CLIENT_CAPACITY=100000000 \
  RATE_LIMIT_ANONYMOUS_CAPACITY=100000000
./run-local.sh --reset --data-dir "$data" --port-offset $offset >"$log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null || true; rm -rf "$data" "$log" "$jar"' EXIT
until grep -q "Mentoring platform is up" "$log"; do
  kill -0 $stack 2>/dev/null || { cat "$log"; exit 1; }
  sleep 2
done
grep "Mentoring platform is up" "$log"

# the coordinator signs in as a browser would: the page sends her to the login form, the form back
# (as text/html: the identity provider sends a browser to its login form, an API client gets a 401)
login=$(curl -sS -c "$jar" -b "$jar" -H 'Accept: text/html' -L -o - "$gateway/programmes")
csrf=$(printf '%s' "$login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
signed_in=$(curl -sS -c "$jar" -b "$jar" -H 'Accept: text/html' -L -o /dev/null -w '%{url_effective}' \
  --data-urlencode "username=coordinator.rs" --data-urlencode "password=demo" --data-urlencode "_csrf=$csrf" \
  "$issuer/login")
case "$signed_in" in "$gateway/programmes"*) ;; *) echo "signing in failed (ended at $signed_in)"; exit 1 ;; esac
COOKIE="MENTORING_SESSION=$(awk '$6 == "MENTORING_SESSION" {print $7}' "$jar" | tail -1)"
[ "$COOKIE" != "MENTORING_SESSION=" ] || { echo "signing in failed"; exit 1; }
# her API token, with the same claims, for the calls beside the pages
TOKEN=$(curl -fsS -u "coordinator.rs:demo" -d grant_type=client_credentials "$issuer/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
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
