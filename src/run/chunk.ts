/**
 * What a worker does with one task: run a chunk of replicates and pack their outputs into a few
 * typed arrays, so the result crosses the thread boundary as eight flat buffers rather than an
 * object graph of replicate outputs. The buffers are copied, not transferred: a chunk's are
 * under a megabyte, and transferring them (piscina's move) measured 5-10% slower over the
 * default study than cloning them, even with a single buffer per task. A replicate that throws
 * or fails its audit is reported in its slot with its seed; the rest of the chunk still counts.
 */
import { compileEconomy, type CompiledEconomy, type Economy } from "../economy/index.js";
import { runCommunity, type EventLogSink, type ReplicateOutput, type ReplicatePart, type SimConfig } from "../sim/index.js";
import { writeEventPart } from "./event-log.js";
import type { ReplicateRecord } from "./record.js";
import { replicateSeed } from "./seed.js";
import type { WorldDesign } from "../scenario/index.js";
import { inWorld, worldSlot, worldValues } from "./worlds.js";

/** The plan as a worker needs it, sent once per worker (piscina workerData). */
export interface WorkerContext {
  masterSeed: string;
  scenarioHash: string;
  /** By cell index. */
  configs: SimConfig[];
  /** Each cell's validated price book (ScenarioPlan.economies), compiled once per worker. */
  economies: readonly Economy[];
  arms: string[];
  pointIndices: number[];
  /** A module exporting `runReplicate` in place of the simulation's (tests). */
  replicateModule?: string;
  /** Folder for per-replicate event log parts, when the run writes the event log. */
  eventsDir?: string;
  /** The worlds replicates draw their uncertain constants in (ResolvedScenario.worlds), if any. */
  worlds?: WorldDesign;
}

/** A chunk: (cell, replicate) pairs, flattened. */
export interface ChunkTask {
  items: Int32Array;
}

/**
 * One community of one replicate of a world cut into communities (sim/community.ts): the unit
 * a replicate is spread over threads in. Its part comes back to be joined in community order
 * (community-join.ts).
 */
export interface CommunityTask {
  cell: number;
  replicate: number;
  community: number;
}

/** Runs one community of (cell, replicate) to its part (it throws where the replicate would). */
export function runCommunityTask(context: WorkerContext, task: CommunityTask): ReplicatePart {
  const { config, seed } = replicateInput(context, task.cell, task.replicate);
  return runCommunity(config, seed, task.community, { economy: cellEconomy(context, task.cell) });
}

/** Slot states of a chunk result. */
export const SLOT_DONE = 0;
export const SLOT_THREW = 1;
export const SLOT_AUDIT_FAILED = 2;

/** One chunk's outputs, one slot per item, columns packed end to end. */
export interface ChunkResult {
  items: Int32Array;
  states: Uint8Array;
  simulatedEvents: Float64Array;
  metricCount: number;
  /** items x metricCount values (a failed slot's are NaN). */
  metrics: Float64Array;
  streamLengths: Uint32Array;
  streams: Float64Array;
  timeseriesLengths: Uint32Array;
  timeseries: Float64Array;
  /** Per slot: "" when done, else why it failed. */
  messages: string[];
}

/** The replicate function a chunk calls: the simulation's runReplicate or a test stand-in. */
export type ReplicateFunction = (config: SimConfig, seed: string, options?: { eventLog?: EventLogSink; economy?: CompiledEconomy }) => ReplicateOutput;

/** Compiled price books by context, by cell: compiling validates, which costs more than a replicate's setup. */
const compiledBooks = new WeakMap<WorkerContext, Array<CompiledEconomy | undefined>>();

/** Cell `cell`'s compiled price book, compiled on its first replicate in this thread. */
export function cellEconomy(context: WorkerContext, cell: number): CompiledEconomy {
  let books = compiledBooks.get(context);
  if (books === undefined) compiledBooks.set(context, (books = []));
  return (books[cell] ??= compileEconomy(context.economies[cell]));
}

/** A failed replicate, named so it can be rerun alone. */
export interface ReplicateFailure {
  cell: number;
  replicate: number;
  seed: string;
  kind: "threw" | "audit";
  reason: string;
}

/** The seed of replicate `replicate` under `context`: the same in every cell (run/seed.ts). */
export function seedOf(context: WorkerContext, replicate: number): string {
  return replicateSeed({ masterSeed: context.masterSeed, scenarioHash: context.scenarioHash, replicate });
}

