/**
 * The worker pool: piscina threads running src/run/chunk.ts through workers/replicate-worker.
 * The plan travels once per thread as workerData; each task is a small Int32Array of
 * (cell, replicate) pairs and comes back as a few flat typed arrays (see chunk.ts), or one
 * community of a replicate, which comes back as its mergeable part.
 */
import { Piscina } from "piscina";
import { compiledWorker } from "../install.js";
import type { ReplicatePart } from "../sim/index.js";
import type { ChunkResult, ChunkTask, CommunityTask, WorkerContext } from "./chunk.js";

/** A running pool of replicate workers. */
export interface ReplicatePool {
  run(task: ChunkTask): Promise<ChunkResult>;
  /** Runs one community of a replicate (chunk.ts runCommunityTask). */
  runCommunity(task: CommunityTask): Promise<ReplicatePart>;
  /** Waits for running tasks, then stops the threads. */
  close(): Promise<void>;
  /** Stops the threads now; running tasks are dropped (their replicates stay undone). */
  destroy(): Promise<void>;
}

/** The compiled worker entry that runs chunks of replicates. */
export function workerEntry(): string {
  return compiledWorker("replicate-worker");
}

/** Starts `threads` workers that share `context`. */
export function createReplicatePool(threads: number, context: WorkerContext): ReplicatePool {
  const pool = new Piscina<ChunkTask | CommunityTask, ChunkResult | ReplicatePart>({
    filename: workerEntry(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: context,
  });
  return {
    run: (task) => pool.run(task) as Promise<ChunkResult>,
    runCommunity: (task) => pool.run(task) as Promise<ReplicatePart>,
    close: () => pool.close(),
    destroy: () => pool.destroy(),
  };
}
