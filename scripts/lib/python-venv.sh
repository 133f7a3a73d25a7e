# The test scripts' Python packages live in a virtual environment of the checkout (.venv-tests),
# never in the system's Python (Debian 12's refuses pip as "externally managed").
# `use_test_venv MODULE... -- PACKAGE...` makes `python3` that environment's and installs the
# packages when one of the modules does not import. Installs Debian's python3-venv as root when
# the venv module is missing.
use_test_venv() {
    local modules=() packages=() venv
    while [ $# -gt 0 ] && [ "$1" != -- ]; do modules+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    packages=("$@")
    venv="$(pwd)/.venv-tests"
    if [ ! -x "$venv/bin/python3" ]; then
        if ! python3 -m venv "$venv" >/dev/null 2>&1; then
            rm -rf "$venv"
            if [ "$(id -u)" = 0 ]; then
                apt-get update -qq >/dev/null
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
            fi
            python3 -m venv "$venv"
        fi
    fi
    export PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv"
    local imports
    imports=$(IFS=,; echo "${modules[*]}")
    if [ -n "$imports" ] && ! python3 -c "import $imports" 2>/dev/null; then
        python3 -m pip install -q --disable-pip-version-check "${packages[@]}"
    fi
}
