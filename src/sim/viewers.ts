/**
 * The viewer population, struct-of-arrays over every creator's audience pool (creator c's pool
 * is the range poolStart[c] .. poolStart[c + 1]). Traits are drawn when a viewer is first touched (an initial
 * follower, a discovery or promoted arrival), so a replicate's cost follows the viewers who
 * show up, not the size of the pool. Zero is the "never" value of every state column, so
 * allocation is all the initialisation a column needs.
 */
import type { CompiledEconomy } from "../economy/index.js";
import type { SimConfig } from "./config.js";
import { betaDraw, categorical, cumulativeWeights, lognormal, pareto, type KeyedRandom } from "./random.js";

/** A viewer's satisfaction with a creator before the first visit: neutral, the middle of [0, 1]. */
export const SATISFACTION_START = 0.5;

/** Days are stored as day + DAY_BASE so that 0 means "never" and days before day 0 fit. */
export const DAY_BASE = 10_000;

/** Traits and state of every viewer, one typed array per column. */
export interface Viewers {
  readonly count: number;
  /** 1 once the viewer's traits have been drawn. */
  readonly drawn: Uint8Array;
  /** Region index in the compiled economy. */
  readonly region: Uint8Array;
  /** Channel index in the compiled economy. */
  readonly channel: Uint8Array;
  /** Monthly gifting budget, micro-USD (0 for non-payers): the draw times the region's income factor. */
  readonly budgetMicros: Float64Array;
  /**
   * Days into their own budget month a payer is on day 0, in [0, monthDays): each payer's month
   * starts on their own day (spending.ts budgetMonth), so budgets do not all reset at once.
   */
  readonly monthPhase: Uint16Array;
  /** 1 when the budget was drawn from the Pareto whale tail. */
  readonly whale: Uint8Array;
  readonly generosity: Float32Array;
  readonly affinity: Float32Array;
  readonly socialProof: Float32Array;
  readonly competitiveness: Float32Array;
  readonly curiosity: Float32Array;
  /** Weekly hazard of unfollowing at satisfaction 0.5. */
  readonly churnHazard: Float32Array;
  /** Mean watch time of a visit before format and affinity, seconds. */
  readonly patienceSec: Float32Array;
  /** 1 while the viewer follows their creator. */
  readonly follower: Uint8Array;
  /** Habit of attending, in [0, 1]. */
  readonly habit: Float32Array;
  /** Satisfaction with the creator, in [0, 1]. */
  readonly satisfaction: Float32Array;
  /**
   * Day (+ DAY_BASE) a first gift was acknowledged by a shout-out, 0 never. From the next day on
   * the viewer gifts more readily: the shout-out builds a habit of gifting to this creator.
   */
  readonly acknowledgedDay: Int32Array;
  /** Day of the last stream attended (+ DAY_BASE; 0 never). */
  readonly lastAttendDay: Int32Array;
  /** Creator's stream ordinal of the last stream attended, + 1 (0 never). */
  readonly lastStreamOrdinal: Int32Array;
  /** Coins in the wallet: the simulation's mirror of the ledger's column. */
  readonly wallet: Int32Array;
  /** Spent on bundles in the viewer's own budget month `spendMonth - 1`, micro-USD. */
  readonly spentMonthMicros: Float64Array;
  readonly spendMonth: Int32Array;
  readonly spentTotalMicros: Float64Array;
  readonly giftedCoins: Float64Array;
  /** Day of the first gift (+ DAY_BASE; 0 never). */
  readonly firstGiftDay: Int32Array;
  /** 1 when the viewer gifted again on a later day within 30 days of the first gift. */
  readonly retainedGifter: Uint8Array;
  /** Month + 1 in which the viewer was last counted active / as a gifter. */
  readonly activeMonth: Int32Array;
  readonly gifterMonth: Int32Array;
  /** Day + DAY_BASE on which the viewer was last counted active. */
  readonly activeDay: Int32Array;
}

/** Per-replicate lookups for drawing traits. */
export interface TraitTables {
  regionCumulative: Float64Array;
  regionIndex: Int32Array;
  channelCumulative: Float64Array;
  /** Budget income factor by compiled-economy region index (population.budget.regionFactor). */
  budgetFactor: Float64Array;
}

