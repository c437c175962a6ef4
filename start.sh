#!/usr/bin/env bash
# Starts ChatIQ: the API (3000), the admin panel (3001) and the widget CDN with its demo page
# (3002). Installs what is missing (Node 24, pnpm, dependencies), builds, applies migrations,
# seeds the demo organization, and waits until every service is healthy. With no DATABASE_URL it
# runs an embedded PostgreSQL (data in .data/postgres). Each service runs under a supervisor that
# restarts it when it dies. Running it again starts only what is down.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/toolchain.sh
source scripts/services.sh
chatiq_toolchain
mkdir -p "$CHATIQ_RUN/logs" "$CHATIQ_DATA"

# Launches a command under its supervisor (scripts/supervise.mjs), which restarts it whenever it
# dies, after 1 s, 2 s, 4 s … up to 30 s (back to 1 s once it stayed up for a minute). Records the
# supervisor's PID in .run/<name>.pid; the supervisor keeps .run/<name>.state.json (the service's
# PID, restarts, last exit) and logs to .run/logs/<name>.log with the service and to
# .run/logs/supervisor.log. Options before the name go to the supervisor (e.g. --stop-signal).
launch() {
  local supervisor_options=()
  while [ "${1:-}" != "${1#--}" ]; do supervisor_options+=("$1" "$2"); shift 2; done
  local name="$1"; shift
  if pid="$(chatiq_pid "$name")"; then
    echo "  $name already running (supervisor pid $pid)"
    return 0
  fi
  # Job control gives the supervisor its own process group, which stop.sh signals as a whole;
  # the supervisor gives the service another one.
  set -m
  nohup node "$CHATIQ_ROOT/scripts/supervise.mjs" --name "$name" --state "$(chatiq_state_file "$name")" \
    --log "$CHATIQ_RUN/logs/supervisor.log" ${supervisor_options[@]+"${supervisor_options[@]}"} -- "$@" \
    >>"$CHATIQ_RUN/logs/$name.log" 2>&1 </dev/null &
  local started=$!
  set +m
  echo "$started" >"$CHATIQ_RUN/$name.pid"
  echo "  $name started (supervisor pid $started, log $CHATIQ_RUN/logs/$name.log)"
}

# Secrets made once per checkout and kept in .data (ignored by git).
secrets="$CHATIQ_DATA/secrets.env"
if [ ! -f "$secrets" ]; then
  (
    umask 077
    printf 'JWT_SECRET=%s\nNEXTAUTH_SECRET=%s\n' \
      "$(node -e 'console.log(require("crypto").randomBytes(36).toString("base64url"))')" \
      "$(node -e 'console.log(require("crypto").randomBytes(36).toString("base64url"))')" >"$secrets"
  )
fi
# The keyring that seals sites' AI provider keys (AI_SECRET_KEYS), also added to a secrets file
# made before it existed. One set in .env or the environment (e.g. during a rotation) wins.
if ! grep -q '^AI_SECRET_KEYS=' "$secrets"; then
  (
    umask 077
    printf 'AI_SECRET_KEYS=k1:%s\n' "$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')" >>"$secrets"
  )
fi
own_ai_keys="${AI_SECRET_KEYS:-}"
set -a; source "$secrets"; set +a
if [ -n "$own_ai_keys" ]; then export AI_SECRET_KEYS="$own_ai_keys"; fi

