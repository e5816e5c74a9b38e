/**
 * Runs a scenario plan into an output folder: the replicates not yet in the folder's checkpoint
 * are cut into chunks and fed to the worker pool, a few tasks ahead of the threads so none
 * idles; each finished chunk is appended to the checkpoint before it counts as done; when all
 * are done the final files are written from the checkpoint's records in plan order. A replicate
 * of a world cut into communities (sim/community.ts) is spread over the threads one community a
 * task and joined in community order as its parts come back (community-join.ts), so a plan of
 * one big replicate uses every thread, with the same result on any number of them; it counts as
 * done, and enters the checkpoint, when its last community is joined.
 */
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { errors, writeFailureCode } from "../errors.js";
import { METRIC_NAMES, STREAM_COLUMNS, TIMESERIES_COLUMNS, communityCount, runReplicate, type ReplicatePart } from "../sim/index.js";
import { assembleEventLog, writeEventPart } from "./event-log.js";
import type { ScenarioPlan } from "../scenario/index.js";
import { RECORDS_LOG, openCheckpoint, type CheckpointHeader, type CheckpointWriter } from "./checkpoint.js";
import { checkWritableFile } from "./make-folder.js";
import { cellEconomy, replicateInput, unpackChunk, type ChunkResult, type CommunityTask, type ReplicateFailure, type WorkerContext } from "./chunk.js";
import { createCommunityJoin } from "./community-join.js";
import { inPlanOrder, writeRunOutputs, type Manifest } from "./finalize.js";
import { feed } from "./feed.js";
import { createReplicatePool } from "./pool.js";
import type { ReplicateRecord } from "./record.js";
import { shardReplicates, type Shard } from "./shard.js";
import type { Summary } from "./summary.js";
import { giftsimVersion } from "../install.js";

/** How to execute a plan; none of it changes the results. */
export interface RunOptions {
  out: string;
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
  /** Replicates per task; default sized so each thread gets several tasks. */
  chunk?: number;
  resume?: boolean;
  shard?: Shard | null;
  /** Aborting stops the run, keeping every finished replicate (SIGINT). */
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** A module exporting runReplicate to use instead of the simulation's (tests). */
  replicateModule?: string;
  /** Also write the raw event log to this file: Parquet when it ends in .parquet, else CSV. */
  eventsOut?: string;
  /** Also write replicates, streams and timeseries as Parquet. */
  parquet?: boolean;
}

/** Progress of a run, reported after each chunk. */
export interface RunProgress {
  /** Replicates done, including those found in the checkpoint. */
  done: number;
  total: number;
  /** Replicates found done in the checkpoint when the run started. */
  resumed: number;
  /** Events simulated by this process so far (not counting resumed replicates). */
  simulatedEvents: number;
  elapsedMs: number;
}

/** How a run ended. */
export type RunOutcome =
  | {
      state: "finished";
      dir: string;
      manifest: Manifest;
      summary: Summary;
      /** Every replicate's results, in plan order. */
      records: ReplicateRecord[];
      resumed: number;
      elapsedMs: number;
      simulatedEvents: number;
    }
  | { state: "failed"; dir: string; failures: ReplicateFailure[]; done: number; total: number }
  | { state: "interrupted"; dir: string; done: number; total: number };

/** The checkpoint header of `plan` run as `shard`. */
export function runHeader(plan: ScenarioPlan, shard: Shard | null): CheckpointHeader {
  return {
    format: "giftsim-checkpoint/1",
    giftsim: giftsimVersion(),
    scenarioHash: plan.hash,
    seed: plan.seed,
    replicates: plan.replicates,
    shard,
    columns: { metrics: METRIC_NAMES, streams: STREAM_COLUMNS, timeseries: TIMESERIES_COLUMNS },
    scenario: plan.scenario,
  };
}

/** What workers need to know of the plan. */
export function workerContext(plan: ScenarioPlan, replicateModule?: string, eventsDir?: string): WorkerContext {
  return {
    masterSeed: plan.seed,
    scenarioHash: plan.hash,
    configs: plan.scenario.cells.map((cell) => cell.config),
    economies: plan.economies,
    arms: plan.scenario.cells.map((cell) => cell.arm),
    pointIndices: plan.scenario.cells.map((cell) => cell.pointIndex),
    replicateModule,
    eventsDir,
    worlds: plan.scenario.worlds,
  };
}

/** Where workers put per-replicate event log parts inside the run folder. */
const EVENT_PARTS = "events.parts";

