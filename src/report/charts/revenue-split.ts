/**
 * Where the viewer's money goes: store fees, platform net, creator payouts and creator
 * earnings not yet paid out. The four parts add up to viewer spend (the ledger audit proves
 * it per replicate), so the bar's length is viewer spend.
 */
import { describe } from "../../stats/index.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { measured, metricLabel } from "./metric-rows.js";

const PARTS = [
  ["storeFeeMicros", "App-store fees"],
  ["platformNetMicros", "Platform net"],
  ["creatorPayoutMicros", "Creator: paid out"],
  ["creatorPendingMicros", "Creator: pending"],
] as const;

export const revenueSplit: ChartDefinition = {
  id: "revenue-split",
  title: "Revenue split per party",
  fill(data) {
    if (!measured(data, "viewerSpendMicros", ...PARTS.map(([metric]) => metric))) return null;
    const rows: Rows = [];
    for (const cell of data.cells) {
      const spend = describe(data.replicates[cell.index].viewerSpendMicros ?? []).mean;
      if (spend === null) continue;
      PARTS.forEach(([metric, party], partOrder) => {
        const mean = describe(data.replicates[cell.index][metric] ?? []).mean ?? 0;
        rows.push({ cell: cell.label, order: cell.index, party, partOrder, usd: mean / 1e6, share: spend > 0 ? mean / spend : 0 });
      });
    }
    return {
      datasets: { split: rows },
      caption: `Mean ${metricLabel(data, "viewerSpendMicros").toLowerCase()} per replicate split by who receives it (USD); the parts add up to what viewers paid.`,
    };
  },
};
