# The node's image (target `runtime`), and the image its tests run in (target `test`).
#   docker compose up --build                                   the federation (target `runtime`)
#   docker build --target runtime -t head-lookup-website .      the image alone
#   docker compose -f compose.test.yml run --rm test            the Swift suite (target `test`)
# The base images are arguments only so that an offline test machine can substitute local
# stand-ins under names of their own (Tests/compose/standin-images.yml); users get the real ones.
ARG SWIFT_IMAGE=swift:6.3.1-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# Build: the official Swift image compiles a release binary.
FROM ${SWIFT_IMAGE} AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /build
# Dependencies are their own layer, resolved exactly as Package.resolved pins them (the build
# fails, rather than resolving newer versions, when the file is out of date with Package.swift).
COPY Package.swift Package.resolved ./
RUN swift package resolve --force-resolved-versions
COPY Sources ./Sources
COPY Benchmarks ./Benchmarks
COPY Tests/SyncProtocolTests ./Tests/SyncProtocolTests
COPY Tests/FakeUpstreamTests ./Tests/FakeUpstreamTests
COPY Tests/WebsiteTests ./Tests/WebsiteTests
# The image needs the `website` product alone, built for release: that is all a first
# `docker compose up --build` compiles. No `--static-swift-stdlib` (it compiles against other
# module files): the Swift runtime libraries the binary links go beside it (its RUNPATH includes
# $ORIGIN). `-Xcc -O2`: C code (BoringSSL's Ed25519 among it) optimised.
# hadolint ignore=SC2086
RUN swift build -c release -Xcc -O2 --product website \
    && bin="$(swift build -c release -Xcc -O2 --show-bin-path)" \
    && mkdir /staging \
    && cp "$bin/website" /staging/ \
    && cp -R "$bin/website_Website.resources" /staging/ \
    && ldd /staging/website | awk '$3 ~ /swift/ {print $3}' | xargs -r cp -L -t /staging/ \
    && strip /staging/website

# Run: a slim Debian with CA certificates, curl for the health check, and the network tools the
# site is used to teach with (ping, ip).
FROM ${RUNTIME_IMAGE} AS runtime
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl iputils-ping iproute2 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin website
WORKDIR /app
COPY --from=build /staging /app
COPY peers /app/peers
USER 10001
# peers/ is a folder so that a mounted one follows edits made by rename (vim, sed -i).
ENV HTTP_HOST=0.0.0.0 HTTP_PORT=8080 PEERS_FILE=/app/peers/list BLOCKLIST_FILE=/app/peers/blocklist
EXPOSE 8080
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=5 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/readyz"]
# VERSION must equal SoftwareVersion.current (a test checks). REVISION and SOURCE are build
# arguments: docker-compose.yml passes the REVISION and SOURCE variables when they are set
# (`REVISION=$(git rev-parse HEAD) docker compose build`; scripts/compose-e2e and
# scripts/classroom-bundle do so), and a plain build says "unknown".
ARG VERSION=0.4.0
ARG REVISION=unknown
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="head-lookup-website" \
      org.opencontainers.image.description="A federation node of the Minecraft player-head lookup site" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="Apache-2.0"
ENTRYPOINT ["/app/website"]

# Test: the Swift suite, built on top of the build stage with the tests' own flags
# (`-enable-testing` for their `@testable import`, which compiles every module again). It needs a
# PostgreSQL whose role may CREATE DATABASE, named by DATABASE_URL (compose.test.yml starts one).
# It comes last so that the legacy builder, which builds every stage before the one asked for,
# does not build it for the image (the compose files ask for `target: runtime`).
FROM build AS test
ENV SWIFT_BUILD_FLAGS="-c release -Xswiftc -enable-testing -Xcc -O2"
# hadolint ignore=SC2086
RUN swift build $SWIFT_BUILD_FLAGS --build-tests
# At most 24 tests at once, as in scripts/test: unbounded, the suite ran dozens of nodes at once on
# two cores, up to 539 PostgreSQL sessions of the 600 allowed, and tests failed for the load alone.
ENV SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=24
# Some tests compare the code with what users read (the README's configuration table, the version).
COPY README.md CHANGELOG.md Dockerfile ./
CMD ["sh", "-c", "exec swift test $SWIFT_BUILD_FLAGS --skip-build"]
