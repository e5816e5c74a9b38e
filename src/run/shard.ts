/**
 * Sharding splits every cell's replicate range into n contiguous slices, so each shard holds a
 * balanced share of every arm and sweep point and the union of shards is exactly the plan.
 */
import { errors } from "../errors.js";

/** Shard i of n, 1-based as written on the command line (`--shard 2/3`). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "i/n" (1 <= i <= n); throws an exit-2 error naming the option otherwise. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index < 1 || index > count || count > 100_000) {
    throw errors.invalidInput("option", [{ path: "--shard", value: text, expected: 'i/n with 1 <= i <= n, e.g. "2/3"' }]);
  }
  return { index, count };
}

/** Replicate indices [from, to) that shard `shard` runs in each cell; the whole range without a shard. */
export function shardReplicates(replicates: number, shard: Shard | null): { from: number; to: number } {
  if (shard === null) return { from: 0, to: replicates };
  return {
    from: Math.floor(((shard.index - 1) * replicates) / shard.count),
    to: Math.floor((shard.index * replicates) / shard.count),
  };
}
