/** The report's charts in reading order: the answer first, then money, time, audience, concentration, sweeps. */
import type { ChartDefinition } from "./chart.js";
import { coinsPerLiveHour } from "./coins-per-live-hour.js";
import { creatorEarnings } from "./creator-earnings.js";
import { creatorIncome } from "./creator-income.js";
import { giftSizes } from "./gift-sizes.js";
import { headlineLift } from "./headline-lift.js";
import { lorenz } from "./lorenz.js";
import { payoutSurvival } from "./payout-survival.js";
import { retentionCurves } from "./retention-curves.js";
import { returnRetention } from "./return-retention.js";
import { revenuePerArm } from "./revenue-per-arm.js";
import { revenueSplit } from "./revenue-split.js";
import { sweepHeatmap } from "./sweep-heatmap.js";
import { sweepLine } from "./sweep-line.js";

export const CHARTS: readonly ChartDefinition[] = [
  headlineLift,
  sweepLine,
  sweepHeatmap,
  revenuePerArm,
  revenueSplit,
  creatorEarnings,
  creatorIncome,
  payoutSurvival,
  coinsPerLiveHour,
  retentionCurves,
  returnRetention,
  lorenz,
  giftSizes,
];
