# Shared by the scripts that drive a Docker engine (compose-e2e, swarm-e2e, podman-e2e,
# classroom-e2e, test --docker on CI): step timing, the Debian tools, a Docker engine, and local
# stand-ins for the base images (no registry is reachable here). The stand-ins live under names of
# their own, never the public ones, so a user's real images are left alone; the Dockerfile and
# the compose files take them through Tests/compose/standin-images.yml (build arguments and images):
#   head-lookup-standin/debian:bookworm-slim  debootstrap of Debian bookworm from the mirror apt uses
#   head-lookup-standin/swift:6.3.1-bookworm  the same, plus this machine's Swift toolchain and package copies
#   head-lookup-standin/postgres:15-bookworm  the same, plus Debian's PostgreSQL 15 behind an entrypoint
#       that honours POSTGRES_USER / POSTGRES_PASSWORD(_FILE) / POSTGRES_DB like the official image
# A stand-in whose tag exists is not built again (the postgres one also not while its entrypoint
# is unchanged). Needs ROOT (the repository) and WORK (a scratch folder) set.
# Under pipefail, `command | grep -q` fails when grep stops reading at its first match and the
# command then fails to write the rest (curl: "(23) Failed writing body"): these scripts grep with
# `>/dev/null` instead, which reads to the end.
STANDIN_DEBIAN=head-lookup-standin/debian:bookworm-slim
STANDIN_SWIFT=head-lookup-standin/swift:6.3.1-bookworm
STANDIN_POSTGRES=head-lookup-standin/postgres:15-bookworm
STANDIN_COMPOSE=$ROOT/Tests/compose/standin-images.yml
MIRROR=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
mkdir -p "$WORK"

step_started=0
passed=0
step() { step_started=$(date +%s.%N); printf '== %s\n' "$*"; }
done_step() { printf '   %.1f s\n' "$(echo "$(date +%s.%N) - $step_started" | bc)"; }
check_passed() { passed=$((passed + 1)); done_step; }
SCRIPT=$(basename "$0")
fail() { echo "FAIL: $*" >&2; echo "$SCRIPT: $passed passed, 1 failed"; exit 1; }

[ "$(id -u)" = 0 ] || { echo "$SCRIPT needs root (it starts dockerd)"; exit 1; }

step "tools (docker.io, docker-compose, debootstrap)"
if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null || ! command -v debootstrap >/dev/null \
    || ! command -v bc >/dev/null; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io docker-compose debootstrap bc >/dev/null
fi
done_step

step "docker engine"
if ! docker info >/dev/null 2>&1; then
    nohup dockerd --default-runtime=runc >"$WORK/dockerd.log" 2>&1 &
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    docker info >/dev/null 2>&1 || { tail -20 "$WORK/dockerd.log"; fail "dockerd did not start"; }
fi
done_step

# debootstrap a minbase bookworm with extra packages; prints the folder. (The images built from
# it are the cache: a stand-in whose tag exists is not built again.)
bootstrap() {
    local name=$1 include=$2 dir="$WORK/rootfs-$1"
    rm -rf "$dir"
    debootstrap --variant=minbase ${include:+--include="$include"} bookworm "$dir" "$MIRROR" >"$WORK/debootstrap-$name.log" 2>&1 \
        || { tail -20 "$WORK/debootstrap-$name.log" >&2; fail "debootstrap $name"; }
    rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/archives/*.deb
    echo "$dir"
}

step "stand-in $STANDIN_DEBIAN"
if ! docker image inspect "$STANDIN_DEBIAN" >/dev/null 2>&1; then
    dir=$(bootstrap debian "ca-certificates")
    tar -C "$dir" -c . | docker import --change 'CMD ["bash"]' - "$STANDIN_DEBIAN" >/dev/null
    rm -rf "$dir"
fi
done_step

step "stand-in $STANDIN_POSTGRES"
entrypoint_sum=$(sha256sum "$ROOT/scripts/lib/postgres-entrypoint.sh" | cut -c1-16)
if [ "$(docker image inspect -f '{{index .Config.Labels "entrypoint"}}' "$STANDIN_POSTGRES" 2>/dev/null)" != "$entrypoint_sum" ]; then
    dir=$(bootstrap postgres "postgresql-15")
    install -m 0755 "$ROOT/scripts/lib/postgres-entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
    tar -C "$dir" -c . | docker import \
        --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV PGDATA=/var/lib/postgresql/data' \
        --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' --change 'CMD ["postgres"]' \
        --change 'EXPOSE 5432' --change "LABEL entrypoint=$entrypoint_sum" - "$STANDIN_POSTGRES" >/dev/null
    rm -rf "$dir"
fi
done_step

step "stand-in $STANDIN_SWIFT"
if ! docker image inspect "$STANDIN_SWIFT" >/dev/null 2>&1; then
    dir=$(bootstrap swift "binutils,ca-certificates,git,gnupg2,libc6-dev,libcurl4-openssl-dev,libedit2,libgcc-12-dev,libncurses6,libpython3.11,libsqlite3-0,libstdc++-12-dev,libxml2-dev,libz3-dev,pkg-config,tzdata,zlib1g-dev")
    mkdir -p "$dir/opt"
    cp -a /opt/swift "$dir/opt/swift"
    cp -a /opt/swift-packages "$dir/opt/swift-packages"
    printf '[url "/opt/swift-packages/"]\n\tinsteadOf = https://github.com/\n' >"$dir/etc/gitconfig"
    tar -C "$dir" -c . | docker import \
        --change 'ENV PATH=/opt/swift/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' - "$STANDIN_SWIFT" >/dev/null
    rm -rf "$dir"
fi
done_step

# A name's federation-wide total on the node published at 127.0.0.1:PORT (0 while it does not answer).
count() { curl -fsS "http://127.0.0.1:$1/api/v1/heads/$2" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalCount"])' 2>/dev/null || echo 0; }
wait_count() {  # port name expected
    for _ in $(seq 1 300); do [ "$(count "$1" "$2")" = "$3" ] && return 0; sleep 0.1; done
    return 1
}

# The node's image from the repository's Dockerfile on the stand-in base images, with its labels'
# revision and source from git (what scripts/classroom-bundle does on a user's machine).
build_website_image() {
    docker build --target runtime --build-arg SWIFT_IMAGE="$STANDIN_SWIFT" --build-arg RUNTIME_IMAGE="$STANDIN_DEBIAN" \
        --build-arg REVISION="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" \
        -t head-lookup-website:latest "$ROOT" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; fail "build"; }
}
