# Sourced by the benchmarks' run.sh: start and stop a local stack of their own (ports shifted, so a
# developer's stack can keep running; rate limits raised, or the load would meet 429s), and sign a
# demo coordinator in, with a bearer token for the API and as a browser for the web application.
# Each function expects to run from the repository root.

export RATE_LIMIT_ORGANISATION_CAPACITY=100000000 RATE_LIMIT_CLIENT_CAPACITY=100000000 \
  RATE_LIMIT_ANONYMOUS_CAPACITY=100000000

# start_stack OFFSET DATA_DIR LOG [more ./run-local.sh options]: starts it in the background (STACK_PID)
# and waits until it is up; STACK_SECONDS is the time from the command to "Mentoring platform is up".
start_stack() {
  local offset=$1 data=$2 log=$3
  shift 3
  local began
  began=$(date +%s%N)
  ./run-local.sh --data-dir "$data" --port-offset "$offset" "$@" >"$log" 2>&1 &
  STACK_PID=$!
  until grep -q "Mentoring platform is up" "$log"; do
    kill -0 "$STACK_PID" 2>/dev/null || { cat "$log"; return 1; }
    sleep 0.2
  done
  STACK_SECONDS=$(( ($(date +%s%N) - began) / 1000000000 ))
  grep "Mentoring platform is up" "$log"
}

# stop_stack: Ctrl-C for the stack started last, and wait until it has stopped
stop_stack() {
  kill "$STACK_PID" 2>/dev/null || true
  wait "$STACK_PID" 2>/dev/null || true
}

# api_token ISSUER PERSONA: a demo persona's access token (password "demo")
api_token() {
  curl -fsS -u "$2:demo" -d grant_type=client_credentials "$1/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# browser_session GATEWAY ISSUER PERSONA: signs in as a browser would (authorization code + PKCE:
# the page sends her to the login form, the form back; curl with a cookie jar) and prints the web
# application's session cookie as NAME=value
browser_session() {
  local gateway=$1 issuer=$2 persona=$3 jar login csrf signed_in cookie
  jar=$(mktemp)
  # as text/html: the identity provider sends a browser to its login form, an API client gets a 401
  login=$(curl -sS -c "$jar" -b "$jar" -H 'Accept: text/html' -L -o - "$gateway/programmes")
  csrf=$(printf '%s' "$login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
  signed_in=$(curl -sS -c "$jar" -b "$jar" -H 'Accept: text/html' -L -o /dev/null -w '%{url_effective}' \
    --data-urlencode "username=$persona" --data-urlencode "password=demo" --data-urlencode "_csrf=$csrf" \
    "$issuer/login")
  cookie=$(awk '$6 == "MENTORING_SESSION" {print $7}' "$jar" | tail -1)
  rm -f "$jar"
  case "$signed_in" in "$gateway/programmes"*) ;; *) echo "signing in failed (ended at $signed_in)" >&2; return 1 ;; esac
  [ -n "$cookie" ] || { echo "signing in failed: no session cookie" >&2; return 1; }
  printf 'MENTORING_SESSION=%s' "$cookie"
}