echo "chatiq: database"
if [ -z "${DATABASE_URL:-}" ]; then
  [ -f packages/dev-postgres/dist/cli.js ] || pnpm --filter @chatiq/dev-postgres build >/dev/null
  # SIGINT: PostgreSQL's fast shutdown (clients are disconnected, everything is flushed).
  launch --stop-signal SIGINT postgres node packages/dev-postgres/dist/cli.js --data "$CHATIQ_DATA/postgres" --port "$CHATIQ_PG_PORT"
  export DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:$CHATIQ_PG_PORT/chatiq"
  node --input-type=module -e '
    import { createDatabase, databaseExists } from "./packages/dev-postgres/dist/index.js";
    import { readFileSync } from "node:fs";
    const [server, supervisor, stateFile] = process.argv.slice(1);
    const alive = () => { try { process.kill(Number(supervisor), 0); return true; } catch { return false; } };
    const crashed = () => { try { return JSON.parse(readFileSync(stateFile, "utf8")).state === "backoff"; } catch { return false; } };
    for (let i = 0; ; i++) {
      try {
        if (!(await databaseExists(server, "chatiq"))) await createDatabase(server, "chatiq");
        break;
      } catch (error) {
        if (i > 240 || !alive() || crashed()) {
          console.error("embedded PostgreSQL did not start: " + error.message);
          process.exit(1);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }' "postgresql://postgres:postgres@127.0.0.1:$CHATIQ_PG_PORT/postgres" "$(cat "$CHATIQ_RUN/postgres.pid")" "$(chatiq_state_file postgres)" ||
    { tail -5 "$CHATIQ_RUN/logs/postgres.log" >&2; echo "see $CHATIQ_RUN/logs/postgres.log; ./stop.sh stops its supervisor" >&2; exit 1; }
  echo "  embedded PostgreSQL on 127.0.0.1:$CHATIQ_PG_PORT (data in $CHATIQ_DATA/postgres)"
else
  echo "  using DATABASE_URL"
fi

echo "chatiq: build"
# Rebuild when any source is newer than the last build (or nothing was built yet).
stamp="$CHATIQ_RUN/build.stamp"
if [ "${CHATIQ_SKIP_BUILD:-}" = 1 ]; then
  # Something else built the workspace just now (./test.sh): use that build as it is.
  for built in api-server/dist/src/main.js api-server/dist/prisma/seed.js admin-panel/.next/BUILD_ID widget-cdn/public/widget.js; do
    [ -f "$built" ] || { echo "CHATIQ_SKIP_BUILD=1 but $built is missing: run pnpm build first" >&2; exit 1; }
  done
  echo "  skipped (CHATIQ_SKIP_BUILD=1)"
elif [ ! -f "$stamp" ] || [ -n "$(find api-server/src api-server/prisma admin-panel/app admin-panel/modules admin-panel/lib \
     widget-cdn/src packages/*/src pnpm-lock.yaml -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  CHATIQ_API_URL="$API_URL" NEXT_TELEMETRY_DISABLED=1 pnpm -r --workspace-concurrency=1 build >"$CHATIQ_RUN/logs/build.log" 2>&1 ||
    { echo "build failed; see $CHATIQ_RUN/logs/build.log" >&2; tail -20 "$CHATIQ_RUN/logs/build.log" >&2; exit 1; }
  touch "$stamp"
  echo "  built"
else
  echo "  up to date"
fi

echo "chatiq: migrations"
(cd api-server && pnpm exec prisma migrate deploy >"$CHATIQ_RUN/logs/migrate.log" 2>&1) ||
  { echo "migrations failed; see $CHATIQ_RUN/logs/migrate.log" >&2; tail -20 "$CHATIQ_RUN/logs/migrate.log" >&2; exit 1; }
echo "  applied"
SEED_WIDGET_ORIGINS="http://localhost:$WIDGET_PORT,http://127.0.0.1:$WIDGET_PORT" \
  node api-server/dist/prisma/seed.js | sed 's/^/  /'

echo "chatiq: services"
(cd api-server && PORT="$API_PORT" HOST=0.0.0.0 CORS_ORIGINS="http://localhost:$ADMIN_PORT,http://127.0.0.1:$ADMIN_PORT" \
  launch api node --enable-source-maps dist/src/main.js)
(cd admin-panel && NEXTAUTH_URL="$ADMIN_URL" CHATIQ_API_URL="$API_URL" CHATIQ_WIDGET_URL="$WIDGET_URL" NEXT_TELEMETRY_DISABLED=1 \
  launch admin node server/start.mjs --port "$ADMIN_PORT")
(cd widget-cdn && PORT="$WIDGET_PORT" launch widget node server.mjs)

echo "chatiq: waiting for health checks"
node scripts/wait-for-http.mjs 90 "$(chatiq_health_url api)" "$(chatiq_health_url admin)" "$(chatiq_health_url widget)" ||
  { ./status.sh >&2 || true; echo "see $CHATIQ_RUN/logs/ (the supervisors keep restarting what crashed; ./stop.sh stops them)" >&2; exit 1; }

cat <<TXT

ChatIQ is running.
  Admin panel   $ADMIN_URL        owner@demo.chatiq.dev / demo-owner-123
                                             operator@demo.chatiq.dev / demo-operator-123
  Widget demo   $WIDGET_URL        (site id site_demo)
  API           $API_URL        (OpenAPI docs at $API_URL/docs)
A service that crashes is restarted (./status.sh shows restarts and the last exit).
Stop with ./stop.sh, check with ./status.sh, logs in $CHATIQ_RUN/logs/.
TXT
