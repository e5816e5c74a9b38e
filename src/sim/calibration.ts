/**
 * The stylized facts the model answers to (docs/model.md "Calibration"), each citing its
 * published source, which the report prints under the fact. The run and report layers average each fact's metric over replicates and show
 * fact, band, simulated value and whether it is inside. `calibrationTable` does that for a set
 * of metric rows, so tests and the calibration bench use the same rule as reports.
 */
import { METRIC_NAMES } from "./metric-names.js";

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
  /** The stylized fact, as its source states it. */
  fact: string;
  source: string;
  /** What the simulation measures. */
  measure: string;
  /** The METRIC_NAMES entry holding the measure. */
  metric: string;
  band: CalibrationBand;
  /** The built-in scenario where the fact is measured, when the default scenario cannot (one creator, no battles). */
  scenario: string;
}

/** The facts of MODEL.md's calibration bands, in report order. */
export const CALIBRATION_FACTS: readonly CalibrationFact[] = [
  {
    id: "gifting-concentration",
    fact: "Heavy gifting concentration: on Inke 20% of viewers gave 97% of gifts",
    source: "Tu, Yan, Yan, Ding and Sun, \"Who Is Earning? Understanding and Modeling the Virtual Gifts Behavior of Users in Live Streaming Economy\", IEEE MIPR 2018",
    measure: "share of coins from the top 20% of gifters",
    metric: "calibTop20Share",
    band: { min: 0.8, max: 0.98, description: "0.80 - 0.98" },
    scenario: "qa-vs-challenge",
  },
  {
    id: "paying-share",
    fact: "A few percent of viewers pay: DouYu Q2 2020, 7.6M paying of 165.3M MAU (about 4.6%)",
    source: "DouYu International Holdings, second-quarter 2020 results furnished to the US SEC (Form 6-K, August 2020)",
    measure: "viewers who gifted in a month / viewers active that month",
    metric: "calibPayingShare",
    band: { min: 0.02, max: 0.1, description: "0.02 - 0.10" },
    scenario: "qa-vs-challenge",
  },
  {
    id: "bursts",
    fact: "Gifts come in bursts (chat spikes, seeing others gift); gaps between donations are heavy-tailed, not Poisson",
    source: "A study of gifting on Douyu (gifts cluster on chat spikes and others' gifts); a study of donations in an MMORPG (heavy-tailed gaps, tail exponent about 1.9)",
    measure: "coefficient of variation of gaps between gifts in a stream (Poisson = 1)",
    metric: "calibGapCv",
    band: { min: 1.3, description: "above 1.3" },
    scenario: "qa-vs-challenge",
  },
  {
    id: "herding",
    fact: "More viewers raise tips per viewer (herding), up to a point",
    source: "Lu, Yao, Chen and Grewal, \"Do Larger Audiences Generate Greater Revenues Under Pay What You Want? Evidence from a Live Streaming Platform\", Marketing Science 40(5), 2021; crowding out: Yao et al., Production and Operations Management, 2023",
    measure: "elasticity of gifts per viewer-minute with respect to concurrency (5-minute bins)",
    metric: "calibHerdingSlope",
    band: { min: Number.MIN_VALUE, description: "above 0" },
    scenario: "qa-vs-challenge",
  },
  {
    id: "battle-pairing-fatigue",
    fact: "Repeating the same battle pairing lowers gifting; diverse pairings raise it",
    source: "Papers on PK battles in live streaming at PACIS 2021 and ECIS 2021 (diverse pairings raise gifting, repeated ones lower it)",
    measure: "gift events per viewer-minute in rounds against a rival met before / against a fresh rival",
    metric: "calibBattleRepeatRatio",
    band: { max: 0.999_999, description: "lower than a fresh pairing (ratio below 1)" },
    scenario: "battle-night",
  },
  {
    id: "creator-income-concentration",
    fact: "Creator income is concentrated: on Twitch the top 1% of streamers took over half of 2021 payouts",
    source: "Press analyses of the October 2021 Twitch payout data leak",
    measure: "top 1% of creators' share of creator earnings (many creators of varied quality; earnings because the daily payout cap flattens cash-outs)",
    metric: "calibCreatorTop1PayoutShare",
    band: { min: 0.45, max: 0.75, description: "0.45 - 0.75" },
    scenario: "platform-compare",
  },
  {
    id: "creator-keep-share",
    fact: "The creator keeps about 35-47% of viewer spend on TikTok",
    source: "TikTok coin price lists (1.06-1.43 US cents a coin, web to in-app) and the creator guide \"How to Monetize Tiktok Live Streams?\" (about $0.005 a coin to the creator as diamonds)",
    measure: "creator earnings (USD) / viewer spend",
    metric: "calibCreatorKeepShare",
    band: { min: 0.33, max: 0.5, description: "0.33 - 0.50" },
    scenario: "qa-vs-challenge",
  },
];

/** One row of the calibration table. */
export interface CalibrationRow {
  fact: CalibrationFact;
  /** Mean of the metric over the replicates that measured it (NaN values skipped); NaN if none did. */
  value: number;
  measuredReplicates: number;
  state: "inside" | "outside" | "not measured";
}

/** Whether a value lies inside a fact's band. */
export function insideBand(band: CalibrationBand, value: number): boolean {
  return Number.isFinite(value) && (band.min === undefined || value >= band.min) && (band.max === undefined || value <= band.max);
}

/** The calibration table for replicate metric rows (each ordered as METRIC_NAMES). */
export function calibrationTable(metricRows: readonly ArrayLike<number>[]): CalibrationRow[] {
  return CALIBRATION_FACTS.map((fact) => {
    const column = METRIC_NAMES.indexOf(fact.metric);
    let sum = 0;
    let measured = 0;
    for (const row of metricRows) {
      const value = row[column];
      if (Number.isFinite(value)) {
        sum += value;
        measured++;
      }
    }
    const value = measured > 0 ? sum / measured : Number.NaN;
    const state = measured === 0 ? "not measured" : insideBand(fact.band, value) ? "inside" : "outside";
    return { fact, value, measuredReplicates: measured, state };
  });
}
