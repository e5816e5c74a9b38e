/**
 * piscina worker entry for `giftsim run`: runs chunks of replicates. Thin on purpose; the work
 * is src/run/chunk.ts, the plan arrives once as workerData.
 */
import { workerData } from "piscina";
import { runChunk, runCommunityTask, type ChunkTask, type CommunityTask, type ReplicateFunction, type WorkerContext } from "../src/run/chunk.js";
import { runReplicate } from "../src/sim/index.js";

const context = workerData as WorkerContext;
const replicate: ReplicateFunction = context.replicateModule
  ? ((await import(context.replicateModule)) as { runReplicate: ReplicateFunction }).runReplicate
  : runReplicate;
const hook = process.env.GIFTSIM_TEST_THROW_REPLICATE;
const throwAt = hook === undefined || hook === "" ? undefined : Number(hook);

export default function runTask(task: ChunkTask | CommunityTask) {
  return "community" in task ? runCommunityTask(context, task) : runChunk(context, replicate, task, throwAt);
}
