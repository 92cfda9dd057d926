#!/usr/bin/env bash
# The fast paths (the CPU and its private caches calling each other directly;
# the last private caches, the crossbar, the home agents and the devices
# calling each other directly) must not change any result: each scenario runs
# with both on, with the fabric path off, and with both off, and every
# stats.json must be byte-identical.
#   fast_path.sh INVALSIM OUTDIR COMMAND:SCENARIO...   (COMMAND is run or validate)
set -eu
invalsim=$1 out=$2
shift 2
rm -rf "$out" && mkdir -p "$out"
variants="on:true:true fabric-off:true:false off:false:false"
for item in "$@"; do
    cmd=${item%%:*} scn=${item#*:}
    name=$cmd-$(basename "$scn" .json)
    for v in $variants; do
        IFS=: read -r label private fabric <<<"$v"
        "$invalsim" "$cmd" -q --scenario "$scn" --set simulation.private_fast_path=$private \
            --set simulation.fabric_fast_path=$fabric --out "$out/$name/$label"
    done
    # A scenario whose caches see no misses would compare nothing of interest.
    grep -q '"misses": [1-9]' "$out/$name/on/stats.json" || { echo "$name: no cache misses"; exit 1; }
    cmp "$out/$name/on/stats.json" "$out/$name/fabric-off/stats.json"
    cmp "$out/$name/on/stats.json" "$out/$name/off/stats.json"
    echo "identical with and without the fast paths: $cmd $scn"
done
