/**
 * The viewers: one per slot of a creator's audience pool (creator c's pool is the range
 * poolStart[c] .. poolStart[c + 1]), i.e. one relationship of a person with a creator, struct of
 * arrays. What belongs to the relationship (affinity, follower, habit, satisfaction,
 * acknowledged, last attended, coins gifted to this creator) is per slot; what belongs to the
 * person (traits, wallet, budget, spend month) is per person (people.ts), and `person` maps a
 * slot to them. The stream loop reads a person's traits at the slot: the trait columns here are
 * the person's own arrays when pools do not overlap (every slot its own person) and a copy made
 * when the slot is first touched when they do (traits never change, so the copy stays true).
 * Traits are drawn when a viewer is first touched (an initial follower, a discovery or promoted
 * arrival), so a replicate's cost follows the viewers who show up, not the size of the pool.
 * Zero is the "never" value of every state column, so allocation is all the initialisation a
 * column needs.
 */
import type { CompiledEconomy } from "../economy/index.js";
import type { SimConfig } from "./config.js";
import { createTraitColumns, type People, type PersonTraits } from "./people.js";
import { betaDraw, categorical, cumulativeWeights, lognormal, pareto, type KeyedRandom } from "./random.js";

/** A viewer's satisfaction with a creator before the first visit: neutral, the middle of [0, 1]. */
export const SATISFACTION_START = 0.5;

/** Days are stored as day + DAY_BASE so that 0 means "never" and days before day 0 fit. */
export const DAY_BASE = 10_000;

/** Second key of a relationship's own draws (a person's are keyed (person, 0)). */
const RELATIONSHIP_KEY = 1;

/** Every viewer (pool slot): the person's traits as the slot reads them, and the relationship's state. */
export interface Viewers extends PersonTraits {
  readonly count: number;
  /** Person of each slot (people.ts): the identity when pools do not overlap. */
  readonly person: Int32Array;
  /** Whether slots share people (audience.overlap); false: slot v is person v and the trait columns are the person's. */
  readonly overlap: boolean;
  /** 1 once the slot has been touched (its person's traits drawn and, with overlap, copied). */
  readonly drawn: Uint8Array;
  /** Affinity with this creator (attendance, watch time). */
  readonly affinity: Float32Array;
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
  /** Coins gifted to this creator. */
  readonly giftedCoins: Float64Array;
  /** Day of the first gift to this creator (+ DAY_BASE; 0 never). */
  readonly firstGiftDay: Int32Array;
  /** 1 when the viewer gifted again on a later day within 30 days of the first gift. */
  readonly retainedGifter: Uint8Array;
}

/** Per-replicate lookups for drawing traits. */
export interface TraitTables {
  regionCumulative: Float64Array;
  regionIndex: Int32Array;
  channelCumulative: Float64Array;
  /** Budget income factor by compiled-economy region index (population.budget.regionFactor). */
  budgetFactor: Float64Array;
}

/**
 * Columns for the slots of `person` (slot -> person), all zero ("never", traits not yet drawn).
 * With `overlap` false `person` must be the identity, and the trait columns are `people`'s.
 */
