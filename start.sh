#!/usr/bin/env bash
# Starts ChatIQ: the API (3000), the admin panel (3001) and the widget CDN with its demo page
# (3002). Installs what is missing (Node 24, pnpm, dependencies), builds, applies migrations,
# seeds the demo organization, and waits until every service is healthy. With no DATABASE_URL it
# runs an embedded PostgreSQL (data in .data/postgres). Running it again starts only what is down.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/toolchain.sh
source scripts/services.sh
chatiq_toolchain
mkdir -p "$CHATIQ_RUN/logs" "$CHATIQ_DATA"

# Launches a command in its own process group, logs to .run/logs/<name>.log, records its PID.
launch() {
  local name="$1"; shift
  if pid="$(chatiq_pid "$name")"; then
    echo "  $name already running (pid $pid)"
    return 0
  fi
  # Job control gives the service its own process group, which stop.sh signals as a whole.
  set -m
  nohup "$@" >>"$CHATIQ_RUN/logs/$name.log" 2>&1 </dev/null &
  local started=$!
  set +m
  echo "$started" >"$CHATIQ_RUN/$name.pid"
  echo "  $name started (pid $started, log .run/logs/$name.log)"
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
  launch postgres node packages/dev-postgres/dist/cli.js --data "$CHATIQ_DATA/postgres" --port "$CHATIQ_PG_PORT"
  export DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:$CHATIQ_PG_PORT/chatiq"
  node --input-type=module -e '
    import { createDatabase, databaseExists } from "./packages/dev-postgres/dist/index.js";
    const [server, supervisor] = process.argv.slice(1);
    const alive = () => { try { process.kill(Number(supervisor), 0); return true; } catch { return false; } };
    for (let i = 0; ; i++) {
      try {
        if (!(await databaseExists(server, "chatiq"))) await createDatabase(server, "chatiq");
        break;
      } catch (error) {
        if (i > 240 || !alive()) {
          console.error("embedded PostgreSQL did not start: " + error.message + " (see .run/logs/postgres.log)");
          process.exit(1);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }' "postgresql://postgres:postgres@127.0.0.1:$CHATIQ_PG_PORT/postgres" "$(cat "$CHATIQ_RUN/postgres.pid")" ||
    { tail -5 "$CHATIQ_RUN/logs/postgres.log" >&2; exit 1; }
  echo "  embedded PostgreSQL on 127.0.0.1:$CHATIQ_PG_PORT (data in .data/postgres)"
else
  echo "  using DATABASE_URL"
fi

echo "chatiq: build"
# Rebuild when any source is newer than the last build (or nothing was built yet).
stamp="$CHATIQ_RUN/build.stamp"
if [ ! -f "$stamp" ] || [ -n "$(find api-server/src api-server/prisma admin-panel/app admin-panel/modules admin-panel/lib \
     widget-cdn/src packages/*/src pnpm-lock.yaml -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  CHATIQ_API_URL="$API_URL" NEXT_TELEMETRY_DISABLED=1 pnpm -r --workspace-concurrency=1 build >"$CHATIQ_RUN/logs/build.log" 2>&1 ||
    { echo "build failed; see .run/logs/build.log" >&2; tail -20 "$CHATIQ_RUN/logs/build.log" >&2; exit 1; }
  touch "$stamp"
  echo "  built"
else
  echo "  up to date"
fi

echo "chatiq: migrations"
(cd api-server && pnpm exec prisma migrate deploy >"$CHATIQ_RUN/logs/migrate.log" 2>&1) ||
  { echo "migrations failed; see .run/logs/migrate.log" >&2; tail -20 "$CHATIQ_RUN/logs/migrate.log" >&2; exit 1; }
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
  { echo "see .run/logs/ and ./status.sh" >&2; exit 1; }

cat <<TXT

ChatIQ is running.
  Admin panel   $ADMIN_URL        owner@demo.chatiq.dev / demo-owner-123
                                             operator@demo.chatiq.dev / demo-operator-123
  Widget demo   $WIDGET_URL        (site id site_demo)
  API           $API_URL        (OpenAPI docs at $API_URL/docs)
Stop with ./stop.sh, check with ./status.sh, logs in .run/logs/.
TXT
