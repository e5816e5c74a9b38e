/**
 * The stylized facts the model answers to (docs/model.md "Calibration"), each citing its
 * published source, which the report prints under the fact. A behavioural fact names the
 * mechanism that should produce it: the calibration plan (run/calibration-plan.ts) measures it
 * on the study built for it (CalibrationFact.study) with that mechanism on and switched off, and
 * a check passes only when the band holds with it on and fails with it off. An accounting fact
 * follows from the price book whatever viewers do, so it is shown as a check of the accounting,
 * not as calibration. Judging a set of replicates against the bands is run/calibration-table.ts.
 */

/** A band on a metric's mean over replicates; both ends inclusive, either may be open. */
export interface CalibrationBand {
  min?: number;
  max?: number;
  /** How the band reads in words, e.g. "lower than a fresh pairing (ratio < 1)". */
  description: string;
}

/** A stylized fact, the metric that measures it and the band it must land in. */
export interface CalibrationFact {
  id: string;
  /** "behavioural": produced by a mechanism, paired with a counterfactual; "accounting": an identity of the price book. */
  kind: "behavioural" | "accounting";
  /** The stylized fact, as its source states it. */
  fact: string;
  source: string;
  /** What the simulation measures. */
  measure: string;
  /** The METRIC_NAMES entry holding the measure. */
  metric: string;
  band: CalibrationBand;
  /** The calibration plan's study the fact is measured on (run/calibration-plan.ts). */
  study: string;
  /** The mechanism the band answers to, which the counterfactual switches off (behavioural facts). */
  mechanism?: string;
  /** The same fact read another way, shown beside it, and why the band does not apply to it. */
  alsoMeasured?: { metric: string; measure: string; why: string };
}

/** The facts of MODEL.md's calibration bands, in report order: behavioural first, then accounting. */
export const CALIBRATION_FACTS: readonly CalibrationFact[] = [
  {
    id: "gifting-concentration",
    kind: "behavioural",
    fact: "Heavy gifting concentration: on Inke 20% of viewers gave 97% of gifts",
    source: "Tu, Yan, Yan, Ding and Sun, \"Who Is Earning? Understanding and Modeling the Virtual Gifts Behavior of Users in Live Streaming Economy\", IEEE MIPR 2018",
    measure: "share of coins from the top 20% of gifters",
    metric: "calibTop20Share",
    band: { min: 0.8, max: 0.98, description: "0.80 - 0.98" },
    study: "one-creator",
    mechanism: "the spread of monthly budgets (lognormal sigma and the whale tail)",
    alsoMeasured: {
      metric: "calibTop20ViewerShare",
      measure: "share of coins from the top 20% of all viewers (non-gifters count 0)",
      why: "over all viewers the share is 1 wherever fewer than 20% of viewers gift (DouYu: under 5% pay), so 97% can only describe a population most of whom gift: the band applies over gifters",
    },
  },
  {
    id: "paying-share",
    kind: "behavioural",
    fact: "A few percent of viewers pay: DouYu Q2 2020, 7.6M paying of 165.3M MAU (about 4.6%)",
    source: "DouYu International Holdings, second-quarter 2020 results furnished to the US SEC (Form 6-K, August 2020)",
    measure: "viewers who gifted in a month / viewers active that month",
    metric: "calibPayingShare",
    band: { min: 0.02, max: 0.1, description: "0.02 - 0.10" },
    study: "one-creator",
    mechanism: "the payer gate: only a minority of viewers holds a gifting budget (population.payerShare)",
  },
  {
    id: "bursts",
    kind: "behavioural",
    fact: "Gifts come in bursts (chat spikes, seeing others gift); gaps between donations are heavy-tailed, not Poisson",
    source: "A study of gifting on Douyu (gifts cluster on chat spikes and others' gifts); a study of donations in an MMORPG (heavy-tailed gaps, tail exponent about 1.9)",
    measure: "coefficient of variation of gaps between gifts in a stream (Poisson = 1)",
    metric: "calibGapCv",
    band: { min: 1.3, description: "above 1.3" },
    study: "one-creator",
    mechanism: "contagion: each gift excites gifting (gifting.contagion.strength)",
  },
  {
    id: "herding",
    kind: "behavioural",
    fact: "More viewers raise tips per viewer (herding), up to a point",
    source: "Lu, Yao, Chen and Grewal, \"Do Larger Audiences Generate Greater Revenues Under Pay What You Want? Evidence from a Live Streaming Platform\", Marketing Science 40(5), 2021; crowding out: Yao et al., Production and Operations Management, 2023",
    measure: "elasticity of gifts per viewer-minute with respect to concurrency (5-minute bins), contagion held off",
    metric: "calibHerdingSlope",
    band: { min: Number.MIN_VALUE, description: "above 0" },
    study: "varied-audiences-no-contagion",
    mechanism: "herding: the gift hazard grows with the crowd present (gifting.herding.elasticity)",
  },
  {
    id: "battle-pairing-fatigue",
    kind: "behavioural",
    fact: "Repeating the same battle pairing lowers gifting; diverse pairings raise it",
    source: "Papers on PK battles in live streaming at PACIS 2021 and ECIS 2021 (diverse pairings raise gifting, repeated ones lower it)",
    measure: "gift events per viewer-minute in rounds against a rival met before / against a fresh rival",
    metric: "calibBattleRepeatRatio",
    band: { max: 0.999_999, description: "lower than a fresh pairing (ratio below 1)" },
    study: "battle-pairings",
    mechanism: "pairing fatigue: a repeated pairing's surge and fresh boost decay (formats.battle.repeatDecay, freshBoost)",
  },
  {
    id: "creator-income-concentration",
    kind: "behavioural",
    fact: "Creator income is concentrated: on Twitch the top 1% of streamers took over half of 2021 payouts",
    source: "Press analyses of the October 2021 Twitch payout data leak",
    measure: "top 1% of creators' share of payouts (Twitch Bits preset, 300 creators, so the top 1% is 3 creators)",
    metric: "calibCreatorTop1PayoutShare",
    // The source's own claim, "over half"; it gives no upper end.
    band: { min: 0.5, description: "over half (above 0.50)" },
    study: "many-creators",
    mechanism: "the spread of creator quality and the reach it brings (creators.qualitySigma)",
  },
  {
    id: "creator-keep-share",
    kind: "accounting",
    fact: "The creator keeps about 35-47% of viewer spend on TikTok",
    source: "TikTok coin price lists (1.06-1.43 US cents a coin, web to in-app) and the creator guide \"How to Monetize Tiktok Live Streams?\" (about $0.005 a coin to the creator as diamonds)",
    measure: "creator earnings (USD) / viewer spend",
    metric: "calibCreatorKeepShare",
    band: { min: 0.33, max: 0.5, description: "0.33 - 0.50" },
    study: "one-creator",
  },
];

/** Whether a value lies inside a band. */
export function insideBand(band: CalibrationBand, value: number): boolean {
  return Number.isFinite(value) && (band.min === undefined || value >= band.min) && (band.max === undefined || value <= band.max);
}
