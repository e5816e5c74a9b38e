/**
 * How soon creators get paid: the share of all creators with a first payout by each day, mean
 * over replicates, one step line per cell. Creators never paid keep a curve below 1, so a lower
 * threshold that pays more creators shows even when the paid ones waited as long (which a mean
 * of days to first payout over paid creators hides). Drawn when a metric of interest is about payouts.
 */
import { describe } from "../../stats/index.js";
import { metricsOfInterest } from "../comparisons.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { replicateSeries } from "./timeseries-rows.js";

/** Metrics whose question the curve answers. */
const PAYOUT_METRICS = new Set(["creatorsPaid", "creatorsPaidShare", "meanDaysToFirstPayout", "creatorPayoutMicros", "creatorPendingMicros"]);

export const payoutSurvival: ChartDefinition = {
  id: "payout-survival",
  title: "Creators paid by day",
  fill(data) {
    if (!metricsOfInterest(data).some((metric) => PAYOUT_METRICS.has(metric))) return null;
    const series = replicateSeries(data, ["day", "creatorsPaidShare"]);
    if (series === null || series.length === 0) return null;
    const rows: Rows = [];
    for (const cell of data.cells) {
      const mine = series.filter((s) => s.cell === cell.index);
      const days = Math.max(0, ...mine.map((s) => s.columns.day.length));
      for (let i = 0; i < days; i++) {
        const share = describe(mine.map((s) => s.columns.creatorsPaidShare[i]).filter((v) => v !== undefined)).mean;
        if (share !== null) rows.push({ cell: cell.label, order: cell.index, day: i + 1, share });
      }
    }
    if (rows.length === 0) return null;
    return {
      datasets: { paid: rows },
      caption: "Share of all creators who have received a first payout by the end of each day, mean over replicates; creators never paid count, so the curve's height at the end is the share paid within the horizon.",
    };
  },
};
