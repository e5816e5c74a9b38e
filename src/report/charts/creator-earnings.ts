/**
 * Creator earnings over the horizon: cumulative earnings (diamonds valued in USD) against
 * cumulative payouts, mean over replicates by day. Payouts land in steps at the payout
 * threshold; the points mark the days payouts were made, sized by the mean amount paid.
 */
import { describe } from "../../stats/index.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { replicateSeries } from "./timeseries-rows.js";

const COLUMNS = ["day", "cumulativeCreatorDiamonds", "cumulativeCreatorPayoutMicros", "creatorPayoutMicros"];

export const creatorEarnings: ChartDefinition = {
  id: "creator-earnings",
  title: "Creator earnings over the horizon",
  fill(data) {
    const series = replicateSeries(data, COLUMNS);
    if (series === null || series.length === 0) return null;
    const lines: Rows = [];
    const payouts: Rows = [];
    for (const cell of data.cells) {
      // Diamonds are valued at the cell's own rate: earnings per diamond of its replicates.
      const earnings = describe(data.replicates[cell.index].creatorEarningsMicros ?? []).mean;
      const diamonds = describe(data.replicates[cell.index].creatorDiamonds ?? []).mean;
      const usdPerDiamond = earnings !== null && diamonds !== null && diamonds > 0 ? earnings / diamonds / 1e6 : null;
      const mine = series.filter((s) => s.cell === cell.index);
      const days = Math.max(0, ...mine.map((s) => s.columns.day.length));
      for (let i = 0; i < days; i++) {
        const at = (name: string) => mine.map((s) => s.columns[name][i]).filter((v) => v !== undefined);
        const day = describe(at("day")).mean ?? i;
        const paid = describe(at("cumulativeCreatorPayoutMicros")).mean;
        if (paid !== null) lines.push({ cell: cell.label, order: cell.index, day, kind: "Paid out", usd: paid / 1e6 });
        const earned = describe(at("cumulativeCreatorDiamonds")).mean;
        if (earned !== null && usdPerDiamond !== null) lines.push({ cell: cell.label, order: cell.index, day, kind: "Earned", usd: earned * usdPerDiamond });
        const daily = at("creatorPayoutMicros");
        const payingShare = daily.length > 0 ? daily.filter((v) => v > 0).length / daily.length : 0;
        const dailyMean = describe(daily).mean ?? 0;
        if (dailyMean > 0 && paid !== null) payouts.push({ cell: cell.label, order: cell.index, day, usd: paid / 1e6, payout: dailyMean / 1e6, payingShare });
      }
    }
    if (lines.length === 0) return null;
    return {
      datasets: { earnings: lines, payouts },
      caption:
        payouts.length > 0
          ? "Cumulative creator earnings (diamonds valued in USD) and payouts, mean over replicates by day; points mark payout days, larger for larger mean payouts (hover for amounts)."
          : "Cumulative creator earnings (diamonds valued in USD), mean over replicates by day; no creator reached the payout threshold within the horizon.",
    };
  },
};
