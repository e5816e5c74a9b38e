/** Gifter concentration: the Lorenz curve of gifted coins over gifters, with the top-1% share per arm. */
import { describe } from "../../stats/index.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { lorenzMetrics, lorenzPoints } from "./lorenz-points.js";
import { measured } from "./metric-rows.js";

export const lorenz: ChartDefinition = {
  id: "lorenz",
  title: "Gifter concentration",
  fill(data) {
    if (!measured(data, ...lorenzMetrics("lorenz"))) return null;
    const rows: Rows = [];
    const shares: string[] = [];
    for (const cell of data.cells) {
      const top1 = describe(data.replicates[cell.index].top1GifterShare ?? []).mean;
      const series = top1 === null ? cell.label : `${cell.label} (top 1%: ${(top1 * 100).toFixed(0)}%)`;
      if (top1 !== null) shares.push(`${cell.label} ${(top1 * 100).toFixed(0)}%`);
      rows.push(...lorenzPoints(data.replicates[cell.index], "lorenz", series, cell.index, "gifters", "coins"));
    }
    return {
      datasets: { lorenz: rows },
      caption: `Share of gifted coins sent by the poorest x% of gifters (mean over replicates); the further below the diagonal, the more a few gifters give.${shares.length > 0 ? ` Top 1% of gifters: ${shares.join("; ")} of coins.` : ""}`,
    };
  },
};
