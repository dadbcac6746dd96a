#!/usr/bin/env bash
# Healthy = the readiness group answers 200 (the store answers a ping and the broker is reachable).
# Asked on the management port where the application has one (the gateway), else on its port.
# Plain bash, so the image needs neither curl nor wget.
set -euo pipefail
port="${MANAGEMENT_PORT:-${PORT:-8080}}"
path="${HEALTHCHECK_PATH:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
exec 3<&-
[[ "$status" == HTTP/1.1\ 200* ]]
