# syntax=docker/dockerfile:1
#
# Mend's API image: built with the full toolchain, run on a slim image as an unprivileged user.
# docs/deploy-kurrentdb.md shows it running against KurrentDB (docker-compose.yml); the same image
# runs the embedded SQLite store when MEND_STORE is left at its default.

# Node 20 is the floor of package.json "engines"; better-sqlite3 12.x is pinned because 13.x crashes on it.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded for this platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first, so that a change to the sources does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir /out \
 && cp -r package.json node_modules dist /out/ \
 && if [ -d bin ]; then cp -r bin /out/; fi \
 && mkdir -p /out/console && cp -r console/dist /out/console/

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MEND_DATA_DIR=/data
WORKDIR /app
# The application belongs to root: the `node` user that runs it can read it, not change it.
# /data (read models, the generated token secret, the SQLite event store) and /ledger (the erasure
# ledger, kept outside the data directory, on a volume of its own) are its only writable places.
COPY --from=build /out/ ./
RUN mkdir -p /data /ledger && chown node:node /data /ledger
USER node
VOLUME ["/data"]
EXPOSE 3000
# The slim image has no curl: Node's own fetch asks /health.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
