/**
 * The calibration plan (docs/model.md "Calibration"): the studies each fact is measured on, the
 * counterfactual that switches each behavioural fact's mechanism off, and the held-out facts
 * the defaults were not tuned to, reported as validation. Studies are model overrides laid on
 * the defaults, so they follow the model as it changes; `quick` shrinks a study for the test.
 */
import type { CalibrationBand } from "../sim/index.js";

/** A study built for some facts. */
export interface CalibrationStudy {
  id: string;
  description: string;
  /** Model overrides on the defaults. */
  model: Readonly<Record<string, unknown>>;
  /** Overrides laid on `model` for the quick (test) size. */
  quick: Readonly<Record<string, unknown>>;
  /** Replicates relative to the plan's count (heavy studies run fewer), at least 3. */
  replicateShare: number;
}

/** Many creators of widely varying quality on Twitch's price book: the source of both creator facts is the Twitch leak. */
const MANY_CREATORS = {
  platform: { preset: "twitch-bits" },
  horizonWeeks: 4,
  creators: { count: 300, qualitySigma: 1.5, reachElasticity: 2 },
  population: { poolSize: 1_000, initialFollowers: 20 },
  discovery: { arrivalsPerHour: 5 },
};
const NO_CONTAGION = { gifting: { contagion: { strength: 0 } } };

export const CALIBRATION_STUDIES: readonly CalibrationStudy[] = [
  {
    id: "one-creator",
    description: "the default model: one creator, its pool of 20,000, four weeks (one budget month)",
    model: {},
    quick: {},
    replicateShare: 1,
  },
  {
    id: "battle-pairings",
    description:
      "one creator on battle nights, contagion off, rivals drawn from 500 with a rematch of the last rival half the time: whether a round is a repeat is then a coin flip, not a matter of how far into the month or the stream it falls",
    model: { creators: { formats: ["battle"] }, formats: { battle: { rivalPool: 500, rematchProbability: 0.5 } }, ...NO_CONTAGION },
    quick: {},
    replicateShare: 1,
  },
  {
    id: "many-creators",
    description:
      "300 creators (quality lognormal sigma 1.5, reach growing with its square, so the top 1% is 3 creators), pools of 1,000, four weeks, Twitch Bits preset (its $50 minimum payout, no daily cap)",
    model: MANY_CREATORS,
    // Two weeks and pools of 200 for the test; a $10 minimum payout so that about as many creators get paid in two weeks as at $50 in four.
    quick: { horizonWeeks: 2, population: { poolSize: 200 }, platform: { overrides: { policy: { payoutThresholdMicros: 10_000_000 } } } },
    replicateShare: 0.5,
  },
  {
    id: "varied-audiences-no-contagion",
    description:
      "50 creators of varied quality (sigma 1, reach growing with its square), pools of 2,000, two weeks, contagion off: concurrency varies mostly across creators and no gift excites the next, so the slope measures herding alone",
    model: {
      horizonWeeks: 2,
      creators: { count: 50, qualitySigma: 1, reachElasticity: 2 },
      population: { poolSize: 2_000, initialFollowers: 100 },
      discovery: { arrivalsPerHour: 20 },
      ...NO_CONTAGION,
    },
    quick: {},
    replicateShare: 1,
  },
];

/** What switches a behavioural fact's mechanism off, by fact id; the band must fail under it. */
export const COUNTERFACTUALS: Readonly<Record<string, { description: string; model: Readonly<Record<string, unknown>> }>> = {
  "gifting-concentration": { description: "budget spread off: population.budget.sigma 0, whaleShare 0", model: { population: { budget: { sigma: 0, whaleShare: 0 } } } },
  "paying-share": { description: "payer gate off: population.payerShare 1", model: { population: { payerShare: 1 } } },
  bursts: { description: "contagion off: gifting.contagion.strength 0", model: NO_CONTAGION },
  herding: { description: "herding off: gifting.herding.elasticity 0 (contagion held off)", model: { gifting: { herding: { elasticity: 0 } } } },
  "battle-pairing-fatigue": { description: "fatigue off: formats.battle.repeatDecay 1, freshBoost 0", model: { formats: { battle: { repeatDecay: 1, freshBoost: 0 } } } },
  "creator-income-concentration": { description: "quality spread off: creators.qualitySigma 0", model: { creators: { qualitySigma: 0 } } },
};

/** A published figure the defaults were not tuned to, compared with the model's value. */
export interface ValidationFact {
  id: string;
  fact: string;
  source: string;
  measure: string;
  /** A METRIC_NAMES entry, or "giftGapTailExponent" (Hill's estimator on the replicate's gift gaps, from its event log). */
  metric: string;
  published: number;
  /** The agreement band around the published figure (a stated tolerance, not a fitted one). */
  band: CalibrationBand;
  study: string;
}

/** Share of the largest gaps Hill's estimator reads (the tail). */
export const GAP_TAIL_SHARE = 0.05;

export const VALIDATION_FACTS: readonly ValidationFact[] = [
  {
    id: "twitch-small-earners",
    fact: "On Twitch three quarters of earners made under $120",
    source: "Press analyses of the October 2021 Twitch payout data leak",
    measure: "share of creators paid at least once whose payouts over the four weeks total under $120",
    metric: "calibPaidCreatorsUnder120Share",
    published: 0.75,
    band: { min: 0.65, max: 0.85, description: "0.65 - 0.85 (0.75 +- 0.10)" },
    study: "many-creators",
  },
  {
    id: "gift-gap-tail",
    fact: "Gaps between donations are heavy-tailed, tail exponent about 1.9",
    source: "A study of donations in an MMORPG",
    measure: `Hill tail exponent of the gaps between consecutive gifts in a stream, on the largest ${GAP_TAIL_SHARE * 100}% of the replicate's gaps`,
    metric: "giftGapTailExponent",
    published: 1.9,
    band: { min: 1.5, max: 2.3, description: "1.5 - 2.3 (1.9 +- 0.4)" },
    study: "one-creator",
  },
  {
    id: "herding-magnitude",
    fact: "Adding viewers raised tips per viewer by about 1% of mean tips per extra viewer per minute",
    source: "Lu, Yao, Chen and Grewal, Marketing Science 40(5), 2021",
    measure: "slope of gifts per viewer-minute on concurrency (5-minute bins) / mean gifts per viewer-minute, every mechanism on",
    metric: "calibHerdingPerViewer",
    published: 0.01,
    band: { min: 0.005, max: 0.02, description: "0.005 - 0.02 (half to twice 1%)" },
    study: "many-creators",
  },
];
