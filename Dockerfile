# syntax=docker/dockerfile:1
# The giftsim image the deploy/ examples run: `docker build -t ghcr.io/example/giftsim:0.1.0 .`
# (the tag is package.json's version; docs/fanout.md). Every shard of a study must run the same
# giftsim, so the image is built from this checkout alone: a pinned Node base, dependencies from
# package-lock.json, nothing fetched but npm packages.
#
# The base is pinned by its exact Node release. To pin it by content as well, append the digest
# the registry reports for that tag, e.g.
#   docker buildx imagetools inspect node:20.20.2-bookworm-slim   # prints "Digest: sha256:..."
#   ARG NODE_IMAGE=node:20.20.2-bookworm-slim@sha256:<digest>
# or pass it at build time with --build-arg NODE_IMAGE=...
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# The lockfile alone first, so a source change does not refetch the dependencies. No package
# has an install script; --ignore-scripts also keeps `prepare` from building before src/ is here.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# npm pack ships exactly package.json's "files" (bin, dist, scenarios, reports, ...), so the image
# holds what the npm package holds; node_modules is the lockfile's, pruned to runtime dependencies.
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm pack --ignore-scripts --pack-destination /tmp \
 && mkdir -p /opt/giftsim \
 && tar -xzf /tmp/giftsim-*.tgz -C /opt/giftsim --strip-components=1 \
 && mv node_modules /opt/giftsim/ \
 && chmod 0755 /opt/giftsim/bin/giftsim.js

FROM ${NODE_IMAGE}
COPY --from=build /opt/giftsim /opt/giftsim
# On PATH, because the Kubernetes example replaces the entrypoint with `sh -c "... giftsim run ..."`.
RUN ln -s /opt/giftsim/bin/giftsim.js /usr/local/bin/giftsim
# Relative scenario paths (scenarios/battle-night.yaml) resolve as in a checkout; runs are written
# with --out into a mounted folder, since the installation is read-only to the user below.
WORKDIR /opt/giftsim
# The base image's "node" user, by number: Kubernetes can verify runAsNonRoot only for a numeric user.
USER 1000:1000
ENTRYPOINT ["giftsim"]
CMD ["--help"]
