/** Gift size distribution: the share of gift events and of coins per gift price bucket, per arm. */
import { describe } from "../../stats/index.js";
import { PRICE_BUCKETS } from "../../sim/index.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { measured } from "./metric-rows.js";

export const giftSizes: ChartDefinition = {
  id: "gift-sizes",
  title: "Gift size distribution",
  fill(data) {
    const names = PRICE_BUCKETS.flatMap((bucket) => [`gifts${bucket.name}`, `coins${bucket.name}`]);
    if (!measured(data, ...names)) return null;
    const rows: Rows = [];
    for (const cell of data.cells) {
      const mean = (metric: string) => describe(data.replicates[cell.index][metric] ?? []).mean ?? 0;
      for (const [measure, prefix] of [["Share of gifts", "gifts"], ["Share of coins", "coins"]] as const) {
        const total = PRICE_BUCKETS.reduce((sum, bucket) => sum + mean(`${prefix}${bucket.name}`), 0);
        if (total <= 0) continue;
        PRICE_BUCKETS.forEach((bucket, bucketOrder) => {
          rows.push({ cell: cell.label, order: cell.index, measure, bucket: bucket.label, bucketOrder, share: mean(`${prefix}${bucket.name}`) / total });
        });
      }
    }
    if (rows.length === 0) return null;
    return {
      datasets: { sizes: rows },
      caption: "Gift events and gifted coins by the gift's price, as shares of the arm's total (mean over replicates).",
    };
  },
};
