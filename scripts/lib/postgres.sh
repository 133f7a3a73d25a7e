# Starts a throwaway PostgreSQL cluster for tests and benchmarks; sourced by scripts/*.
# Installs Debian's postgresql when it is missing and we are root; never runs the server as root.
# After `start_throwaway_postgres`, DATABASE_URL points at it and PG_THROWAWAY_DIR holds it;
# `stop_throwaway_postgres` (registered on EXIT) stops it and removes its files.

postgres_bin_dir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

start_throwaway_postgres() {
    local bin
    if ! bin=$(postgres_bin_dir); then
        if [ "$(id -u)" = 0 ]; then
            echo "postgres: installing Debian's postgresql" >&2
            apt-get update -qq >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
            bin=$(postgres_bin_dir)
        else
            echo "postgres: PostgreSQL is not installed and we are not root; set DATABASE_URL" >&2
            return 1
        fi
    fi
    local port=${PG_THROWAWAY_PORT:-$((20000 + RANDOM % 20000))}
    PG_THROWAWAY_DIR=$(mktemp -d /tmp/website-pg.XXXXXX)
    local run=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres:postgres "$PG_THROWAWAY_DIR"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bin/initdb" -D "$PG_THROWAWAY_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
    # TLS too (a certificate for localhost from a throwaway authority), for the sslmode tests.
    local tls_options=""
    if command -v openssl >/dev/null; then
        local ssl="$PG_THROWAWAY_DIR/data"
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=test ca" \
            -keyout "$PG_THROWAWAY_DIR/ca.key" -out "$PG_THROWAWAY_DIR/ca.pem" 2>/dev/null
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
            -keyout "$ssl/server.key" -out "$PG_THROWAWAY_DIR/server.csr" 2>/dev/null
        printf 'subjectAltName=DNS:localhost\n' >"$PG_THROWAWAY_DIR/server.ext"
        openssl x509 -req -in "$PG_THROWAWAY_DIR/server.csr" -CA "$PG_THROWAWAY_DIR/ca.pem" \
            -CAkey "$PG_THROWAWAY_DIR/ca.key" -CAcreateserial -days 2 -extfile "$PG_THROWAWAY_DIR/server.ext" \
            -out "$ssl/server.crt" 2>/dev/null
        chmod 600 "$ssl/server.key"
        chmod 644 "$PG_THROWAWAY_DIR/ca.pem"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$ssl/server.key" "$ssl/server.crt"
        tls_options="-c ssl=on"
        export PG_THROWAWAY_CA="$PG_THROWAWAY_DIR/ca.pem"
    fi
    "${run[@]}" "$bin/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/log" -w -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $PG_THROWAWAY_DIR -c max_connections=600 $tls_options ${PG_THROWAWAY_OPTIONS:--c fsync=off -c synchronous_commit=off}" \
        start >/dev/null
    export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
    export PG_THROWAWAY_BIN=$bin
    trap stop_throwaway_postgres EXIT
    echo "postgres: throwaway cluster on 127.0.0.1:$port" >&2
}

stop_throwaway_postgres() {
    [ -n "${PG_THROWAWAY_DIR:-}" ] || return 0
    local run=()
    [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_THROWAWAY_DIR"
    PG_THROWAWAY_DIR=
}
