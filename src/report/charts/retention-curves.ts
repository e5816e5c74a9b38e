/** In-stream retention: the share of stream visits still watching m minutes after arriving, per arm (format). */
import { describe } from "../../stats/index.js";
import { RETENTION_MINUTES } from "../../sim/index.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { measured } from "./metric-rows.js";

export const retentionCurves: ChartDefinition = {
  id: "retention-curves",
  title: "In-stream retention",
  fill(data) {
    const metrics = RETENTION_MINUTES.map((m) => `retention${m}m`);
    if (!measured(data, ...metrics)) return null;
    const rows: Rows = [];
    for (const cell of data.cells) {
      RETENTION_MINUTES.forEach((minutes, i) => {
        const d = describe(data.replicates[cell.index][metrics[i]] ?? []);
        if (d.mean !== null) rows.push({ cell: cell.label, order: cell.index, minutes, mean: d.mean, low: d.ci95Low ?? d.mean, high: d.ci95High ?? d.mean });
      });
    }
    return {
      datasets: { retention: rows },
      caption: "Share of stream visits still watching after m minutes, mean over replicates with 95% CI bands.",
    };
  },
};
