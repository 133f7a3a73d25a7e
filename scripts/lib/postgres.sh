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
    "${run[@]}" "$bin/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/log" -w -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $PG_THROWAWAY_DIR -c max_connections=300 ${PG_THROWAWAY_OPTIONS:--c fsync=off -c synchronous_commit=off}" \
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
