import seedrandom from "seedrandom";
import { bundleGroup, type CompiledEconomy } from "../../economy/index.js";
import type { GiftBatch, PurchaseBatch } from "../../core/index.js";
import { errors } from "../../errors.js";

/** One virtual partition of a synthetic stream: its own viewers, generator, stream ids and order ids. */
export interface StreamPartition {
  /** 0..count-1. */
  index: number;
  count: number;
  /** Viewers [lo, hi). */
  lo: number;
  hi: number;
}

export interface SyntheticStreamOptions {
  viewers: number;
  creators: number;
  seed: string;
  /** Generate one virtual partition only; default the whole stream as one partition. */
  partition?: StreamPartition;
}

/**
 * A seeded synthetic gift stream: uniform viewers and creators, gifts uniform over the
 * catalog, counts 1-3, each creator's gifts numbered in one stream. Before each gift batch
 * the generator buys, on the viewer's channel and region, the largest bundles until the
 * wallet covers the batch's gifts, so every gift is affordable and purchases go through the
 * core first.
 *
 * A virtual partition (index p of P) draws only its viewers, from its own seed, numbers its
 * gifts in its own streams (p x creators + creator: every stream's sequence numbers stay
 * dense within the partition, and one partition's streams are neighbours in the key set, so a
 * thread running partitions one after another touches one small range of it at a time) and
 * its own order ids, so partitions are
 * independent: any set of them can be generated and applied apart and merged.
 */
export interface SyntheticStream {
  /** Appends the next `rows` gifts to `gifts` and their funding to `purchases` (capacity: purchaseRowsFor). */
  append(rows: number, gifts: GiftBatch, purchases: PurchaseBatch): void;
}

/** Purchase rows that `rows` gifts can need at worst: every row a different viewer short of its dearest gift x 3. */
export function purchaseRowsFor(economy: CompiledEconomy, rows: number): number {
  let largestBundle = Infinity;
  for (let group = 0; group < economy.bundleGroupSize.length; group++) {
    const size = economy.bundleGroupSize[group];
    if (size > 0) largestBundle = Math.min(largestBundle, economy.bundleCoins[economy.bundleGroupStart[group] + size - 1]);
  }
  const dearestRow = economy.giftPriceCoins.reduce((max, p) => Math.max(max, p), 0) * 3;
  return rows * (Math.ceil(dearestRow / largestBundle) + 1);
}

export function createSyntheticStream(economy: CompiledEconomy, options: SyntheticStreamOptions): SyntheticStream {
  const { creators } = options;
  const partition = options.partition ?? { index: 0, count: 1, lo: 0, hi: options.viewers };
  const { lo, count: partitions, index } = partition;
  const viewers = partition.hi - lo;
  const random = seedrandom.alea(partitions === 1 ? options.seed : `${options.seed}/partition ${index} of ${partitions}`);
  const price = economy.giftPriceCoins;
  const giftCount = price.length;
  // Indexed by viewer - lo: a partition keeps state for its own viewers only.
  const wallet = new Float64Array(viewers);
  const demand = new Float64Array(viewers);
  const nextSeq = new Int32Array(creators);
  const channelCount = economy.channelIds.length;
  const regionCount = economy.regionIds.length;
  // Order ids interleave partitions (local x count + index): unique, and on one thread, running
  // every partition, close to consecutive, so the order key set's mark keeps up.
  const maxOrders = Math.floor(0x80000000 / partitions);
  let orders = 0;
  const viewerChannel = (v: number) => v % channelCount;
  const viewerRegion = (v: number) => Math.floor(v / channelCount) % regionCount;

  function buyFor(purchases: PurchaseBatch, v: number, coinsNeeded: number): void {
    const region = viewerRegion(v);
    const channel = viewerChannel(v);
    const group = bundleGroup(economy, region, channel);
    const tier = economy.bundleGroupSize[group] - 1;
    let short = coinsNeeded - wallet[v - lo];
    while (short > 0) {
      if (orders === maxOrders) throw errors.tooLarge("--events", orders, maxOrders, "purchases one partition of the synthetic stream can number");
      const p = purchases.length++;
      purchases.viewer[p] = v;
      purchases.region[p] = region;
      purchases.channel[p] = channel;
      purchases.tier[p] = tier;
      purchases.order[p] = orders++ * partitions + index;
      const coins = economy.bundleCoins[economy.bundleGroupStart[group] + tier];
      wallet[v - lo] += coins;
      short -= coins;
    }
  }

  function append(rows: number, gifts: GiftBatch, purchases: PurchaseBatch): void {
    const start = gifts.length;
    const end = start + rows;
    for (let i = start; i < end; i++) {
      const v = lo + ((random() * viewers) | 0);
      const c = (random() * creators) | 0;
      const g = (random() * giftCount) | 0;
      const k = 1 + ((random() * 3) | 0);
      gifts.viewer[i] = v;
      gifts.creator[i] = c;
      gifts.gift[i] = g;
      gifts.count[i] = k;
      gifts.stream[i] = index * creators + c;
      gifts.seq[i] = nextSeq[c]++;
      demand[v - lo] += price[g] * k;
    }
    gifts.length = end;
    for (let i = start; i < end; i++) {
      const v = gifts.viewer[i];
      const d = demand[v - lo];
      if (d === 0) continue;
      if (d > wallet[v - lo]) buyFor(purchases, v, d);
      wallet[v - lo] -= d;
      demand[v - lo] = 0;
    }
  }

  return { append };
}