/** Wall time of work a task should carry when sized adaptively: short enough that Ctrl-C, a kill or the tail of a run loses little, long enough that per-task costs (about 12 us in the pool, one fsync per chunk) vanish. */
const TARGET_TASK_MS = 250;
const MAX_CHUNK = 64;

/**
 * Cuts the pending (cell, replicate) pairs into tasks. With a fixed `chunk`, every task has that
 * many replicates; otherwise the first tasks hold one replicate each, and later ones are sized
 * from the measured time per replicate to about TARGET_TASK_MS, never more than a quarter of a
 * thread's share of what is left (so the tail stays balanced). Task size never affects results.
 */
export function chunker(pending: readonly number[], threads: number, chunk?: number) {
  let at = 0;
  let done = 0;
  const started = performance.now();
  return {
    next(): Int32Array | undefined {
      if (at >= pending.length) return undefined;
      const remaining = (pending.length - at) / 2;
      let size = chunk;
      if (size === undefined) {
        const msPerReplicate = done === 0 ? Number.POSITIVE_INFINITY : ((performance.now() - started) * threads) / done;
        size = Math.max(1, Math.min(MAX_CHUNK, Math.floor(TARGET_TASK_MS / msPerReplicate), Math.ceil(remaining / (threads * 4))));
      }
      const items = Int32Array.from(pending.slice(at, at + size * 2));
      at += items.length;
      return items;
    },
    /** Counts finished replicates, for the time per replicate. */
    finished(replicates: number) {
      done += replicates;
    },
  };
}

/**
 * Runs `plan` into `options.out`. A write that fails on the way (disk full, read-only) throws
 * errors.writeFailed (exit 1) saying how many replicates are safe for --resume.
 */
export async function runPlan(plan: ScenarioPlan, options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const shard = options.shard ?? null;
  const dir = options.out;
  const header = runHeader(plan, shard);
  const eventsDir = options.eventsOut === undefined ? undefined : join(dir, EVENT_PARTS);
  // The event log is written last: a folder it cannot go in is refused before the work, not after.
  if (options.eventsOut !== undefined) checkWritableFile("--events-out", options.eventsOut);
  const { writer, done: found, lock } = await openCheckpoint(dir, header, options.resume ?? false, RECORDS_LOG);
  const range = shardReplicates(plan.replicates, shard);
  const key = (cell: number, replicate: number) => cell * plan.replicates + replicate;
  const records = new Map<number, ReplicateRecord>();
  for (const record of found) {
    if (record.cell < plan.scenario.cells.length && record.replicate >= range.from && record.replicate < range.to) records.set(key(record.cell, record.replicate), record);
  }
  const total = plan.scenario.cells.length * (range.to - range.from);
  try {
    return await runInto({ plan, options, started, header, eventsDir, range, key, records, total, writer });
  } catch (error) {
    const code = writeFailureCode(error);
    if (code === undefined) throw error;
    throw errors.writeFailed(dir, (error as NodeJS.ErrnoException).path, code, records.size, total);
  } finally {
    lock.release();
  }
}

interface RunState {
  plan: ScenarioPlan;
  options: RunOptions;
  started: number;
  header: CheckpointHeader;
  eventsDir: string | undefined;
  range: { from: number; to: number };
  key: (cell: number, replicate: number) => number;
  /** Finished replicates by key, those found in the checkpoint first. */
  records: Map<number, ReplicateRecord>;
  total: number;
  writer: CheckpointWriter;
}

