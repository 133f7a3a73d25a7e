# The software version of a checkout or an unpacked bundle, read from its Dockerfile's
# `ARG VERSION=` line (a test checks that it equals SoftwareVersion.current in the code).
checkout_version() {
    sed -n 's/^ARG VERSION=//p' "${1:-.}/Dockerfile" | head -1
}
