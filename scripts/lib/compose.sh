# Finds Docker and a Compose for the scripts a user runs (test --docker, classroom-bundle, the
# one-node check): sets COMPOSE to `docker compose` (v2) or `docker-compose` (>= 1.29), or says in
# one line what is missing and how to get it. Usage: find_compose WHO
find_compose() {
    local who=$1
    if ! command -v docker >/dev/null 2>&1; then
        echo "$who: docker is not installed; install Docker Desktop or Docker Engine (docs.docker.com/get-docker)" >&2
        return 1
    fi
    if ! docker info >/dev/null 2>&1; then
        echo "$who: Docker is installed but its engine does not answer; start Docker Desktop (or dockerd) and try again" >&2
        return 1
    fi
    if docker compose version >/dev/null 2>&1; then
        COMPOSE=(docker compose)
    elif command -v docker-compose >/dev/null 2>&1; then
        local version
        version=$(docker-compose version --short 2>/dev/null || echo 0)
        case $version in
            1.2[89]* | [2-9]*) COMPOSE=(docker-compose) ;;
            *)
                echo "$who: docker-compose $version is too old (1.28 or later, or Docker Compose v2, is needed)" >&2
                return 1
                ;;
        esac
    else
        echo "$who: Docker Compose is missing; install the compose plugin (docker compose) or docker-compose >= 1.28" >&2
        return 1
    fi
}
