# Build: the official Swift image compiles a release binary with the static Swift standard library.
FROM swift:6.3.1-bookworm AS build
WORKDIR /build
# Dependency resolution is its own layer: it is redone only when Package.swift changes.
COPY Package.swift ./
RUN swift package resolve
# The manifest names a test target, so its folder must exist (it is not built here).
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product website --static-swift-stdlib \
    && mkdir /staging \
    && cp "$(swift build -c release --show-bin-path)/website" /staging/ \
    && cp -R "$(swift build -c release --show-bin-path)/website_Website.resources" /staging/ \
    && strip /staging/website

# Run: a slim Debian with CA certificates, curl for the health check, and the network tools the
# site is used to teach with (ping, ip).
FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl iputils-ping iproute2 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin website
WORKDIR /app
COPY --from=build /staging /app
COPY config /app/config
USER 10001
# config/ is a folder so that a mounted one follows edits made by rename (vim, sed -i).
ENV HTTP_HOST=0.0.0.0 HTTP_PORT=8080 PEERS_FILE=/app/config/peers BLOCKLIST_FILE=/app/config/blocklist
EXPOSE 8080
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=5 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/readyz"]
ENTRYPOINT ["/app/website"]
