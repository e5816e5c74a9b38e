/**
 * What one replicate will be asked to do, estimated from the resolved config alone, before
 * anything runs: the figures SIM_LIMITS bounds beyond the configured sizes (checked in
 * scenario/resolve-model.ts). A rate the user sets is only a base; the model multiplies it (discovery by
 * (quality ratio)^reachElasticity, gifting by contagion that feeds on itself until budgets run
 * out), so the limits are put on what it becomes. Quality is random: the best creator's is taken
 * at the 99th percentile of the largest of `count` lognormal draws, raised by as much
 * reinvestment as every budget together could pay for; totals use the mean creator. The
 * estimate errs high; what it cannot foresee (a rarer draw, a runaway contagion within what the
 * budgets allow) the simulation's own event budget stops (ReplicateOptions.eventBudget).
 */
import { probit } from "simple-statistics";
import type { Economy } from "../economy/index.js";
import type { SimConfig } from "./config.js";

/** The estimated figures of one replicate. */
export interface WorkEstimate {
  /** Arrivals the best creator's longest stream queues up front (discovery, clips, promotion). */
  bestStreamArrivals: number;
  /** Streams of the replicate if every scheduled slot is held. */
  streams: number;
  /** Gifts the monthly budgets of every payer the replicate can reach pay for, spent down at the gift choice's mean cost. */
  fundedGifts: number;
  /** Events of arrivals and departures and of followers' attendance decisions. */
  visitEvents: number;
  /** Events of the funded gifts: each gift, its purchases and the candidates the thinning rejects. */
  giftEvents: number;
  /** visitEvents + giftEvents: the replicate's estimated events. */
  events: number;
}

/**
 * Events per gift sent: the gift, the purchase that sometimes funds it, and the candidates the
 * thinning rejects (measured: 4.0 when every viewer is a $10,000 whale and budgets, not
 * hazards, end the gifting).
 */
const EVENTS_PER_GIFT = 4;

/** Grid points per tenfold of the budget in giftsUntilSpent. */
const SPEND_STEPS_PER_DECADE = 16;

/** The best creator's quality is taken at this quantile of the largest of `count` draws. */
const BEST_QUALITY_QUANTILE = 0.99;

/** The estimate of `config`'s work on `economy` (the economy its platform resolves to). */
export function estimateWork(config: SimConfig, economy: Economy): WorkEstimate {
  const { population, creators, discovery, promotion } = config;
  const count = creators.count;
  const viewers = population.poolSize * count;
  const horizonDays = config.horizonWeeks * 7;
  // Each viewer's month starts on their own day, and a newcomer comes with a whole month's budget.
  const months = horizonDays / config.monthDays + 1;
  const streamsPerCreator = new Set(creators.schedule.days).size * config.horizonWeeks;
  const streams = streamsPerCreator * count;

  // Budgets: what a payer may spend in a month (means of the capped lognormal and Pareto), in
  // coins at the best-value bundle, and the gifts that buys as the gift choice spends it down.
  const payerBudgetUsd = meanPayerBudgetUsd(population.budget, typicalBudgetFactor(config));
  const totalBudgetUsd = viewers * population.payerShare * payerBudgetUsd * months;
  const giftsPerPayerMonth = giftsUntilSpent((payerBudgetUsd * 1e6) / bestMicrosPerCoin(economy), economy, config.gifting);

  // Quality: the best creator's (a high draw, raised by reinvesting every budget's worth) and the mean reach.
  const { qualitySigma: sigma, reachElasticity: elasticity, reinvestment } = creators;
  const bestZ = probit(1 - (1 - BEST_QUALITY_QUANTILE) / count);
  const growth = 1 + reinvestment.qualityPerLogUsd * Math.log1p((reinvestment.share * totalBudgetUsd) / reinvestment.scaleUsd);
  const bestReach = Math.pow(Math.exp(sigma * bestZ) * growth, elasticity);
  // The mean of (quality ratio)^elasticity over lognormal draws; a sample's mean is never above its largest.
  const meanReach = Math.min(Math.exp((elasticity * sigma) ** 2 / 2), Math.exp(elasticity * sigma * bestZ)) * Math.pow(growth, elasticity);

  const hoursOf = (id: string) => (creators.schedule.durationMinutes / 60) * (id === "behind-the-scenes" ? config.formats["behind-the-scenes"].durationFactor : 1);
  const longestHours = Math.max(...creators.formats.map(hoursOf));
  const meanHours = creators.formats.reduce((sum, id) => sum + hoursOf(id), 0) / creators.formats.length;
  const promotedPerStream = promotion.enabled ? promotion.arrivalsPerStream : 0;

  // Clips bring clipThrough newcomers per viewer of the previous stream's peak, and a peak is at most the pool.
  const bestStreamArrivals = discovery.arrivalsPerHour * bestReach * longestHours + discovery.clipThrough * viewers + promotedPerStream;

  // The mean creator's stream: discovery and promotion, then followers (at most its pool; new
  // ones at most 2 x followProbability of arrivals), then clips from a peak of at most everyone
  // who came (the fixed point of arrivals = base + clipThrough x (arrivals + followers)).
  const promotedTotal = promotedPerStream * Math.min(promotion.streams, streams);
  const baseArrivals = discovery.arrivalsPerHour * meanReach * meanHours + promotedTotal / streams;
  const poolCap = population.poolSize;
  const clipOf = (followers: number) => {
    const c = discovery.clipThrough;
    return c < 1 ? Math.min(c * poolCap, (c * (baseArrivals + followers)) / (1 - c)) : c * poolCap;
  };
  const initialFollowers = Math.min(poolCap / 2, population.initialFollowers * meanReach);
  const followers = Math.min(poolCap, initialFollowers + 2 * discovery.followProbability * streamsPerCreator * (baseArrivals + clipOf(poolCap)));
  const streamArrivals = baseArrivals + clipOf(followers);

  const reachable = Math.min(viewers, count * (initialFollowers + streamsPerCreator * streamArrivals));
  const fundedGifts = reachable * population.payerShare * giftsPerPayerMonth * months;
  const visitEvents = streams * (2 * streamArrivals + followers);
  const giftEvents = EVENTS_PER_GIFT * fundedGifts;
  return { bestStreamArrivals, streams, fundedGifts, visitEvents, giftEvents, events: visitEvents + giftEvents };
}

