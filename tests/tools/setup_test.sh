#!/usr/bin/env bash
# tools/lib/setup.sh's configure_and_build with a stand-in `cmake` that
# behaves like the real one where it matters: a failed configure leaves
# CMakeCache.txt and no Makefile; `cmake --build` needs the Makefile.
# Checks that a failed configure is retried, and that a run after a
# successful one only builds.
#   setup_test.sh REPO WORKDIR
set -eu
repo=$1 work=$2
rm -rf "$work" && mkdir -p "$work/bin"
log=$work/cmake.log
cat >"$work/bin/cmake" <<'FAKE'
#!/usr/bin/env bash
mode="" build=""
while [ $# -gt 0 ]; do
    case $1 in
        -B) mode=configure build=$2; shift ;;
        --build) mode=build build=$2; shift ;;
    esac
    shift
done
echo "$mode" >>"$FAKE_LOG"
if [ "$mode" = configure ]; then
    mkdir -p "$build" && touch "$build/CMakeCache.txt"
    [ -e "$FAKE_FAIL" ] && exit 1
    touch "$build/Makefile"
    exit 0
fi
[ -f "$build/Makefile" ]
FAKE
chmod +x "$work/bin/cmake"

# One tools/run-style set-up in a fresh shell; prints what cmake was asked.
setup() {
    : >"$log"
    local status=0
    PATH=$work/bin:$PATH FAKE_LOG=$log FAKE_FAIL=$work/fail INVALSIM_BUILD_DIR=$work/build \
        bash -c "set -e; source '$repo/tools/lib/setup.sh'; configure_and_build" >/dev/null 2>&1 || status=$?
    echo "$(tr '\n' ' ' <"$log")exit=$status"
}

expect() {
    local got
    got=$(setup)
    if [ "$got" != "$1" ]; then
        echo "FAIL ($2): expected \"$1\", got \"$got\""
        exit 1
    fi
    echo "ok: $2: $got"
}

touch "$work/fail"
expect "configure exit=1" "a configure that fails stops the set-up"
rm "$work/fail"
expect "configure build exit=0" "the next run configures again"
expect "build exit=0" "once configured, a run only builds"
