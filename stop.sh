#!/usr/bin/env bash
# Stops exactly what start.sh started, the embedded database last. Each service's supervisor is
# stopped first (it stops its service and does not restart it); a service whose supervisor is
# gone is stopped by the PID in its state file.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/services.sh

# Signals a process group (or the process, if it leads none) and waits up to <seconds> for it.
end_group() { # <pid> <signal> <seconds>
  local pid="$1" signal="$2" tenths=$(($3 * 10))
  kill "-$signal" -- "-$pid" 2>/dev/null || kill "-$signal" "$pid" 2>/dev/null
  for _ in $(seq 1 "$tenths"); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null || return 0
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
  return 1
}

stop_one() { # <name> <stop signal of the service>
  local name="$1" signal="$2" pid
  if pid="$(chatiq_pid "$name")"; then
    # The supervisor gives its service 10 s before it kills it.
    if end_group "$pid" TERM 15; then echo "$name: stopped"; else echo "$name: supervisor killed (did not stop within 15 s)"; fi
  fi
  if pid="$(chatiq_service_pid "$name")"; then
    if end_group "$pid" "$signal" 10; then echo "$name: stopped pid $pid (its supervisor was gone)"; else echo "$name: killed pid $pid (did not stop within 10 s)"; fi
  fi
  rm -f "$CHATIQ_RUN/$name.pid"
}

for name in widget admin api; do stop_one "$name" TERM; done
stop_one postgres INT

# The embedded server's postmaster, should everything above have died without stopping it.
postmaster="$CHATIQ_DATA/postgres/postmaster.pid"
if [ -f "$postmaster" ]; then
  pid="$(head -1 "$postmaster")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid" && echo "postgres: stopped leftover postmaster $pid"
  fi
fi