/** The config and seed (cell, replicate) runs with: the cell's config in the replicate's world when the plan has worlds. */
export function replicateInput(context: WorkerContext, cell: number, replicate: number): { config: SimConfig; seed: string } {
  const design = context.worlds;
  if (design === undefined) return { config: context.configs[cell], seed: seedOf(context, replicate) };
  const slot = worldSlot(design, replicate);
  return { config: inWorld(context.configs[cell], design, worldValues(design, context.masterSeed, slot.point)), seed: seedOf(context, slot.seedReplicate) };
}

/**
 * Runs a chunk. `throwAt` is a test hook (environment GIFTSIM_TEST_THROW_REPLICATE, read by
 * the worker entry) that makes one replicate index throw, to prove a crash is contained.
 */
export function runChunk(context: WorkerContext, replicate: ReplicateFunction, task: ChunkTask, throwAt?: number): ChunkResult {
  const count = task.items.length / 2;
  const outputs: Array<ReplicateOutput | undefined> = [];
  const states = new Uint8Array(count);
  const messages: string[] = [];
  for (let slot = 0; slot < count; slot++) {
    const cell = task.items[2 * slot];
    const index = task.items[2 * slot + 1];
    try {
      if (index === throwAt) throw new Error(`test hook: replicate ${index} throws`);
      const { config, seed } = replicateInput(context, cell, index);
      const economy = cellEconomy(context, cell);
      const output =
        context.eventsDir === undefined
          ? replicate(config, seed, { economy })
          : writeEventPart(context.eventsDir, cell, { arm: context.arms[cell], pointIndex: context.pointIndices[cell], replicate: index }, (eventLog) =>
              replicate(config, seed, { eventLog, economy }),
            );
      if (output.audit.state === "failed") {
        states[slot] = SLOT_AUDIT_FAILED;
        messages.push(output.audit.failures.join("; "));
        outputs.push(undefined);
      } else {
        messages.push("");
        outputs.push(output);
      }
    } catch (error) {
      states[slot] = SLOT_THREW;
      messages.push(error instanceof Error ? error.message : String(error));
      outputs.push(undefined);
    }
  }
  const metricCount = outputs.find((o) => o !== undefined)?.metrics.length ?? 0;
  const metrics = new Float64Array(count * metricCount).fill(Number.NaN);
  const simulatedEvents = new Float64Array(count);
  const streamLengths = Uint32Array.from(outputs, (o) => o?.streams.length ?? 0);
  const timeseriesLengths = Uint32Array.from(outputs, (o) => o?.timeseries.length ?? 0);
  const streams = new Float64Array(streamLengths.reduce((a, b) => a + b, 0));
  const timeseries = new Float64Array(timeseriesLengths.reduce((a, b) => a + b, 0));
  let streamAt = 0;
  let timeseriesAt = 0;
  outputs.forEach((output, slot) => {
    if (output === undefined) return;
    metrics.set(output.metrics, slot * metricCount);
    simulatedEvents[slot] = output.simulatedEvents;
    streams.set(output.streams, streamAt);
    streamAt += output.streams.length;
    timeseries.set(output.timeseries, timeseriesAt);
    timeseriesAt += output.timeseries.length;
  });
  return { items: task.items, states, simulatedEvents, metricCount, metrics, streamLengths, streams, timeseriesLengths, timeseries, messages };
}

/** Splits a chunk result back into records (views on its buffers, no copy) and failures. */
export function unpackChunk(context: WorkerContext, result: ChunkResult): { records: ReplicateRecord[]; failures: ReplicateFailure[] } {
  const records: ReplicateRecord[] = [];
  const failures: ReplicateFailure[] = [];
  let streamAt = 0;
  let timeseriesAt = 0;
  for (let slot = 0; slot < result.states.length; slot++) {
    const cell = result.items[2 * slot];
    const replicate = result.items[2 * slot + 1];
    const streams = result.streams.subarray(streamAt, (streamAt += result.streamLengths[slot]));
    const timeseries = result.timeseries.subarray(timeseriesAt, (timeseriesAt += result.timeseriesLengths[slot]));
    if (result.states[slot] === SLOT_DONE) {
      const metrics = result.metrics.subarray(slot * result.metricCount, (slot + 1) * result.metricCount);
      records.push({ cell, replicate, simulatedEvents: result.simulatedEvents[slot], metrics, streams, timeseries });
    } else {
      failures.push({
        cell,
        replicate,
        seed: replicateInput(context, cell, replicate).seed,
        kind: result.states[slot] === SLOT_THREW ? "threw" : "audit",
        reason: result.messages[slot],
      });
    }
  }
  return { records, failures };
}
