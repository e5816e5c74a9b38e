/**
 * What a viewer gives when they decide to gift, and how they pay for it (MODEL.md "Gift
 * choice", "Purchase"). The gift is drawn with P(g) proportional to price^-catalogExponent x
 * exp(-price / (kappa x tilt x coins the viewer can still afford this month)): popular cheap
 * gifts dominate, and the budget sets how far into the catalog a viewer reaches. Cheap gifts
 * come in combos. A viewer short of coins buys, through their own channel and region, the
 * smallest bundle that covers the gift among those the month's remaining budget allows; if no
 * bundle allows it, they send fewer or a cheaper gift, or none. Budgets reset monthly, each
 * payer's on their own day (MODEL.md: staggered, so that no study sees a platform-wide payday).
 */
import { MAX_GIFT_COUNT } from "../core/index.js";
import type { CompiledEconomy } from "../economy/index.js";
import type { SimConfig } from "./config.js";
import { bufferPurchase, type MoneyFeed } from "./money.js";
import { geometric, type Random } from "./random.js";
import { priceBucket } from "./tally.js";
import type { People } from "./people.js";
import type { Viewers } from "./viewers.js";

/** Catalog lookups computed once per replicate. */
export interface Catalog {
  price: Int32Array;
  /** price^-catalogExponent: the catalog's popularity before budgets. */
  popularity: Float64Array;
  /** Gift ids by price, cheapest first. */
  byPrice: Int32Array;
  /** Each gift's price bucket (tally.priceBucket), looked up once rather than per gift sent. */
  bucket: Int32Array;
  cheapest: number;
  /** Per (region, channel) group: micro-USD per coin of the best-value bundle, and the cheapest bundle's price. */
  microsPerCoin: Float64Array;
  cheapestBundleMicros: Float64Array;
  /** Scratch for the choice weights. */
  weights: Float64Array;
}

/** Catalog and bundle lookups for a config's gift choice. */
export function createCatalog(config: SimConfig, economy: CompiledEconomy): Catalog {
  const price = economy.giftPriceCoins;
  const byPrice = Int32Array.from(price.keys()).sort((a, b) => price[a] - price[b] || a - b);
  const groups = economy.bundleGroupSize.length;
  const microsPerCoin = new Float64Array(groups);
  const cheapestBundleMicros = new Float64Array(groups).fill(Number.POSITIVE_INFINITY);
  for (let group = 0; group < groups; group++) {
    let best = Number.POSITIVE_INFINITY;
    for (let tier = 0; tier < economy.bundleGroupSize[group]; tier++) {
      const bundle = economy.bundleGroupStart[group] + tier;
      best = Math.min(best, economy.bundlePriceMicros[bundle] / economy.bundleCoins[bundle]);
      cheapestBundleMicros[group] = Math.min(cheapestBundleMicros[group], economy.bundlePriceMicros[bundle]);
    }
    microsPerCoin[group] = best;
  }
  return {
    price,
    popularity: Float64Array.from(price, (p) => Math.pow(p, -config.gifting.catalogExponent)),
    byPrice,
    bucket: Int32Array.from(price, priceBucket),
    cheapest: price[byPrice[0]],
    microsPerCoin,
    cheapestBundleMicros,
    weights: new Float64Array(price.length),
  };
}

/** Everything spending needs, bundled so the stream loop passes one object. */
export interface Spending {
  readonly config: SimConfig;
  readonly economy: CompiledEconomy;
  readonly catalog: Catalog;
  readonly viewers: Viewers;
  readonly people: People;
  readonly money: MoneyFeed;
  readonly random: Random;
  /** Purchases made, and their price, by the last call (for the stream's tallies). */
  purchases: number;
  purchaseMicros: number;
  purchaseFeeBpsMicros: number;
}

/** The person's own budget month on `day`: each month starts monthPhase days before a multiple of monthDays. */
export function budgetMonth(people: People, p: number, day: number, monthDays: number): number {
  return Math.floor((day + people.monthPhase[p]) / monthDays);
}

/**
 * A steady start for a viewer already in the audience on day 0: they are monthPhase days into
 * a month that began before the study, and of that part of its budget they have spent
 * `spentShare` (budget x spentShare x phase / monthDays). With none spent every such viewer
 * would hold a whole month's budget for what is left of one, and a study's first weeks would be
 * richer than later ones; with all of it (an even pace) poorer, since a payer paced by what is
 * left rarely spends the whole month's budget.
 */
export function startMidMonth(people: People, p: number, monthDays: number, spentShare: number): void {
  people.spendMonth[p] = 1;
  people.spentMonthMicros[p] = Math.floor((people.budgetMicros[p] * spentShare * people.monthPhase[p]) / monthDays);
}

