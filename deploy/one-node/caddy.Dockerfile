# Caddy from Debian's package, as the TLS front of one node (tls.yml). Debian's own build, so that
# an offline mirror of Debian is all a machine needs.
ARG RUNTIME_IMAGE=debian:bookworm-slim
FROM ${RUNTIME_IMAGE}
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends caddy ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && (id caddy >/dev/null 2>&1 || useradd --system --home-dir /data caddy) \
    && mkdir -p /data /config \
    && chown caddy:caddy /data /config
ENV XDG_DATA_HOME=/data XDG_CONFIG_HOME=/config
USER caddy
EXPOSE 8443
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
