#!/usr/bin/env bash
# Runs a small sweep on a one-node Slurm cluster started here (Debian's
# slurm-wlm and munge, on localhost, no cgroups), collects it, and checks
# that the CSV equals a local run's. Exits 77 (CTest: skipped) with the
# reason when Slurm cannot start on this machine.
#   slurm_test.sh INVALSIM REPO WORKDIR
set -u
invalsim=$1 repo=$2 work=$3
# The reason goes to stdout and stderr, so that it shows in the test log and
# on a console alike.
skip() { echo "SKIPPED: Slurm cannot run here: $*"; echo "SKIPPED: Slurm cannot run here: $*" >&2; exit 77; }

for t in slurmctld slurmd sbatch squeue munged; do
    command -v "$t" >/dev/null 2>&1 || skip "$t is not installed (Debian packages slurm-wlm and munge)"
done
# Slurm runs as whoever runs the test: root in CI, else the developer (with
# linuxproc tracking and no task plugin, slurmd needs no root of its own).
user=$(id -un)

rm -rf "$work" && mkdir -p "$work/state" "$work/spool" "$work/munge"
conf=$work/slurm.conf
cpus=$(nproc)
cat > "$conf" <<CONF
ClusterName=invalsim-test
SlurmctldHost=localhost
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ReturnToService=2
NodeName=localhost CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$conf

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT

munge_sock=$work/munge/munge.socket
munged --force --socket="$munge_sock" --pid-file="$work/munge/munged.pid" \
       --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed" 2>"$work/munged.err" \
    || skip "munged did not start: $(cat "$work/munged.err")"
pids+=("$(cat "$work/munge/munged.pid" 2>/dev/null)")
# A private munged: Slurm's munge plugin is told where its socket is.
echo "AuthInfo=socket=$munge_sock" >> "$conf"

slurmctld -D -f "$conf" >"$work/slurmctld.out" 2>&1 & pids+=($!)
slurmd -D -f "$conf" >"$work/slurmd.out" 2>&1 & pids+=($!)
for _ in $(seq 1 30); do
    sinfo -h -o %T 2>/dev/null | grep -qE "idle|mixed" && break
    sleep 1
done
sinfo -h -o %T 2>/dev/null | grep -qE "idle|mixed" || skip "the node never came up: $(tail -3 "$work/slurmctld.log" "$work/slurmd.log" 2>/dev/null | tr '\n' ' ')"

scn=$repo/tests/integration/scenarios/inv_policy.json
# Count 0 fails: the collected CSV must carry its error as the local one does.
params=(--scenario "$scn" --param config.home_agents.count=1,0,2 --param "scenario.cpus.cpu0.0.len=4KiB..4GiB*32")
"$invalsim" sweep "${params[@]}" --jobs 2 --out "$work/local" >/dev/null 2>&1
"$invalsim" sweep "${params[@]}" --emit slurm "$work/cluster" --chunk 2 >/dev/null || { echo "emit failed"; exit 1; }
job=$(sbatch --parsable "$work/cluster/sweep.sbatch") || { echo "sbatch failed"; exit 1; }
echo "submitted job array $job"
for _ in $(seq 1 120); do
    [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
    sleep 1
done
[ -z "$(squeue -h -j "$job" 2>/dev/null)" ] || { echo "job array $job did not finish"; exit 1; }
"$invalsim" sweep --collect "$work/cluster"; rc=$?
[ $rc = 1 ] || { echo "collect should report the failed points (exit 1), got $rc"; exit 1; }
grep -q "exit status 2: invalsim: error: .*/home_agents/count" "$work/cluster/results.csv" \
    || { echo "the failed points' errors are missing"; exit 1; }
if cmp -s "$work/local/results.csv" "$work/cluster/results.csv"; then
    echo "Slurm sweep results equal the local run's ($(($(wc -l < "$work/cluster/results.csv") - 1)) points)"
    exit 0
fi
echo "results differ:"; diff "$work/local/results.csv" "$work/cluster/results.csv" | head -5
exit 1
