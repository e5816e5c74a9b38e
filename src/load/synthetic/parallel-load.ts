/**
 * A synthetic load across worker threads: one piscina task per viewer partition, then the
 * partial ledgers are merged with mergeLedgers and the latency histograms bucket by bucket.
 * The merged ledger is bit-identical (same ledgerDigest) to the one a single thread builds
 * from the same seed, whatever the worker count.
 */
import { performance } from "node:perf_hooks";
import type { Histogram } from "hdr-histogram-js";
import { Piscina } from "piscina";
import { syntheticEconomy } from "../../economy/index.js";
import { compiledWorker } from "../../install.js";
import { mergeLedgers, type Ledger } from "../../core/index.js";
import { createLatencyHistogram, mergeLatencyHistograms } from "../latency-histogram.js";
import { ledgerFromSnapshot } from "./ledger-transfer.js";
import type { PartitionTask, PartitionTaskResult } from "./partition-task.js";
import type { SyntheticLoadOptions } from "./synthetic-options.js";

export interface ParallelLoadRun {
  ledger: Ledger;
  histogram: Histogram;
  partitions: Omit<PartitionTaskResult, "ledger" | "histogram">[];
  /** Time to merge the partial ledgers on the main thread. */
  mergeMs: number;
}

/** Runs `options.workers` partitions on a piscina pool and merges their ledgers and histograms. */
export async function runParallelLoad(options: SyntheticLoadOptions): Promise<ParallelLoadRun> {
  const count = options.workers;
  // Compiled here first: a bad preset is then a clean error on this thread, not a worker's crash.
  const economy = syntheticEconomy(options);
  const pool = new Piscina<PartitionTask, PartitionTaskResult>({
    filename: compiledWorker("load-partition"),
    minThreads: count,
    maxThreads: count,
  });
  let results: PartitionTaskResult[];
  try {
    results = await Promise.all(Array.from({ length: count }, (_, index) => pool.run({ options, index, count })));
  } finally {
    await pool.destroy();
  }
  const mergeStart = performance.now();
  // The first partial ledger is the merge target: one merge fewer than starting from empty.
  const ledger = ledgerFromSnapshot(economy, results[0].ledger);
  for (const result of results.slice(1)) mergeLedgers(ledger, ledgerFromSnapshot(economy, result.ledger));
  const mergeMs = performance.now() - mergeStart;
  const histogram = createLatencyHistogram();
  mergeLatencyHistograms(
    histogram,
    results.map((result) => result.histogram),
  );
  const partitions = results.map(({ ledger: _ledger, histogram: _histogram, ...stats }) => stats);
  return { ledger, histogram, partitions, mergeMs };
}
