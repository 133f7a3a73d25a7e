# The guides as tests (sourced after scripts/lib/docker.sh): runs the command blocks of the
# documents that are marked `<!-- guide-test: NAME -->` (scripts/guide-blocks), as pasted, in the
# current directory and shell, and after each the caller's check of what it teaches:
#   guide_before NAME    (optional) called before a block runs, to note what the check compares
#   check_guide_block NAME   the check; it calls fail, or returns
#   run_guide_blocks PREFIX "NAME …" FILE…   the blocks whose names start with PREFIX, which must be
#                                            exactly the names given, in that order
# Two substitutions only, for a machine without a registry or Compose v2: `docker compose` runs
# Debian's docker-compose when the plugin is missing, and the public database image's name runs
# this machine's stand-in.
docker() {
    if [ "${1:-}" = compose ] && ! command docker compose version >/dev/null 2>&1; then
        shift
        command docker-compose "$@"
        return
    fi
    local args=() arg
    for arg in "$@"; do
        [ "$arg" = postgres:15-bookworm ] && arg=$STANDIN_POSTGRES
        args+=("$arg")
    done
    command docker "${args[@]}"
}
guide_block() {
    echo "   $1 ($2)"
    if declare -F guide_before >/dev/null; then guide_before "$1"; fi
}
guide_check() {
    guide_ran+=("$1")
    check_guide_block "$1"
}
run_guide_blocks() {
    local prefix=$1 expected=$2 blocks
    shift 2
    blocks=$(cd "$ROOT" && scripts/guide-blocks "$prefix" "$@") || fail "the guides' marked blocks do not parse"
    guide_ran=()
    eval "$blocks"
    [ "${guide_ran[*]}" = "$expected" ] \
        || fail "the guides' marked blocks (${guide_ran[*]}) are not the ones checked here ($expected)"
}
