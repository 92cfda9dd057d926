#!/usr/bin/env bash
# Reruns `invalsim validate` on a scenario from another working directory,
# naming the scenario by a relative path there, and requires a stats.json
# byte-identical to the reference run's: same inputs and seed, same
# statistics, wherever and whenever it runs.
#   same_stats_elsewhere.sh INVALSIM SCENARIO REFERENCE_STATS WORKDIR
set -eu
invalsim=$1 scenario=$2 reference=$3 work=$4
rm -rf "$work" && mkdir -p "$work/cwd"
cd "$work/cwd"
rel=$(realpath --relative-to=. "$scenario")
"$invalsim" validate -q --scenario "$rel" --out "$work/out"
cmp "$reference" "$work/out/stats.json"
echo "identical: $scenario"
