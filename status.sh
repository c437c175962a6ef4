#!/usr/bin/env bash
# Shows each service started by start.sh: up (healthy), starting/unhealthy, or down, with its URL.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/toolchain.sh
chatiq_ensure_node >/dev/null 2>&1 || true
source scripts/services.sh

status=0
for name in api admin widget; do
  url="$(chatiq_health_url "$name")"
  if pid="$(chatiq_pid "$name")"; then
    if chatiq_healthy "$url"; then state="up"; else state="unhealthy"; status=1; fi
    printf '%-9s %-10s pid %-8s %s\n' "$name" "$state" "$pid" "$(chatiq_url "$name")"
  else
    printf '%-9s %-10s %-12s %s\n' "$name" "down" "" "$(chatiq_url "$name")"
    status=1
  fi
done
if pid="$(chatiq_pid postgres)"; then
  printf '%-9s %-10s pid %-8s %s\n' "postgres" "up" "$pid" "127.0.0.1:$CHATIQ_PG_PORT (embedded)"
elif [ -n "${DATABASE_URL:-}" ]; then
  printf '%-9s %-10s %-12s %s\n' "postgres" "external" "" "DATABASE_URL"
else
  printf '%-9s %-10s\n' "postgres" "down"
fi
exit $status
