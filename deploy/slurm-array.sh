#!/usr/bin/env bash
# A giftsim study as a Slurm job array: task i (1..n) runs shard i/n into runs/shard-i.
#   jobid=$(sbatch --parsable deploy/slurm-array.sh scenarios/battle-night.yaml)
#   sbatch --dependency=afterok:$jobid --wrap "npx giftsim merge runs/shard-* --out runs/merged"
# Requeued or resubmitted tasks continue their shard (--resume). giftsim is the checkout's own
# (run `npm ci` in it first), so every task runs the same version. See docs/fanout.md.
#SBATCH --job-name=giftsim-study
#SBATCH --array=1-3
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=12:00:00
#SBATCH --requeue
#SBATCH --output=runs/slurm-%A_%a.log
set -euo pipefail

STUDY=${1:?usage: sbatch deploy/slurm-array.sh STUDY.yaml}
SEED=${SEED:-7}
REPLICATES=${REPLICATES:-1000}
SHARDS=${SLURM_ARRAY_TASK_COUNT:?run this under sbatch --array}
SHARD=${SLURM_ARRAY_TASK_ID}

mkdir -p runs
exec npx giftsim run "$STUDY" \
  --seed "$SEED" --replicates "$REPLICATES" \
  --shard "$SHARD/$SHARDS" --out "runs/shard-$SHARD" \
  --workers "${SLURM_CPUS_PER_TASK:-1}" --resume --quiet
