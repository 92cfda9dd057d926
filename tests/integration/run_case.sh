#!/usr/bin/env bash
# One end-to-end case: run invalsim, check its exit status, its output text
# and values in the JSON it wrote.
#   run_case.sh INVALSIM STATS_CHECK OUTDIR EXIT [options] -- ARGS... [--checks EXPR...]
# options: --stdout TEXT / --stderr TEXT (must appear), --json FILE (checked
# file inside OUTDIR, default stats.json). The exit status is kept in
# OUTDIR/exit_status for cases that read other cases' runs.
set -u
invalsim=$1 stats_check=$2 out=$3 want_exit=$4
shift 4
want_stdout=() want_stderr=() json=stats.json
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    case $1 in
        --stdout) want_stdout+=("$2"); shift 2 ;;
        --stderr) want_stderr+=("$2"); shift 2 ;;
        --json) json=$2; shift 2 ;;
        *) echo "run_case: unknown option $1"; exit 2 ;;
    esac
done
shift  # the --
args=() checks=()
while [ $# -gt 0 ] && [ "$1" != "--checks" ]; do args+=("$1"); shift; done
[ $# -gt 0 ] && shift && checks=("$@")

rm -rf "$out" && mkdir -p "$out"
"$invalsim" "${args[@]}" >"$out/stdout.txt" 2>"$out/stderr.txt"
status=$?
echo "$status" >"$out/exit_status"
fail=0
if [ "$status" != "$want_exit" ]; then
    echo "exit status $status, expected $want_exit"
    fail=1
fi
for t in "${want_stdout[@]+"${want_stdout[@]}"}"; do
    grep -qF -- "$t" "$out/stdout.txt" || { echo "stdout lacks: $t"; fail=1; }
done
for t in "${want_stderr[@]+"${want_stderr[@]}"}"; do
    grep -qF -- "$t" "$out/stderr.txt" || { echo "stderr lacks: $t"; fail=1; }
done
if [ ${#checks[@]} -gt 0 ]; then
    "$stats_check" "$out/$json" "${checks[@]}" || fail=1
fi
if [ $fail != 0 ]; then
    echo "--- command: $invalsim ${args[*]}"
    echo "--- stdout:"; cat "$out/stdout.txt"
    echo "--- stderr:"; cat "$out/stderr.txt"
fi
exit $fail
