/**
 * Gifted coins per live hour by week: per replicate, the week's gifted coins over its live
 * hours; then the mean and 95% CI over replicates. Weeks without a stream are left out.
 */
import { describe } from "../../stats/index.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { replicateSeries } from "./timeseries-rows.js";

const COLUMNS = ["day", "giftedCoins", "liveMinutes"];

export const coinsPerLiveHour: ChartDefinition = {
  id: "coins-per-live-hour",
  title: "Gifted coins per live hour by week",
  fill(data) {
    const series = replicateSeries(data, COLUMNS);
    if (series === null || series.length === 0) return null;
    const rows: Rows = [];
    for (const cell of data.cells) {
      const byWeek = new Map<number, number[]>();
      for (const s of series.filter((entry) => entry.cell === cell.index)) {
        const weeks = new Map<number, { coins: number; minutes: number }>();
        s.columns.day.forEach((day, i) => {
          const week = Math.floor(day / 7) + 1;
          const total = weeks.get(week) ?? { coins: 0, minutes: 0 };
          total.coins += s.columns.giftedCoins[i] || 0;
          total.minutes += s.columns.liveMinutes[i] || 0;
          weeks.set(week, total);
        });
        for (const [week, total] of weeks) {
          if (total.minutes <= 0) continue;
          const values = byWeek.get(week) ?? [];
          values.push(total.coins / (total.minutes / 60));
          byWeek.set(week, values);
        }
      }
      for (const [week, values] of [...byWeek].sort((a, b) => a[0] - b[0])) {
        const d = describe(values);
        if (d.mean !== null) rows.push({ cell: cell.label, order: cell.index, week, mean: d.mean, low: d.ci95Low ?? d.mean, high: d.ci95High ?? d.mean });
      }
    }
    if (rows.length === 0) return null;
    return {
      datasets: { weekly: rows },
      caption: "Coins gifted per hour live, week by week over the horizon: mean over replicates with 95% CI bars.",
    };
  },
};
