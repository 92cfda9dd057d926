#!/usr/bin/env bash
# The same inputs give byte-identical stats.json, from different working
# directories too.
set -eu
invalsim=$1 out=$2
shift 2
rm -rf "$out" && mkdir -p "$out/a" "$out/b"
for scn in "$@"; do
    name=$(basename "$scn" .json)
    (cd "$out/a" && "$invalsim" run -q --scenario "$scn" --out "$out/a/$name")
    (cd "$out/b" && "$invalsim" run -q --scenario "$scn" --out "$out/b/$name")
    cmp "$out/a/$name/stats.json" "$out/b/$name/stats.json"
done
echo "identical: $*"
