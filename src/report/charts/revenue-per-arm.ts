/** Revenue per arm: viewer spend, creator earnings and platform net, each a mean with its 95% CI. */
import { countOf } from "../format.js";
import type { ChartDefinition } from "./chart.js";
import { measured, metricRows } from "./metric-rows.js";

const MEASURES = ["viewerSpendMicros", "creatorEarningsMicros", "platformNetMicros"];

export const revenuePerArm: ChartDefinition = {
  id: "revenue-per-arm",
  title: "Revenue per arm",
  fill(data) {
    const present = MEASURES.filter((metric) => measured(data, metric));
    if (present.length === 0) return null;
    return {
      datasets: { revenue: present.flatMap((metric, measureOrder) => metricRows(data, metric, { measureOrder })) },
      caption: `Mean per replicate over the horizon (USD), with 95% confidence intervals; ${countOf(data.run.replicates, "replicate")} per ${data.scenario.arms.length > 1 ? "arm" : "sweep point"}.`,
    };
  },
};
