/**
 * `giftsim load` in its synthetic, in-process form: a seeded stream is generated in windows
 * of batches, then the window is pushed through the conversion core. Generation and the core
 * are timed apart, so the core's rate is not diluted by the random number generator.
 */
import { performance } from "node:perf_hooks";
import { compileEconomy, loadEconomy } from "../economy/index.js";
import {
  applyGifts,
  applyPurchases,
  auditLedger,
  copyBatchRows,
  createGiftBatch,
  createLedger,
  createPurchaseBatch,
  ledgerDigest,
  rejectionsByName,
  totalsToJson,
  type GiftBatch,
  type PurchaseBatch,
  type RejectionReason,
} from "../core/index.js";
import { errors } from "../errors.js";
import { createLatencyHistogram, summarizeLatency, type LatencySummary } from "./latency-histogram.js";
import { syntheticCatalog } from "./synthetic-catalog.js";
import { createSyntheticStream } from "./synthetic-stream.js";

export interface SyntheticLoadOptions {
  events: number;
  viewers: number;
  creators: number;
  gifts: number;
  seed: string;
  batchSize: number;
  preset: string;
}

export const DEFAULT_SYNTHETIC_LOAD: SyntheticLoadOptions = {
  events: 2_000_000,
  viewers: 100_000,
  creators: 1_000,
  gifts: 27,
  seed: "1",
  batchSize: 100_000,
  preset: "tiktok",
};

export interface SyntheticLoadReport {
  mode: "synthetic";
  options: SyntheticLoadOptions;
  giftEvents: number;
  purchaseEvents: number;
  generationSeconds: number;
  /** Time inside the core: purchases and gifts. */
  coreSeconds: number;
  giftCoreSeconds: number;
  /** Gift rows per second of core gift time: the hot path's rate. */
  coreEventsPerSecond: number;
  /** All rows (gifts and purchases) per second of core time. */
  coreRowsPerSecond: number;
  /** Per gift batch, core time in microseconds. */
  batchLatencyMicros: LatencySummary;
  peakRssBytes: number;
  rejected: Record<RejectionReason, number>;
  audit: { state: "passed" | "failed"; failures: string[]; totals: Record<string, number | string> };
  ledgerDigest: string;
}

/** Rows generated before the core runs: large enough to time whole batches, bounded in memory. */
const WINDOW_ROWS = 4_000_000;

export function validateSyntheticLoad(options: SyntheticLoadOptions): void {
  const problems = [];
  const wholes: [keyof SyntheticLoadOptions, number, number][] = [
    ["events", 1, 1e11],
    ["viewers", 1, 200_000_000],
    ["creators", 1, 10_000_000],
    ["gifts", 1, 100_000],
    ["batchSize", 1, 10_000_000],
  ];
  for (const [field, min, max] of wholes) {
    const value = options[field] as number;
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({ path: `--${field === "batchSize" ? "batch" : field}`, value, expected: `an integer ${min}..${max}` });
    }
  }
  if (problems.length > 0) throw errors.invalidInput("load options", problems);
}

export function runSyntheticLoad(options: SyntheticLoadOptions, onProgress?: (done: number) => void): SyntheticLoadReport {
  validateSyntheticLoad(options);
  const economy = compileEconomy(syntheticCatalog(loadEconomy(options.preset), options.gifts, options.seed));
  const ledger = createLedger(economy, { viewers: options.viewers, creators: options.creators });
  const stream = createSyntheticStream(economy, {
    viewers: options.viewers,
    creators: options.creators,
    seed: options.seed,
    batchSize: options.batchSize,
  });
  const windowBatches = Math.max(1, Math.floor(WINDOW_ROWS / options.batchSize));
  const giftWindow: GiftBatch[] = Array.from({ length: windowBatches }, () => createGiftBatch(options.batchSize));
  const purchaseWindow: PurchaseBatch[] = [];
  const histogram = createLatencyHistogram();
  let generationMs = 0;
  let purchaseMs = 0;
  let giftMs = 0;
  let purchaseEvents = 0;
  let peakRss = process.memoryUsage().rss;
  for (let done = 0; done < options.events; ) {
    let filled = 0;
    const started = performance.now();
    while (filled < windowBatches && done < options.events) {
      const rows = Math.min(options.batchSize, options.events - done);
      stream.next(rows);
      copyBatchRows(stream.gifts, giftWindow[filled]);
      purchaseWindow[filled] = purchaseBuffer(stream.purchases, purchaseWindow[filled]);
      purchaseEvents += stream.purchases.length;
      done += rows;
      filled++;
    }
    generationMs += performance.now() - started;
    for (let b = 0; b < filled; b++) {
      const purchaseStart = performance.now();
      applyPurchases(ledger, purchaseWindow[b]);
      const giftStart = performance.now();
      applyGifts(ledger, giftWindow[b]);
      const giftEnd = performance.now();
      purchaseMs += giftStart - purchaseStart;
      giftMs += giftEnd - giftStart;
      histogram.recordValue(Math.max(1, Math.round((giftEnd - giftStart) * 1000)));
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    onProgress?.(done);
  }
  const audit = auditLedger(ledger);
  const giftEvents = options.events;
  return {
    mode: "synthetic",
    options,
    giftEvents,
    purchaseEvents,
    generationSeconds: generationMs / 1000,
    coreSeconds: (purchaseMs + giftMs) / 1000,
    giftCoreSeconds: giftMs / 1000,
    coreEventsPerSecond: Math.round(giftEvents / (giftMs / 1000)),
    coreRowsPerSecond: Math.round((giftEvents + purchaseEvents) / ((purchaseMs + giftMs) / 1000)),
    batchLatencyMicros: summarizeLatency(histogram),
    peakRssBytes: peakRss,
    rejected: rejectionsByName(ledger.rejections),
    audit: { state: audit.state, failures: audit.state === "failed" ? audit.failures : [], totals: totalsToJson(audit.totals) },
    ledgerDigest: ledgerDigest(ledger),
  };
}

/** A purchase buffer big enough for `from`, reusing `into` when it is. */
function purchaseBuffer(from: PurchaseBatch, into: PurchaseBatch | undefined): PurchaseBatch {
  const target = into !== undefined && into.viewer.length >= from.length ? into : createPurchaseBatch(Math.max(from.length, 1));
  copyBatchRows(from, target);
  return target;
}
