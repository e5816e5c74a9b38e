/**
 * Sharding splits every cell's replicate range into n contiguous slices, so each shard holds a
 * balanced share of every arm and sweep point and the union of shards is exactly the plan.
 * `--communities i/n` cuts every replicate's communities the same way (community-slice.ts).
 */
import { errors } from "../errors.js";

/** Shard i of n, 1-based as written on the command line (`--shard 2/3`). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "i/n" (1 <= i <= n) given to `option` (--shard, --communities); throws an exit-2 error naming the option otherwise. */
export function parseShard(text: string, option = "--shard"): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index < 1 || index > count || count > 100_000) {
    throw errors.invalidInput("option", [{ path: option, value: text, expected: 'i/n with 1 <= i <= n, e.g. "2/3"' }]);
  }
  return { index, count };
}

/** Replicate indices [from, to) that shard `shard` runs in each cell; the whole range without a shard. */
export function shardReplicates(replicates: number, shard: Shard | null): { from: number; to: number } {
  return shard === null ? { from: 0, to: replicates } : sliceOf(replicates, shard);
}

/** Slice i of n of [0, count): [floor((i-1)count/n), floor(i count/n)), so the n slices cover it once, in order. */
export function sliceOf(count: number, slice: Shard): { from: number; to: number } {
  return { from: Math.floor(((slice.index - 1) * count) / slice.count), to: Math.floor((slice.index * count) / slice.count) };
}
