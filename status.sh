#!/usr/bin/env bash
# Shows each service started by start.sh: its state (up, starting, unhealthy, restarting after a
# crash, stopped, down, unsupervised), the PID of the service process, how often its supervisor
# restarted it, its last exit (exit code or signal, and when) and its URL. Exits 1 unless
# everything is up.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/toolchain.sh
chatiq_ensure_node >/dev/null 2>&1 || true
source scripts/services.sh

# How long a service that is not healthy yet counts as starting rather than unhealthy.
STARTING_SECONDS=90
status=0
row() { printf '%-9s %-11s %-8s %-9s %-48s %s\n' "$@"; }
row service state pid restarts "last exit" url

for name in api admin widget postgres; do
  if [ "$name" = postgres ]; then
    if [ -n "${DATABASE_URL:-}" ] && ! chatiq_pid postgres >/dev/null; then
      row postgres external - - - DATABASE_URL
      continue
    fi
    where="127.0.0.1:$CHATIQ_PG_PORT (embedded)"
  else
    where="$(chatiq_url "$name")"
  fi
  if ! supervisor="$(chatiq_pid "$name")"; then
    # stopped: by stop.sh; down: never started, or its supervisor is gone.
    IFS=$'\t' read -r state _ restarts last _ < <(node scripts/service-state.mjs "$(chatiq_state_file "$name")")
    [ "$state" = stopped ] || state=down
    # Its supervisor was killed but the service still runs: nothing would restart it (stop.sh stops it).
    if pid="$(chatiq_service_pid "$name")"; then state=unsupervised; else pid=-; fi
    row "$name" "$state" "$pid" "$restarts" "$last" "$where"
    # (start.sh runs no embedded PostgreSQL when it was given a DATABASE_URL.)
    [ "$name" = postgres ] || status=1
    continue
  fi
  if [ ! -f "$(chatiq_state_file "$name")" ]; then
    # Started by an older start.sh, without a supervisor: the PID file names the service itself.
    state=up pid="$supervisor" restarts=- last="- (not supervised)" age=-
  else
    IFS=$'\t' read -r state pid restarts last age < <(node scripts/service-state.mjs "$(chatiq_state_file "$name")")
    [ "$state" = running ] && state=up
  fi
  if [ "$state" = up ] && [ "$name" != postgres ] && ! chatiq_healthy "$(chatiq_health_url "$name")"; then
    if [ "$age" != - ] && [ "$age" -lt "$STARTING_SECONDS" ]; then state=starting; else state=unhealthy; fi
  fi
  [ "$state" = up ] || status=1
  row "$name" "$state" "$pid" "$restarts" "$last" "$where"
done
exit $status
