import { CHANNELS, type ChannelId, type Economy } from "./types.js";

/**
 * The economy flattened into typed arrays for the conversion core's hot loops: no object
 * or string lookups per event. Bundles are grouped per (region, channel) and sorted by coins,
 * so "the smallest bundle that covers a gift" is a short scan.
 */
export interface CompiledEconomy {
  readonly economy: Economy;
  readonly regionIds: readonly string[];
  readonly channelIds: readonly ChannelId[];
  /** Gift price in coins, indexed by gift id. */
  readonly giftPriceCoins: Int32Array;
  /** Start of each (region, channel) group in the bundle columns: index region * channels + channel. */
  readonly bundleGroupStart: Int32Array;
  /** Number of bundle tiers in each (region, channel) group. */
  readonly bundleGroupSize: Int32Array;
  readonly bundleCoins: Float64Array;
  /** Exact price in micro-USD (local minor units times the fixed FX). */
  readonly bundlePriceMicros: Float64Array;
  /** Store fee in basis points for each bundle's channel. */
  readonly bundleStoreFeeBps: Int32Array;
  /** Diamonds per coin spent, as a reduced fraction num / den. */
  readonly diamondsPerCoinNum: number;
  readonly diamondsPerCoinDen: number;
  readonly creatorShareBps: number;
  readonly diamondValueMicros: number;
  readonly payoutThresholdMicros: number;
  readonly dailyPayoutCapMicros: number;
  readonly payoutFeeBps: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function compileEconomy(economy: Economy): CompiledEconomy {
  const regionIds = economy.regions.map((r) => r.id);
  const channelIds = [...CHANNELS];
  const groups = regionIds.length * channelIds.length;
  const bundleGroupStart = new Int32Array(groups);
  const bundleGroupSize = new Int32Array(groups);
  const coins: number[] = [];
  const priceMicros: number[] = [];
  const feeBps: number[] = [];
  regionIds.forEach((regionId, r) => {
    const region = economy.regions[r];
    channelIds.forEach((channelId, c) => {
      const channel = economy.channels.find((ch) => ch.id === channelId);
      const tiers = economy.bundles
        .filter((b) => b.region === regionId && b.channel === channelId)
        .sort((a, b) => a.coins - b.coins);
      const group = r * channelIds.length + c;
      bundleGroupStart[group] = coins.length;
      bundleGroupSize[group] = channel === undefined ? 0 : tiers.length;
      if (channel === undefined) return;
      for (const tier of tiers) {
        coins.push(tier.coins);
        priceMicros.push(tier.priceMinor * region.usdMicrosPerMinorUnit);
        feeBps.push(channel.storeFeeBps);
      }
    });
  });
  const policy = economy.policy;
  const num = policy.creatorShareBps * policy.coinNominalMicros;
  const den = 10_000 * policy.diamondValueMicros;
  const divisor = num === 0 ? den : gcd(num, den);
  return {
    economy,
    regionIds,
    channelIds,
    giftPriceCoins: Int32Array.from(economy.gifts.map((g) => g.priceCoins)),
    bundleGroupStart,
    bundleGroupSize,
    bundleCoins: Float64Array.from(coins),
    bundlePriceMicros: Float64Array.from(priceMicros),
    bundleStoreFeeBps: Int32Array.from(feeBps),
    diamondsPerCoinNum: num / divisor,
    diamondsPerCoinDen: den / divisor,
    creatorShareBps: policy.creatorShareBps,
    diamondValueMicros: policy.diamondValueMicros,
    payoutThresholdMicros: policy.payoutThresholdMicros,
    dailyPayoutCapMicros: policy.dailyPayoutCapMicros,
    payoutFeeBps: policy.payoutFeeBps,
  };
}

/** Index of a channel id in the compiled economy's channel columns. */
export function channelIndex(compiled: CompiledEconomy, id: ChannelId): number {
  return compiled.channelIds.indexOf(id);
}

/** Index of a region id, or -1. */
export function regionIndex(compiled: CompiledEconomy, id: string): number {
  return compiled.regionIds.indexOf(id);
}

/** Index of the (region, channel) group in bundleGroupStart and bundleGroupSize. */
export function bundleGroup(compiled: CompiledEconomy, region: number, channel: number): number {
  return region * compiled.channelIds.length + channel;
}

/** Coins of each bundle tier of the (region, channel) group, smallest first. */
export function bundleGroupCoins(compiled: CompiledEconomy, region: number, channel: number): number[] {
  const group = bundleGroup(compiled, region, channel);
  const start = compiled.bundleGroupStart[group];
  return Array.from(compiled.bundleCoins.subarray(start, start + compiled.bundleGroupSize[group]));
}

/** Smallest bundle tier (index within its group) that holds at least `coins`, or the largest. */
export function smallestCoveringTier(compiled: CompiledEconomy, region: number, channel: number, coins: number): number {
  const group = bundleGroup(compiled, region, channel);
  const start = compiled.bundleGroupStart[group];
  const size = compiled.bundleGroupSize[group];
  for (let tier = 0; tier < size; tier++) {
    if (compiled.bundleCoins[start + tier] >= coins) return tier;
  }
  return size - 1;
}
