/**
 * One partition of a synthetic load: its virtual partitions (viewer-partition.ts) each
 * generate their share of every global batch, one after another, into the partition's window
 * of batches, which is then pushed through this partition's ledger. With one partition this is
 * the single-threaded load: all virtual partitions. Generation and the core are timed apart.
 */
import { performance } from "node:perf_hooks";
import type { Histogram } from "hdr-histogram-js";
import { syntheticEconomy } from "../../economy/index.js";
import {
  applyGifts,
  applyPurchases,
  createGiftBatch,
  createLedger,
  createPurchaseBatch,
  copyBatchRows,
  type GiftBatch,
  type Ledger,
  type PurchaseBatch,
} from "../../core/index.js";
import { createLatencyHistogram, recordMillis } from "../latency-histogram.js";
import type { SyntheticLoadOptions } from "./synthetic-options.js";
import { createSyntheticStream, purchaseRowsFor } from "./synthetic-stream.js";
import { partitionRows, virtualPartition, type ViewerPartition } from "./viewer-partition.js";

/** What one partition's run counted and timed. */
export interface PartitionFigures {
  giftEvents: number;
  purchaseEvents: number;
  generationMs: number;
  purchaseMs: number;
  giftMs: number;
  peakRssBytes: number;
}

export interface SyntheticPartitionRun extends PartitionFigures {
  partition: ViewerPartition;
  ledger: Ledger;
  /** Core time per gift batch of this partition, microseconds. */
  histogram: Histogram;
}

/** Rows generated before the core runs: large enough to time whole batches, bounded in memory. */
const WINDOW_ROWS = 4_000_000;

/** Runs the partition's share of the synthetic stream through a fresh ledger; `onProgress` gets events generated so far. */
export function runSyntheticPartition(
  options: SyntheticLoadOptions,
  partition: ViewerPartition,
  onProgress?: (done: number) => void,
): SyntheticPartitionRun {
  const economy = syntheticEconomy(options);
  const ledger = createLedger(economy, { viewers: options.viewers, creators: options.creators });
  const parts = Array.from({ length: partition.virtualTo - partition.virtualFrom }, (_, i) => virtualPartition(options.viewers, partition.virtualFrom + i));
  const streams = parts.map((part) =>
    createSyntheticStream(economy, { viewers: options.viewers, creators: options.creators, seed: options.seed, partition: part }),
  );
  // Generation scratch sized for the worst case; the window keeps what each batch needs.
  const scratch = createPurchaseBatch(purchaseRowsFor(economy, options.batchSize));
  // No more batches than the run has: small runs with small batches would otherwise allocate the whole window.
  const windowBatches = Math.max(1, Math.min(Math.floor(WINDOW_ROWS / options.batchSize), Math.ceil(options.events / options.batchSize)));
  const giftWindow: GiftBatch[] = Array.from({ length: windowBatches }, () => createGiftBatch(options.batchSize));
  const purchaseWindow: PurchaseBatch[] = [];
  const histogram = createLatencyHistogram();
  let generationMs = 0;
  let purchaseMs = 0;
  let giftMs = 0;
  let giftEvents = 0;
  let purchaseEvents = 0;
  let peakRss = process.memoryUsage().rss;
  for (let done = 0; done < options.events; ) {
    let filled = 0;
    const started = performance.now();
    while (filled < windowBatches && done < options.events) {
      const rows = Math.min(options.batchSize, options.events - done);
      const gifts = giftWindow[filled];
      gifts.length = 0;
      scratch.length = 0;
      for (let p = 0; p < parts.length; p++) streams[p].append(partitionRows(rows, options.viewers, parts[p]), gifts, scratch);
      giftEvents += gifts.length;
      const purchases = purchaseWindow[filled];
      // Sized to what the batch needs: the worst-case capacity is several times larger.
      if (purchases === undefined || purchases.viewer.length < scratch.length) {
        purchaseWindow[filled] = createPurchaseBatch(Math.max(scratch.length, 1));
      }
      copyBatchRows(scratch, purchaseWindow[filled]);
      purchaseEvents += scratch.length;
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
      recordMillis(histogram, giftEnd - giftStart);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    onProgress?.(done);
  }
  return { partition, ledger, histogram, giftEvents, purchaseEvents, generationMs, purchaseMs, giftMs, peakRssBytes: peakRss };
}
