#!/usr/bin/env bash
# The private fast path (CPU and private caches calling each other directly)
# must not change any result: each scenario runs with it on and off, and the
# two stats.json files must be byte-identical.
#   fast_path.sh INVALSIM OUTDIR COMMAND:SCENARIO...   (COMMAND is run or validate)
set -eu
invalsim=$1 out=$2
shift 2
rm -rf "$out" && mkdir -p "$out"
for item in "$@"; do
    cmd=${item%%:*} scn=${item#*:}
    name=$cmd-$(basename "$scn" .json)
    for fast in true false; do
        "$invalsim" "$cmd" -q --scenario "$scn" --set simulation.private_fast_path=$fast \
            --out "$out/$name/$fast"
    done
    # A scenario whose caches see no misses would compare nothing of interest.
    grep -q '"misses": [1-9]' "$out/$name/true/stats.json" || { echo "$name: no cache misses"; exit 1; }
    cmp "$out/$name/true/stats.json" "$out/$name/false/stats.json"
    echo "identical with and without the fast path: $cmd $scn"
done
