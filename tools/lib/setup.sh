# Shared set-up for tools/run and tools/test: install missing Debian
# packages, configure when needed, build incrementally. Sourced, not executed.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${INVALSIM_BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-2}

# Everything the build, the tests and the tools need, all from Debian 12.
PACKAGES=(cmake make g++ pkg-config libsystemc-dev libboost-program-options-dev
          nlohmann-json3-dev catch2 python3 python3-matplotlib)
# Only the test suite needs these (a one-node Slurm for the cluster-sweep test).
TEST_PACKAGES=(slurm-wlm munge)
# Only tools/fuzz needs these (libFuzzer comes with clang's runtime).
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
    done
}

# ensure_packages [extra packages...]
ensure_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "setup: this is not a Debian system; install by hand: ${PACKAGES[*]}" >&2
        echo "setup: (SystemC 2.3.4 with TLM, Boost.Program_options, nlohmann/json 3, Catch2 v2, CMake >= 3.25)" >&2
        return 0
    fi
    local missing
    missing=$(missing_packages "${PACKAGES[@]}" "$@" | tr '\n' ' ')
    [ -z "${missing// /}" ] && return 0
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "setup: missing Debian packages: $missing" >&2
            echo "setup: run as root, or: apt-get install $missing" >&2
            exit 1
        fi
    fi
    echo "setup: installing $missing"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

# Configures whenever the generated build system is missing: in a fresh
# clone, and after a configure that failed, which leaves CMakeCache.txt but
# writes no Makefile. Once it exists, `cmake --build` re-runs CMake by itself
# when a CMakeLists.txt changes, so a second run only checks timestamps.
configure_and_build() {
    if [ ! -f "$BUILD_DIR/Makefile" ] && [ ! -f "$BUILD_DIR/build.ninja" ]; then
        cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release "$@"
    fi
    cmake --build "$BUILD_DIR" -j "$JOBS"
}
