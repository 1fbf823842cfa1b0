# The one-service image: the API and the web app in one container, as `npm start` runs them — the web
# server on PORT in front, the API on loopback behind it, both supervised (scripts/one-service.mjs). For
# a single Railway service (railway.json beside this file) or one `docker run`; apps/api/Dockerfile and
# apps/web/Dockerfile are the two-service layout.
# Build from the repository root:   docker build -t agents-crm .
# Without Docker, `npm run images:check` replays these stages and starts the result.
ARG NODE_VERSION=26.12.1

FROM node:${NODE_VERSION}-trixie-slim AS base

# Both apps' workspaces and a lockfile pruned to them.
FROM base AS prune
WORKDIR /repo
COPY . .
RUN npx --yes turbo@2.11.11 prune @agents-crm/api @agents-crm/web --docker --out-dir out

FROM base AS build
WORKDIR /repo
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=prune /repo/out/json/ ./
RUN npm ci --no-audit --no-fund
COPY --from=prune /repo/out/full/ ./
COPY infra/docker/ ./infra/docker/
COPY scripts/one-service.mjs scripts/supervisor.mjs ./scripts/
RUN npm run build --workspace @agents-crm/web
# The API bundled as in its image, the web server assembled as in its image, the supervisor beside them.
RUN node infra/docker/bundle-api.mjs dist/api \
 && node infra/docker/assemble-web.mjs dist/web \
 && cp scripts/one-service.mjs scripts/supervisor.mjs infra/docker/healthcheck.mjs dist/ \
 && mkdir -p data cache

FROM base AS runtime
ENV NODE_ENV=production \
    ENVIRONMENT=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    API_PORT=8000
WORKDIR /app
# Code stays root-owned; only DATA_DIR (./.data, as in the API image) and Next's cache belong to `node`.
COPY --from=build --chown=root:root /repo/dist/ ./
COPY --from=build --chown=node:node /repo/data/ ./.data/
COPY --from=build --chown=node:node /repo/cache/ ./web/apps/web/.next/cache/
USER node
EXPOSE 3000
# Liveness of both processes: the web server's proxy to the API's /health/live (readiness, /health, is
# for Railway's deploy check and load balancers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "healthcheck.mjs", "/health/live"]
CMD ["node", "one-service.mjs"]
