# Sourced by start.sh, stop.sh and status.sh: where things run and how to tell if they are up.
CHATIQ_ROOT="${CHATIQ_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

# Settings: a .env at the top level (see .env.example) and the environment; the environment wins.
if [ -f "$CHATIQ_ROOT/.env" ]; then
  while IFS='=' read -r key value; do
    case "$key" in ''|\#*) continue ;; esac
    [ -z "${!key+x}" ] && export "$key=$value"
  done < "$CHATIQ_ROOT/.env"
fi

# PID files, state files and logs (.run) and data kept between runs (.data: secrets, embedded
# PostgreSQL). Overridable, so a second stack (a test's) can run beside the usual one; relative
# paths are from the top level.
CHATIQ_RUN="${CHATIQ_RUN:-.run}"
CHATIQ_DATA="${CHATIQ_DATA:-.data}"
case "$CHATIQ_RUN" in /*) ;; *) CHATIQ_RUN="$CHATIQ_ROOT/$CHATIQ_RUN" ;; esac
case "$CHATIQ_DATA" in /*) ;; *) CHATIQ_DATA="$CHATIQ_ROOT/$CHATIQ_DATA" ;; esac

API_PORT="${API_PORT:-3000}"
ADMIN_PORT="${ADMIN_PORT:-3001}"
WIDGET_PORT="${WIDGET_PORT:-3002}"
CHATIQ_PG_PORT="${CHATIQ_PG_PORT:-54329}"
CHATIQ_HOST="${CHATIQ_HOST:-localhost}"
API_URL="http://$CHATIQ_HOST:$API_PORT"
ADMIN_URL="http://$CHATIQ_HOST:$ADMIN_PORT"
WIDGET_URL="http://$CHATIQ_HOST:$WIDGET_PORT"

# name → the URL a person opens
chatiq_url() {
  case "$1" in
    api) echo "$API_URL" ;;
    admin) echo "$ADMIN_URL" ;;
    widget) echo "$WIDGET_URL" ;;
  esac
}

# name → health URL
chatiq_health_url() {
  case "$1" in
    api) echo "$API_URL/health" ;;
    admin) echo "$ADMIN_URL/api/health" ;;
    widget) echo "$WIDGET_URL/health" ;;
  esac
}

chatiq_pid() { # prints the PID of a service's supervisor started by start.sh if it is alive
  local file="$CHATIQ_RUN/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

chatiq_state_file() { echo "$CHATIQ_RUN/$1.state.json"; }

chatiq_service_pid() { # prints the PID of the service process its supervisor last started, if alive
  local file pid
  file="$(chatiq_state_file "$1")"
  [ -f "$file" ] || return 1
  pid="$(sed -n 's/^  "pid": \([0-9][0-9]*\),\{0,1\}$/\1/p' "$file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

chatiq_healthy() { # quick probe of one URL
  node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$1"
}