export function createViewers(person: Int32Array, people: People, overlap: boolean): Viewers {
  const n = person.length;
  const { region, channel, budgetMicros, monthPhase, whale, generosity, socialProof, competitiveness, curiosity, churnHazard, patienceSec } = people;
  const traits: PersonTraits = overlap ? createTraitColumns(n) : { region, channel, budgetMicros, monthPhase, whale, generosity, socialProof, competitiveness, curiosity, churnHazard, patienceSec };
  return {
    count: n,
    person,
    overlap,
    drawn: overlap ? new Uint8Array(n) : people.drawn,
    ...traits,
    affinity: new Float32Array(n),
    follower: new Uint8Array(n),
    habit: new Float32Array(n),
    satisfaction: new Float32Array(n),
    acknowledgedDay: new Int32Array(n),
    lastAttendDay: new Int32Array(n),
    lastStreamOrdinal: new Int32Array(n),
    giftedCoins: new Float64Array(n),
    firstGiftDay: new Int32Array(n),
    retainedGifter: new Uint8Array(n),
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
 * Draws a viewer's traits (MODEL.md "Viewers") when the slot is first touched: its person's, if
 * not drawn yet, and the relationship's affinity. Promoted arrivals have the promotion's lower
 * affinity and, when geo-targeted and met here first, its region. Budgets: a payer's is
 * lognormal, or with probability whaleShare Pareto (the whales), times their region's income
 * factor (MODEL.md: budgets scale with the region's income), capped at maxUsd; whole micro-USD.
 * Every payer's budget month starts on a day of their own. The draws come from `random`
 * restarted at the person (random-streams.ts), so a person's traits are the same in every arm of
 * a replicate, whenever and through whichever creator the arm first met them; a relationship's
 * own draws are keyed by its slot. Without overlap slot and person are one and keep their one
 * sequence, the person's, affinity in its place within it. The caller may draw on after them
 * (the relationship's starting follower state) from the same keyed sequence.
 */
export function drawViewer(viewers: Viewers, people: People, v: number, config: SimConfig, tables: TraitTables, random: KeyedRandom, promotedRegion: number, promoted: boolean): void {
  const p = viewers.person[v];
  if (people.drawn[p] === 0) drawPerson(people, p, config, tables, random, promotedRegion, promoted, viewers.overlap ? null : viewers.affinity);
  if (viewers.overlap) {
    viewers.drawn[v] = 1;
    copyTraits(people, p, viewers, v);
    const affinity = promoted ? config.promotion.affinity : config.population.affinity;
    random.rekey(v, RELATIONSHIP_KEY);
    viewers.affinity[v] = betaDraw(random, affinity.alpha, affinity.beta);
  }
  viewers.satisfaction[v] = SATISFACTION_START;
}

/**
 * A person's traits, from `random` keyed (p, 0). `affinityOf`, when pools do not overlap, takes
 * the relationship's affinity at its place in the sequence (slot p is person p).
 */
function drawPerson(people: People, p: number, config: SimConfig, tables: TraitTables, random: KeyedRandom, promotedRegion: number, promoted: boolean, affinityOf: Float32Array | null): void {
  const population = config.population;
  people.drawn[p] = 1;
  random.rekey(p, 0);
  // Drawn even when a geo-targeted promotion fixes the region, so that the draws after it line up.
  const region = tables.regionIndex[categorical(random, tables.regionCumulative)];
  people.region[p] = promoted && promotedRegion >= 0 ? promotedRegion : region;
  people.channel[p] = categorical(random, tables.channelCumulative);
  if (random.uniform() < population.payerShare) {
    const budget = population.budget;
    people.monthPhase[p] = Math.floor(random.uniform() * config.monthDays);
    const whale = random.uniform() < budget.whaleShare;
    const usd = tables.budgetFactor[people.region[p]] * (whale ? pareto(random, budget.whaleMinUsd, budget.whaleAlpha) : lognormal(random, budget.medianUsd, budget.sigma));
    people.budgetMicros[p] = Math.round(Math.min(usd, budget.maxUsd) * 1e6);
    people.whale[p] = whale ? 1 : 0;
    // Traits that only shape a gift: a non-payer never gifts (its gift weight is 0), so they
    // stay 0 there and most viewers skip three Beta draws (a sixth of a replicate's time).
    people.generosity[p] = betaDraw(random, population.generosity.alpha, population.generosity.beta);
    people.socialProof[p] = betaDraw(random, population.socialProof.alpha, population.socialProof.beta);
    people.competitiveness[p] = betaDraw(random, population.competitiveness.alpha, population.competitiveness.beta);
  }
  if (affinityOf !== null) {
    const affinity = promoted ? config.promotion.affinity : population.affinity;
    affinityOf[p] = betaDraw(random, affinity.alpha, affinity.beta);
  }
  people.curiosity[p] = betaDraw(random, population.curiosity.alpha, population.curiosity.beta);
  people.churnHazard[p] = betaDraw(random, population.churn.alpha, population.churn.beta);
  people.patienceSec[p] = 60 * lognormal(random, population.patience.medianMinutes, population.patience.sigma);
}

/** The person's traits into the slot's copy (overlapping pools). */
function copyTraits(people: People, p: number, viewers: Viewers, v: number): void {
  viewers.region[v] = people.region[p];
  viewers.channel[v] = people.channel[p];
  viewers.budgetMicros[v] = people.budgetMicros[p];
  viewers.monthPhase[v] = people.monthPhase[p];
  viewers.whale[v] = people.whale[p];
  viewers.generosity[v] = people.generosity[p];
  viewers.socialProof[v] = people.socialProof[p];
  viewers.competitiveness[v] = people.competitiveness[p];
  viewers.curiosity[v] = people.curiosity[p];
  viewers.churnHazard[v] = people.churnHazard[p];
  viewers.patienceSec[v] = people.patienceSec[p];
}
