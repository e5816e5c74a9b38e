/**
 * `giftsim run --communities i/n`: slice i of n of every replicate's communities, for a study of
 * fewer replicates than machines. Each (cell, replicate) with K communities (sim/community.ts)
 * runs communities [floor((i-1)K/n), floor(iK/n)) of it, the cut --shard makes of replicates, on
 * the worker pool, one community a task; each part is appended to the slice folder's parts.bin
 * (slice-folder.ts) before it counts as done, so an interrupted slice resumes where it stopped.
 * Nothing is joined here: `giftsim merge` joins the n slices' parts in community order
 * (merge-slices.ts) into the run folder one machine would have written.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { errors, writeFailureCode } from "../errors.js";
import { giftsimVersion } from "../install.js";
import type { ScenarioPlan } from "../scenario/index.js";
import { communityCount, type ReplicatePart } from "../sim/index.js";
import { writeFileAtomic } from "./atomic-file.js";
import { openCheckpoint, type CheckpointWriter } from "./checkpoint.js";
import { replicateInput, type CommunityTask, type ReplicateFailure, type WorkerContext } from "./chunk.js";
import { feed } from "./feed.js";
import { createReplicatePool } from "./pool.js";
import { runHeader, workerContext, type RunProgress } from "./run.js";
import { sliceOf, type Shard } from "./shard.js";
import { PARTS_FILE, PARTS_LOG, SLICE_MANIFEST, type CommunityPart, type SliceManifest } from "./slice-folder.js";

/** How to run a slice; none of it changes the parts. */
export interface SliceOptions {
  out: string;
  communities: Shard;
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
  resume?: boolean;
  /** Aborting stops the slice, keeping every finished part (SIGINT). */
  signal?: AbortSignal;
  /** Progress in parts (communities of a replicate), not replicates. */
  onProgress?: (progress: RunProgress) => void;
}

/** How a slice ended; `done` and `total` count parts. */
export type SliceOutcome =
  | { state: "finished"; dir: string; manifest: SliceManifest; resumed: number; elapsedMs: number }
  | { state: "failed"; dir: string; failures: ReplicateFailure[]; done: number; total: number }
  | { state: "interrupted"; dir: string; done: number; total: number };

/** A community to run, with the count of its replicate's communities (recorded with its part). */
interface SliceTask {
  task: CommunityTask;
  communities: number;
}

/**
 * Runs slice `options.communities` of `plan` into `options.out`. A write that fails on the way
 * throws errors.writeFailed (exit 1) saying how many parts are safe for --resume.
 */
export async function runSlice(plan: ScenarioPlan, options: SliceOptions): Promise<SliceOutcome> {
  const started = performance.now();
  const dir = options.out;
  const slice = options.communities;
  const { writer, done: found, lock } = await openCheckpoint(dir, { ...runHeader(plan, null), communities: slice }, options.resume ?? false, PARTS_LOG);
  const context = workerContext(plan);
  const key = ({ cell, replicate, community }: CommunityTask) => `${cell}/${replicate}/${community}`;
  const done = new Set(found.map(key));
  let simulatedEvents = found.reduce((total, { part }) => total + part.sums.events, 0);
  const todo: SliceTask[] = [];
  let total = 0;
  plan.scenario.cells.forEach((_, cell) => {
    for (let replicate = 0; replicate < plan.replicates; replicate++) {
      const communities = communityCount(replicateInput(context, cell, replicate).config);
      const { from, to } = sliceOf(communities, slice);
      total += to - from;
      for (let community = from; community < to; community++) if (!done.has(key({ cell, replicate, community }))) todo.push({ task: { cell, replicate, community }, communities });
    }
  });
  const resumed = done.size;
  const failures: ReplicateFailure[] = [];
  const progress = () => options.onProgress?.({ done: done.size, total, resumed, simulatedEvents, elapsedMs: performance.now() - started });
  try {
    progress();
    const interrupted = await runParts(todo, options, context, writer, (outcome) => {
      if (outcome.failure !== undefined) return void failures.push(outcome.failure);
      done.add(key(outcome.task));
      simulatedEvents += outcome.events;
      progress();
    });
    if (interrupted) return { state: "interrupted", dir, done: done.size, total };
    if (failures.length > 0) {
      failures.sort((a, b) => a.cell - b.cell || a.replicate - b.replicate);
      return { state: "failed", dir, failures, done: done.size, total };
    }
    const manifest: SliceManifest = {
      format: "giftsim-slice/1",
      giftsim: giftsimVersion(),
      node: process.version,
      scenario: { name: plan.scenario.name, hash: plan.hash },
      seed: plan.seed,
      replicates: plan.replicates,
      communities: slice,
      parts: done.size,
      simulatedEvents,
      checksums: { algorithm: "sha256", parts: createHash("sha256").update(readFileSync(join(dir, PARTS_FILE))).digest("hex") },
    };
    writeFileAtomic(join(dir, SLICE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return { state: "finished", dir, manifest, resumed, elapsedMs: performance.now() - started };
  } catch (error) {
    const code = writeFailureCode(error);
    if (code === undefined) throw error;
    throw errors.writeFailed(dir, (error as NodeJS.ErrnoException).path, code, done.size, total, "parts");
  } finally {
    lock.release();
  }
}

/** What became of one community: its part appended (and its events), or a failure. */
type PartOutcome = { task: CommunityTask; events: number; failure?: undefined } | { task: CommunityTask; failure: ReplicateFailure };

/** Runs `todo` on the pool, appending each sound part to `writer`; returns whether the run was interrupted. The writer is closed on return. */
async function runParts(
  todo: readonly SliceTask[],
  options: SliceOptions,
  context: WorkerContext,
  writer: CheckpointWriter<CommunityPart>,
  onPart: (outcome: PartOutcome) => void,
): Promise<boolean> {
  try {
    if (todo.length === 0) return false;
    const threads = Math.max(1, Math.min(options.workers ?? availableParallelism(), todo.length));
    const pool = createReplicatePool(threads, context);
    let at = 0;
    const tasks = { next: () => (at < todo.length ? todo[at++] : undefined) };
    return await feed<SliceTask, ReplicatePart>(tasks, threads * 2, options.signal, pool, ({ task }) => pool.runCommunity(task), async ({ task, communities }, part) => {
      const { cell, replicate, community } = task;
      if (part instanceof Error || part.failures.length > 0) {
        const reason = part instanceof Error ? `community ${community}: ${part.message}` : part.failures.join("; ");
        const seed = replicateInput(context, cell, replicate).seed;
        return onPart({ task, failure: { cell, replicate, seed, kind: part instanceof Error ? "threw" : "audit", reason } });
      }
      await writer.append([{ cell, replicate, community, communities, part }]);
      onPart({ task, events: part.sums.events });
    });
  } finally {
    await writer.close();
  }
}