/** Micro-USD the person may still spend on bundles in their month of `day`, across all their creators (resetting a stale month). */
export function remainingBudget(people: People, p: number, day: number, monthDays: number): number {
  const month = budgetMonth(people, p, day, monthDays);
  if (people.spendMonth[p] !== month + 1) {
    people.spendMonth[p] = month + 1;
    people.spentMonthMicros[p] = 0;
  }
  return people.budgetMicros[p] - people.spentMonthMicros[p];
}

/** Whether the viewer could send at least the cheapest gift on `day` (wallet or a bundle within budget). */
export function canGift(spending: Spending, v: number, day: number): boolean {
  const { viewers, people } = spending;
  const p = viewers.person[v];
  if (people.wallet[p] >= spending.catalog.cheapest) return true;
  const group = viewers.region[v] * spending.economy.channelIds.length + viewers.channel[v];
  return remainingBudget(people, p, day, spending.config.monthDays) >= spending.catalog.cheapestBundleMicros[group];
}

/**
 * Chooses the viewer's gift and funds it from their person's wallet and month's budget
 * (buffering a purchase when needed). Returns
 * gift id x 65,536 + count, or -1 when the viewer cannot afford any gift this month.
 */
export function chooseGift(spending: Spending, v: number, tilt: number, creator: number, day: number, timeSecond: number): number {
  const { viewers, people, economy, catalog, random } = spending;
  const p = viewers.person[v];
  spending.purchases = 0;
  spending.purchaseMicros = 0;
  spending.purchaseFeeBpsMicros = 0;
  const channels = economy.channelIds.length;
  const region = viewers.region[v];
  const channel = viewers.channel[v];
  const group = region * channels + channel;
  const wallet = people.wallet[p];
  const remaining = remainingBudget(people, p, day, spending.config.monthDays);

  // The largest bundle the month's budget still allows bounds what can be sent now.
  const start = economy.bundleGroupStart[group];
  const tiers = economy.bundleGroupSize[group];
  let maxTier = -1;
  for (let tier = 0; tier < tiers; tier++) if (economy.bundlePriceMicros[start + tier] <= remaining && (maxTier < 0 || economy.bundleCoins[start + tier] > economy.bundleCoins[start + maxTier])) maxTier = tier;
  const reach = wallet + (maxTier >= 0 ? economy.bundleCoins[start + maxTier] : 0);
  if (reach < catalog.cheapest) return -1;

  const affordable = wallet + Math.max(0, remaining) / catalog.microsPerCoin[group];
  const scale = spending.config.gifting.kappa * tilt * affordable;
  const { price, popularity, weights } = catalog;
  let total = 0;
  for (let g = 0; g < price.length; g++) {
    const w = price[g] <= reach ? popularity[g] * Math.exp(-price[g] / scale) : 0;
    weights[g] = w;
    total += w;
  }
  let gift = catalog.byPrice[0];
  if (total > 0) {
    let u = random.uniform() * total;
    for (let g = 0; g < price.length; g++) {
      u -= weights[g];
      if (u < 0 && weights[g] > 0) {
        gift = g;
        break;
      }
    }
  }
  const combo = spending.config.gifting.combo;
  let count = price[gift] <= combo.maxPriceCoins ? 1 + geometric(random, combo.meanExtra) : 1;
  count = Math.max(1, Math.min(count, Math.floor(reach / price[gift]), MAX_GIFT_COUNT));
  const need = price[gift] * count;

  if (wallet < need) {
    const short = need - wallet;
    let chosen = maxTier;
    for (let tier = 0; tier < tiers; tier++) {
      const bundle = start + tier;
      if (economy.bundleCoins[bundle] >= short && economy.bundlePriceMicros[bundle] <= remaining && economy.bundleCoins[bundle] < economy.bundleCoins[start + chosen]) chosen = tier;
    }
    const bundle = start + chosen;
    const priceMicros = economy.bundlePriceMicros[bundle];
    bufferPurchase(spending.money, p, region, channel, chosen, creator, day, timeSecond);
    people.wallet[p] += economy.bundleCoins[bundle];
    people.spentMonthMicros[p] += priceMicros;
    people.spentTotalMicros[p] += priceMicros;
    spending.purchases = 1;
    spending.purchaseMicros = priceMicros;
    spending.purchaseFeeBpsMicros = priceMicros * economy.bundleStoreFeeBps[bundle];
  }
  people.wallet[p] -= need;
  return gift * 65_536 + count;
}
