# The guides as tests (sourced after scripts/lib/docker.sh): runs the command blocks of the
# documents that are marked `<!-- guide-test: NAME -->` (scripts/guide-blocks), as pasted, in the
# current directory and shell, and after each the caller's check of what it teaches:
#   guide_before NAME    (optional) called before a block runs, to note what the check compares
#   check_guide_block NAME   the check; it calls fail, or returns
#   run_guide_blocks PREFIX "NAME …" FILE…   the blocks whose names start with PREFIX, which must be
#                                            exactly the names given, in that order
# Substitutions only for a machine without a registry or Compose v2, and for the one value a guide
# leaves to the reader: `docker compose` runs Debian's docker-compose when the plugin is missing;
# the public database image's name runs this machine's stand-in; and, when the caller sets them,
# the guides' example address 192.0.2.10 (TEST-NET-1, which no machine has) becomes
# $GUIDE_ADDRESS, and `docker stack deploy` also reads $GUIDE_STACK_STANDIN (the stack's
# databases on the stand-in image).
docker() {
    if [ "${1:-}" = compose ] && ! command docker compose version >/dev/null 2>&1; then
        shift
        command docker-compose "$@"
        return
    fi
    local args=() arg
    for arg in "$@"; do
        [ "$arg" = postgres:15-bookworm ] && arg=$STANDIN_POSTGRES
        [ "$arg" = 192.0.2.10 ] && [ -n "${GUIDE_ADDRESS:-}" ] && arg=$GUIDE_ADDRESS
        args+=("$arg")
    done
    if [ "${1:-}" = stack ] && [ "${2:-}" = deploy ] && [ -n "${GUIDE_STACK_STANDIN:-}" ]; then
        # The stack's name comes last; the stand-in file goes just before it.
        args=("${args[@]:0:$((${#args[@]} - 1))}" -c "$GUIDE_STACK_STANDIN" "${args[-1]}")
    fi
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
