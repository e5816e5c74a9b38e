/**
 * Partitioning by viewer: partition i of n owns the viewers [lo, hi), contiguous so that each
 * worker's wallets are one range of the wallet column (cache-friendly when the core buckets
 * by viewer). Every row of a viewer goes to the same partition, in its original order, so
 * each wallet sees exactly the debits and credits it would see in one ledger; creator
 * credits are sums, so partial ledgers merge exactly.
 *
 * This holds as long as an idempotency key names one event: a retried event carries the same
 * viewer. Two different viewers sending the same (stream, seq) would be rejected as a
 * duplicate by one ledger but applied once per partition.
 */
import type { GiftBatch, PurchaseBatch } from "../core/index.js";

export interface ViewerPartition {
  /** Index of this partition, 0..count-1. */
  index: number;
  count: number;
  /** First viewer owned. */
  lo: number;
  /** One past the last viewer owned. */
  hi: number;
}

/** Partition `index` of `count` over `viewers` viewers: a contiguous range, sizes differing by at most one. */
export function viewerPartition(viewers: number, index: number, count: number): ViewerPartition {
  return { index, count, lo: Math.floor((viewers * index) / count), hi: Math.floor((viewers * (index + 1)) / count) };
}

/** Copies into `into` the rows of `from` whose viewer the partition owns, in order; returns how many. */
export function takeGifts(from: GiftBatch, into: GiftBatch, partition: ViewerPartition): number {
  const { lo, hi } = partition;
  const { viewer, creator, gift, count, stream, seq } = from;
  let n = 0;
  for (let i = 0; i < from.length; i++) {
    const v = viewer[i];
    if (v < lo || v >= hi) continue;
    into.viewer[n] = v;
    into.creator[n] = creator[i];
    into.gift[n] = gift[i];
    into.count[n] = count[i];
    into.stream[n] = stream[i];
    into.seq[n] = seq[i];
    n++;
  }
  into.length = n;
  return n;
}

/** As takeGifts, for purchases. */
export function takePurchases(from: PurchaseBatch, into: PurchaseBatch, partition: ViewerPartition): number {
  const { lo, hi } = partition;
  const { viewer, region, channel, tier, order } = from;
  let n = 0;
  for (let i = 0; i < from.length; i++) {
    const v = viewer[i];
    if (v < lo || v >= hi) continue;
    into.viewer[n] = v;
    into.region[n] = region[i];
    into.channel[n] = channel[i];
    into.tier[n] = tier[i];
    into.order[n] = order[i];
    n++;
  }
  into.length = n;
  return n;
}