/**
 * The budget factor of a typical payer: the mean over the population's region weights, or a
 * geo-targeted promotion's region where that is richer. The mean goes into the gifts a budget
 * buys, which grow slower than the budget, so it errs high.
 */
function typicalBudgetFactor(config: SimConfig): number {
  const { regions, budget } = config.population;
  const weight = regions.reduce((sum, r) => sum + r.weight, 0);
  const mean = regions.reduce((sum, r) => sum + r.weight * (budget.regionFactor[r.id] ?? 0), 0) / weight;
  const geo = config.promotion.enabled ? config.promotion.geoRegion : null;
  return geo === null ? mean : Math.max(mean, budget.regionFactor[geo] ?? 0);
}

/** A payer's mean monthly budget, USD, in a region of budget factor `factor`: lognormal body or (whaleShare) Pareto tail, each capped at maxUsd. */
function meanPayerBudgetUsd(budget: SimConfig["population"]["budget"], factor: number): number {
  const body = Math.min(budget.maxUsd, factor * budget.medianUsd * Math.exp((budget.sigma * budget.sigma) / 2));
  // E[min(X, M)] of a Pareto(xm, alpha) X: xm + xm / (alpha - 1) x (1 - (xm / M)^(alpha - 1)).
  const { whaleAlpha: alpha, maxUsd: cap } = budget;
  const xm = factor * budget.whaleMinUsd;
  const tail = cap <= xm ? cap : xm + (xm / (alpha - 1)) * (1 - Math.pow(xm / cap, alpha - 1));
  return (1 - budget.whaleShare) * body + budget.whaleShare * tail;
}

/** Micro-USD per coin of the best-value bundle of any region and channel. */
function bestMicrosPerCoin(economy: Economy): number {
  const microsPerMinor = new Map(economy.regions.map((r) => [r.id, r.usdMicrosPerMinorUnit]));
  let perCoin = Number.POSITIVE_INFINITY;
  for (const bundle of economy.bundles) perCoin = Math.min(perCoin, (bundle.priceMinor * (microsPerMinor.get(bundle.region) ?? Number.POSITIVE_INFINITY)) / bundle.coins);
  return perCoin;
}

/**
 * Gifts a payer sends before `budgetCoins` run out if every gift costs the gift choice's mean
 * for what is left (spending.ts: popularity price^-catalogExponent x exp(-price / (kappa x
 * coins left)), combos of cheap gifts; format tilts left out): the integral of
 * d(coins) / mean cost from the cheapest gift up to the budget, on a logarithmic grid. A rich
 * payer sends costly gifts, so gifts grow far slower than the budget.
 */
function giftsUntilSpent(budgetCoins: number, economy: Economy, gifting: SimConfig["gifting"]): number {
  const prices = economy.gifts.map((g) => g.priceCoins);
  const cheapest = Math.min(...prices);
  if (!(budgetCoins >= cheapest)) return 0;
  const meanCost = (coins: number) => {
    let weight = 0;
    let cost = 0;
    for (const price of prices) {
      if (price > coins) continue;
      const w = Math.pow(price, -gifting.catalogExponent) * Math.exp(-price / (gifting.kappa * coins));
      const count = price <= gifting.combo.maxPriceCoins ? Math.min(1 + gifting.combo.meanExtra, coins / price) : 1;
      weight += w;
      cost += w * price * count;
    }
    return weight > 0 ? cost / weight : cheapest;
  };
  const steps = Math.max(1, Math.ceil(Math.log10(budgetCoins / cheapest) * SPEND_STEPS_PER_DECADE));
  const ratio = Math.pow(budgetCoins / cheapest, 1 / steps);
  let gifts = 1;
  for (let i = 0, low = cheapest; i < steps; i++, low *= ratio) gifts += (low * ratio - low) / meanCost(low * Math.sqrt(ratio));
  return gifts;
}
