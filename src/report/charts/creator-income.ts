/**
 * Creator income concentration: the Lorenz curve of income (diamonds earned) over all creators,
 * earners or not, with the top-1% and top-10% shares per arm or sweep point. It applies to worlds
 * of at least 20 creators (below, the metrics are NaN and the chart is left out).
 */
import { describe } from "../../stats/index.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { lorenzMetrics, lorenzPoints } from "./lorenz-points.js";
import { measured } from "./metric-rows.js";

const percent = (share: number | null) => (share === null ? "n/a" : `${(share * 100).toFixed(0)}%`);

export const creatorIncome: ChartDefinition = {
  id: "creator-income",
  title: "Creator income concentration",
  fill(data) {
    if (!measured(data, ...lorenzMetrics("creatorIncomeLorenz"))) return null;
    const rows: Rows = [];
    const shares: string[] = [];
    for (const cell of data.cells) {
      const replicates = data.replicates[cell.index];
      const top1 = describe(replicates.top1CreatorIncomeShare ?? []).mean;
      const top10 = describe(replicates.top10CreatorIncomeShare ?? []).mean;
      const series = `${cell.label} (top 10%: ${percent(top10)})`;
      shares.push(`${cell.label}: top 1% ${percent(top1)}, top 10% ${percent(top10)}`);
      rows.push(...lorenzPoints(replicates, "creatorIncomeLorenz", series, cell.index, "creators", "income"));
    }
    return {
      datasets: { creatorIncome: rows },
      caption: `Share of creator income (diamonds earned) going to the poorest x% of all creators (mean over replicates); the further below the diagonal, the more a few creators earn. ${shares.join("; ")} of income.`,
    };
  },
};
