/**
 * Partitioning a synthetic load. The stream is the union of VIRTUAL_PARTITIONS virtual
 * partitions, however many workers run it: virtual partition j owns a contiguous range of
 * viewers and has its own generator, streams and order ids (synthetic-stream.ts). A worker
 * (partition i of n) takes whole virtual partitions, a contiguous run of them, so its
 * viewers are one range of the wallet column, it generates only its own share, and each of
 * its streams' sequence numbers arrive without gaps. One thread runs all of them. Every row of
 * a viewer belongs to one virtual partition, in its generated order, so each wallet sees
 * exactly the debits and credits it would see in one ledger; creator credits are sums, so
 * partial ledgers merge exactly.
 *
 * This holds as long as an idempotency key names one event: a retried event carries the same
 * viewer. Two different viewers sending the same (stream, seq) would be rejected as a
 * duplicate by one ledger but applied once per partition.
 */
import type { StreamPartition } from "./synthetic-stream.js";

/** Virtual partitions of every synthetic stream: the most workers a load can use. */
export const VIRTUAL_PARTITIONS = 64;

export interface ViewerPartition {
  /** Index of this partition, 0..count-1. */
  index: number;
  count: number;
  /** First viewer owned. */
  lo: number;
  /** One past the last viewer owned. */
  hi: number;
  /** The virtual partitions it runs: [from, to). */
  virtualFrom: number;
  virtualTo: number;
}

/** Virtual partition `index`: viewers [lo, hi), sizes differing by at most one. */
export function virtualPartition(viewers: number, index: number): StreamPartition {
  const edge = (j: number) => Math.floor((viewers * j) / VIRTUAL_PARTITIONS);
  return { index, count: VIRTUAL_PARTITIONS, lo: edge(index), hi: edge(index + 1) };
}

/** Partition `index` of `count` (count <= VIRTUAL_PARTITIONS): a contiguous run of virtual partitions and their viewers. */
export function viewerPartition(viewers: number, index: number, count: number): ViewerPartition {
  const virtualFrom = Math.floor((VIRTUAL_PARTITIONS * index) / count);
  const virtualTo = Math.floor((VIRTUAL_PARTITIONS * (index + 1)) / count);
  return { index, count, lo: virtualPartition(viewers, virtualFrom).lo, hi: virtualPartition(viewers, virtualTo - 1).hi, virtualFrom, virtualTo };
}

/** Rows of a global batch of `rows` that virtual partition `part` generates: its share of the viewers (the shares add up to `rows`). */
export function partitionRows(rows: number, viewers: number, part: StreamPartition): number {
  return Math.floor((rows * part.hi) / viewers) - Math.floor((rows * part.lo) / viewers);
}