/** Columns for `n` viewers, all zero ("never", traits not yet drawn). */
export function createViewers(n: number): Viewers {
  return {
    count: n,
    drawn: new Uint8Array(n),
    region: new Uint8Array(n),
    channel: new Uint8Array(n),
    budgetMicros: new Float64Array(n),
    monthPhase: new Uint16Array(n),
    whale: new Uint8Array(n),
    generosity: new Float32Array(n),
    affinity: new Float32Array(n),
    socialProof: new Float32Array(n),
    competitiveness: new Float32Array(n),
    curiosity: new Float32Array(n),
    churnHazard: new Float32Array(n),
    patienceSec: new Float32Array(n),
    follower: new Uint8Array(n),
    habit: new Float32Array(n),
    satisfaction: new Float32Array(n),
    acknowledgedDay: new Int32Array(n),
    lastAttendDay: new Int32Array(n),
    lastStreamOrdinal: new Int32Array(n),
    wallet: new Int32Array(n),
    spentMonthMicros: new Float64Array(n),
    spendMonth: new Int32Array(n),
    spentTotalMicros: new Float64Array(n),
    giftedCoins: new Float64Array(n),
    firstGiftDay: new Int32Array(n),
    retainedGifter: new Uint8Array(n),
    activeMonth: new Int32Array(n),
    gifterMonth: new Int32Array(n),
    activeDay: new Int32Array(n),
  };
}

/** Cumulative region and channel weights, in the compiled economy's indices. */
export function traitTables(config: SimConfig, economy: CompiledEconomy): TraitTables {
  const regions = config.population.regions;
  return {
    regionCumulative: cumulativeWeights(regions.map((r) => r.weight)),
    regionIndex: Int32Array.from(regions.map((r) => economy.regionIds.indexOf(r.id))),
    channelCumulative: cumulativeWeights(economy.channelIds.map((c) => config.population.channels[c])),
    // A region without a factor is never drawn or promoted to: the scenario refuses such a config.
    budgetFactor: Float64Array.from(economy.regionIds, (id) => config.population.budget.regionFactor[id] ?? 0),
  };
}

/**
 * Draws a viewer's traits (MODEL.md "Viewers"). Promoted arrivals have the promotion's lower
 * affinity and, when geo-targeted, its region. Budgets: a payer's is lognormal, or with
 * probability whaleShare Pareto (the whales), times their region's income factor (MODEL.md:
 * budgets scale with the region's income), capped at maxUsd; whole micro-USD. Every payer's
 * budget month starts on a day of their own. The draws come from `random` restarted at the
 * viewer (random-streams.ts), so a viewer's traits are the same in every arm of a replicate,
 * whenever and however the arm first met them; the caller may draw on after them (the viewer's
 * starting follower state) from the same keyed sequence.
 */
export function drawViewer(viewers: Viewers, v: number, config: SimConfig, tables: TraitTables, random: KeyedRandom, promotedRegion: number, promoted: boolean): void {
  const population = config.population;
  viewers.drawn[v] = 1;
  random.rekey(v, 0);
  // Drawn even when a geo-targeted promotion fixes the region, so that the draws after it line up.
  const region = tables.regionIndex[categorical(random, tables.regionCumulative)];
  viewers.region[v] = promoted && promotedRegion >= 0 ? promotedRegion : region;
  viewers.channel[v] = categorical(random, tables.channelCumulative);
  if (random.uniform() < population.payerShare) {
    const budget = population.budget;
    viewers.monthPhase[v] = Math.floor(random.uniform() * config.monthDays);
    const whale = random.uniform() < budget.whaleShare;
    const usd = tables.budgetFactor[viewers.region[v]] * (whale ? pareto(random, budget.whaleMinUsd, budget.whaleAlpha) : lognormal(random, budget.medianUsd, budget.sigma));
    viewers.budgetMicros[v] = Math.round(Math.min(usd, budget.maxUsd) * 1e6);
    viewers.whale[v] = whale ? 1 : 0;
    // Traits that only shape a gift: a non-payer never gifts (its gift weight is 0), so they
    // stay 0 there and most viewers skip three Beta draws (a sixth of a replicate's time).
    viewers.generosity[v] = betaDraw(random, population.generosity.alpha, population.generosity.beta);
    viewers.socialProof[v] = betaDraw(random, population.socialProof.alpha, population.socialProof.beta);
    viewers.competitiveness[v] = betaDraw(random, population.competitiveness.alpha, population.competitiveness.beta);
  }
  const affinity = promoted ? config.promotion.affinity : population.affinity;
  viewers.affinity[v] = betaDraw(random, affinity.alpha, affinity.beta);
  viewers.curiosity[v] = betaDraw(random, population.curiosity.alpha, population.curiosity.beta);
  viewers.churnHazard[v] = betaDraw(random, population.churn.alpha, population.churn.beta);
  viewers.patienceSec[v] = 60 * lognormal(random, population.patience.medianMinutes, population.patience.sigma);
  viewers.satisfaction[v] = SATISFACTION_START;
}