/** Runs the replicates not in `records` yet, then writes the folder's final files. */
async function runInto({ plan, options, started, header, eventsDir, range, key, records, total, writer }: RunState): Promise<RunOutcome> {
  const dir = options.out;
  const todo: number[] = [];
  plan.scenario.cells.forEach((_, cell) => {
    for (let replicate = range.from; replicate < range.to; replicate++) if (!records.has(key(cell, replicate))) todo.push(cell, replicate);
  });
  const resumed = records.size;
  const failures: ReplicateFailure[] = [];
  let simulatedEvents = 0;
  const progress = () =>
    options.onProgress?.({ done: records.size, total, resumed, simulatedEvents, elapsedMs: performance.now() - started });

  progress();
  let interrupted = false;
  try {
    if (todo.length > 0) {
      const context = workerContext(plan, options.replicateModule, eventsDir);
      // Communities go to threads of their own unless the event log is written: a replicate's log part is written whole, by one thread.
      const communitiesOf = plan.scenario.cells.map((cell) => (eventsDir === undefined ? communityCount(cell.config) : 1));
      const whole: number[] = [];
      const spread: CommunityTask[] = [];
      for (let i = 0; i < todo.length; i += 2) {
        const [cell, replicate] = [todo[i], todo[i + 1]];
        if (communitiesOf[cell] === 1) whole.push(cell, replicate);
        else for (let community = 0; community < communitiesOf[cell]; community++) spread.push({ cell, replicate, community });
      }
      const threads = Math.max(1, Math.min(options.workers ?? availableParallelism(), whole.length / 2 + spread.length));
      const chunks = chunker(whole, threads, options.chunk);
      let spreadAt = 0;
      const tasks = { next: (): PoolTask | undefined => (spreadAt < spread.length ? { community: spread[spreadAt++] } : chunkTask(chunks.next())) };
      const join = createCommunityJoin();
      const failed = new Set<number>();
      const pool = createReplicatePool(threads, context);
      /** Records finished replicates; a spread replicate's events were counted as its communities came back. */
      const finish = async (done: ReplicateRecord[], eventsCounted: boolean) => {
        await writer.append(done);
        for (const record of done) {
          records.set(key(record.cell, record.replicate), record);
          if (!eventsCounted) simulatedEvents += record.simulatedEvents;
        }
        progress();
      };
      const onCommunity = async ({ cell, replicate, community }: CommunityTask, result: ReplicatePart | Error) => {
        const id = key(cell, replicate);
        if (failed.has(id)) return;
        if (!(result instanceof Error)) simulatedEvents += result.sums.events;
        const output = result instanceof Error ? result : join.add(id, community, communitiesOf[cell], result);
        // Progress between a big replicate's first and last community: the events rate moves.
        if (output === undefined) return progress();
        if (output instanceof Error || output.audit.state === "failed") {
          failed.add(id);
          join.drop(id);
          const reason = output instanceof Error ? `community ${community}: ${output.message}` : output.audit.failures.join("; ");
          failures.push({ cell, replicate, seed: replicateInput(context, cell, replicate).seed, kind: output instanceof Error ? "threw" : "audit", reason });
          return;
        }
        await finish([{ cell, replicate, simulatedEvents: output.simulatedEvents, metrics: output.metrics, streams: output.streams, timeseries: output.timeseries }], true);
      };
      const runTask = (task: PoolTask) => ("community" in task ? pool.runCommunity(task.community) : pool.run(task));
      interrupted = await feed<PoolTask, ChunkResult | ReplicatePart>(tasks, threads * 2, options.signal, pool, runTask, async (task, result) => {
        if ("community" in task) return onCommunity(task.community, result as ReplicatePart | Error);
        const items = task.items;
        chunks.finished(items.length / 2);
        if (result instanceof Error) {
          // The task itself failed (a worker died): every replicate of the chunk failed with it.
          for (let i = 0; i < items.length; i += 2) {
            failures.push({ cell: items[i], replicate: items[i + 1], seed: replicateInput(context, items[i], items[i + 1]).seed, kind: "threw", reason: result.message });
          }
          return;
        }
        const unpacked = unpackChunk(context, result as ChunkResult);
        failures.push(...unpacked.failures);
        await finish(unpacked.records, false);
      });
    }
  } finally {
    await writer.close();
  }
  if (interrupted) return { state: "interrupted", dir, done: records.size, total };
  if (failures.length > 0) {
    failures.sort((a, b) => a.cell - b.cell || a.replicate - b.replicate);
    return { state: "failed", dir, failures, done: records.size, total };
  }
  const ordered = inPlanOrder(records.values());
  let eventLog: { file: string; sha256: string } | undefined;
  if (options.eventsOut !== undefined && eventsDir !== undefined) {
    const context = workerContext(plan);
    const sha256 = assembleEventLog(options.eventsOut, eventsDir, ordered, (cell, replicate) => {
      const identity = { arm: context.arms[cell], pointIndex: context.pointIndices[cell], replicate };
      const { config, seed } = replicateInput(context, cell, replicate);
      writeEventPart(eventsDir, cell, identity, (eventLog) => runReplicate(config, seed, { eventLog, economy: cellEconomy(context, cell) }));
    });
    eventLog = { file: basename(options.eventsOut), sha256 };
  }
  const { manifest, summary } = writeRunOutputs(dir, header, ordered, { eventLog, parquet: options.parquet });
  return { state: "finished", dir, manifest, summary, records: ordered, resumed, elapsedMs: performance.now() - started, simulatedEvents };
}

/** A task of the pool: a chunk of whole replicates, or one community of a replicate. */
type PoolTask = { items: Int32Array } | { community: CommunityTask };

function chunkTask(items: Int32Array | undefined): PoolTask | undefined {
  return items === undefined ? undefined : { items };
}
