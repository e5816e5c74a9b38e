import seedrandom from "seedrandom";
import type { CompiledEconomy } from "../economy/index.js";
import { createGiftBatch, createPurchaseBatch, type GiftBatch, type PurchaseBatch } from "../core/index.js";

export interface SyntheticStreamOptions {
  viewers: number;
  creators: number;
  seed: string;
  /** Rows per gift batch. */
  batchSize: number;
}

/**
 * A seeded synthetic gift stream: uniform viewers and creators, gifts uniform over the
 * catalog, counts 1-3, each creator's gifts numbered in one stream. Before each gift batch
 * the generator buys, on the viewer's channel and region, the largest bundles until the
 * wallet covers the batch's gifts, so every gift is affordable and purchases go through the
 * core first.
 */
export interface SyntheticStream {
  readonly gifts: GiftBatch;
  readonly purchases: PurchaseBatch;
  /** Fills `gifts` with the next batch and `purchases` with the funding it needs. */
  next(rows: number): void;
}

export function createSyntheticStream(economy: CompiledEconomy, options: SyntheticStreamOptions): SyntheticStream {
  const { viewers, creators, batchSize } = options;
  const random = seedrandom.alea(options.seed);
  const price = economy.giftPriceCoins;
  const giftCount = price.length;
  const gifts = createGiftBatch(batchSize);
  // Worst case: every row is a different viewer short of its dearest gift x 3, bought with the
  // smallest "largest bundle" of any (region, channel) group.
  let largestBundle = Infinity;
  for (let group = 0; group < economy.bundleGroupSize.length; group++) {
    const size = economy.bundleGroupSize[group];
    if (size > 0) largestBundle = Math.min(largestBundle, economy.bundleCoins[economy.bundleGroupStart[group] + size - 1]);
  }
  const dearestRow = price.reduce((max, p) => Math.max(max, p), 0) * 3;
  const purchases = createPurchaseBatch(batchSize * (Math.ceil(dearestRow / largestBundle) + 1));
  const wallet = new Float64Array(viewers);
  const demand = new Float64Array(viewers);
  const nextSeq = new Int32Array(creators);
  const channelCount = economy.channelIds.length;
  const regionCount = economy.regionIds.length;
  let nextOrder = 0;
  const viewerChannel = (v: number) => v % channelCount;
  const viewerRegion = (v: number) => Math.floor(v / channelCount) % regionCount;

  function buyFor(v: number, coinsNeeded: number): void {
    const region = viewerRegion(v);
    const channel = viewerChannel(v);
    const group = region * channelCount + channel;
    const tier = economy.bundleGroupSize[group] - 1;
    let short = coinsNeeded - wallet[v];
    while (short > 0) {
      const p = purchases.length++;
      purchases.viewer[p] = v;
      purchases.region[p] = region;
      purchases.channel[p] = channel;
      purchases.tier[p] = tier;
      purchases.order[p] = nextOrder++;
      const coins = economy.bundleCoins[economy.bundleGroupStart[group] + tier];
      wallet[v] += coins;
      short -= coins;
    }
  }

  return {
    gifts,
    purchases,
    next(rows: number): void {
      gifts.length = rows;
      purchases.length = 0;
      for (let i = 0; i < rows; i++) {
        const v = (random() * viewers) | 0;
        const c = (random() * creators) | 0;
        const g = (random() * giftCount) | 0;
        const k = 1 + ((random() * 3) | 0);
        gifts.viewer[i] = v;
        gifts.creator[i] = c;
        gifts.gift[i] = g;
        gifts.count[i] = k;
        gifts.stream[i] = c;
        gifts.seq[i] = nextSeq[c]++;
        demand[v] += price[g] * k;
      }
      for (let i = 0; i < rows; i++) {
        const v = gifts.viewer[i];
        if (demand[v] === 0) continue;
        if (demand[v] > wallet[v]) {
          buyFor(v, demand[v]);
        }
        wallet[v] -= demand[v];
        demand[v] = 0;
      }
    },
  };
}
