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

status=0
row() { printf '%-9s %-12s %-8s %-9s %-48s %s\n' "$@"; }
row service state pid restarts "last exit" url

for name in api admin widget postgres; do
  if [ "$name" = postgres ]; then
    if [ -n "${DATABASE_URL:-}" ] && ! chatiq_pid postgres >/dev/null; then
      row postgres external - - - DATABASE_URL
      continue
    fi
    where="127.0.0.1:$CHATIQ_PG_PORT (embedded)" health=""
  else
    where="$(chatiq_url "$name")" health="$(chatiq_health_url "$name")"
  fi
  state_file="$(chatiq_state_file "$name")"
  if supervisor="$(chatiq_pid "$name")" && [ ! -f "$state_file" ]; then
    # Started by an older start.sh, without a supervisor: the PID file names the service itself.
    state=up pid="$supervisor" restarts=- last="- (not supervised)"
    [ -z "$health" ] || chatiq_healthy "$health" || state=unhealthy
  else
    IFS=$'\t' read -r state pid restarts last < <(node scripts/service-state.mjs "$state_file" ${health:+"$health"})
    if [ "$state" = down ] || [ "$state" = unknown ]; then
      state=down
      # Its supervisor was killed but the service still runs: nothing would restart it (stop.sh stops it).
      if pid="$(chatiq_service_pid "$name")"; then state=unsupervised; else pid=-; fi
    fi
  fi
  row "$name" "$state" "$pid" "$restarts" "$last" "$where"
  # (Without DATABASE_URL in its environment, status.sh cannot tell an external database from a
  # stopped embedded one: only a supervised embedded PostgreSQL that is not up counts.)
  if [ "$state" != up ] && { [ "$name" != postgres ] || [ "$state" != down ]; }; then status=1; fi
done
exit $status
