/**
 * `giftsim load` in its synthetic, in-process form: a seeded stream pushed through the
 * conversion core, on the calling thread or across worker threads, each running whole
 * virtual partitions of the stream (viewer-partition.ts).
 * Generation and the core are timed apart, so the core's rate is not diluted by the random
 * number generator; with workers, the core's rate is the events over the slowest worker's
 * core time (the partitions run side by side).
 */
import { performance } from "node:perf_hooks";
import type { Histogram } from "hdr-histogram-js";
import { auditLedger, ledgerDigest, rejectionsByName, totalsToJson, type Ledger, type RejectionReason } from "../../core/index.js";
import { summarizeLatency, type LatencySummary } from "../latency-histogram.js";
import { runParallelLoad } from "./parallel-load.js";
import { validateSyntheticLoad, type SyntheticLoadOptions } from "./synthetic-options.js";
import { runSyntheticPartition, type PartitionFigures } from "./synthetic-partition.js";
import { viewerPartition } from "./viewer-partition.js";

/** What one worker did; with one worker, the whole load. */
export interface LoadPartitionReport {
  /** Viewers owned: [first, one past the last]. */
  viewers: [number, number];
  giftEvents: number;
  purchaseEvents: number;
  generationSeconds: number;
  giftCoreSeconds: number;
  coreEventsPerSecond: number;
}

export interface SyntheticLoadReport {
  mode: "synthetic";
  options: SyntheticLoadOptions;
  giftEvents: number;
  purchaseEvents: number;
  /** Generation time of the slowest worker (each generates its own virtual partitions). */
  generationSeconds: number;
  /** Time inside the core, purchases and gifts: the slowest worker's. */
  coreSeconds: number;
  giftCoreSeconds: number;
  /** Gift rows per second of core gift time: the hot path's rate. */
  coreEventsPerSecond: number;
  /** All rows (gifts and purchases) per second of core time. */
  coreRowsPerSecond: number;
  /** Whole run, first event generated to merged ledger audited, for every event. */
  wallSeconds: number;
  wallEventsPerSecond: number;
  /** Main-thread merge of partial ledgers (0 with one worker). */
  mergeSeconds: number;
  partitions: LoadPartitionReport[];
  /** Per gift batch (per partition's share of a batch with workers), core time in microseconds. */
  batchLatencyMicros: LatencySummary;
  peakRssBytes: number;
  rejected: Record<RejectionReason, number>;
  audit: { state: "passed" | "failed"; failures: string[]; totals: Record<string, number | string> };
  ledgerDigest: string;
}

type PartitionReport = PartitionFigures & { partition: { lo: number; hi: number } };

/** Runs a synthetic load (validated first) and reports rates, batch latency, memory, rejections and the audit. */
export async function runSyntheticLoad(options: SyntheticLoadOptions, onProgress?: (done: number) => void): Promise<SyntheticLoadReport> {
  validateSyntheticLoad(options);
  const started = performance.now();
  if (options.workers === 1) {
    const run = runSyntheticPartition(options, viewerPartition(options.viewers, 0, 1), onProgress);
    return report(options, run.ledger, run.histogram, [run], 0, started);
  }
  const run = await runParallelLoad(options);
  return report(options, run.ledger, run.histogram, run.partitions, run.mergeMs, started);
}

function report(
  options: SyntheticLoadOptions,
  ledger: Ledger,
  histogram: Histogram,
  partitions: PartitionReport[],
  mergeMs: number,
  started: number,
): SyntheticLoadReport {
  const audit = auditLedger(ledger);
  const wallSeconds = (performance.now() - started) / 1000;
  const slowest = (pick: (p: PartitionReport) => number) => Math.max(...partitions.map(pick)) / 1000;
  const giftCoreSeconds = slowest((p) => p.giftMs);
  const coreSeconds = slowest((p) => p.giftMs + p.purchaseMs);
  const purchaseEvents = partitions.reduce((sum, p) => sum + p.purchaseEvents, 0);
  const giftEvents = options.events;
  return {
    mode: "synthetic",
    options,
    giftEvents,
    purchaseEvents,
    generationSeconds: slowest((p) => p.generationMs),
    coreSeconds,
    giftCoreSeconds,
    coreEventsPerSecond: Math.round(giftEvents / giftCoreSeconds),
    coreRowsPerSecond: Math.round((giftEvents + purchaseEvents) / coreSeconds),
    wallSeconds,
    wallEventsPerSecond: Math.round(giftEvents / wallSeconds),
    mergeSeconds: mergeMs / 1000,
    partitions: partitions.map((p) => ({
      viewers: [p.partition.lo, p.partition.hi],
      giftEvents: p.giftEvents,
      purchaseEvents: p.purchaseEvents,
      generationSeconds: p.generationMs / 1000,
      giftCoreSeconds: p.giftMs / 1000,
      coreEventsPerSecond: Math.round(p.giftEvents / (p.giftMs / 1000)),
    })),
    batchLatencyMicros: summarizeLatency(histogram),
    peakRssBytes: Math.max(process.memoryUsage().rss, ...partitions.map((p) => p.peakRssBytes)),
    rejected: rejectionsByName(ledger.rejections),
    audit: { state: audit.state, failures: audit.state === "failed" ? audit.failures : [], totals: totalsToJson(audit.totals) },
    ledgerDigest: ledgerDigest(ledger),
  };
}
