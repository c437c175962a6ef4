#!/usr/bin/env bash
# Stops exactly what start.sh started (by the PIDs it recorded), the embedded database last.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/services.sh

stop_one() {
  local name="$1" pid
  pid="$(chatiq_pid "$name")" || { rm -f "$CHATIQ_RUN/$name.pid"; return 0; }
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    echo "$name: killed (did not stop within 10 s)"
  else
    echo "$name: stopped"
  fi
  rm -f "$CHATIQ_RUN/$name.pid"
}

for name in widget admin api postgres; do stop_one "$name"; done

# The embedded server's postmaster, should its supervisor have died without stopping it.
postmaster="$CHATIQ_DATA/postgres/postmaster.pid"
if [ -f "$postmaster" ]; then
  pid="$(head -1 "$postmaster")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid" && echo "postgres: stopped leftover postmaster $pid"
  fi
fi
