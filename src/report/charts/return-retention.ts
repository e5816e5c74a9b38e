/** Across streams: next-stream return rate and gifter 30-day retention per arm, with 95% CIs. */
import type { ChartDefinition } from "./chart.js";
import { measured, metricRows } from "./metric-rows.js";

const MEASURES = ["nextStreamReturnRate", "gifter30dRetention"];

export const returnRetention: ChartDefinition = {
  id: "return-retention",
  title: "Return and gifter retention",
  fill(data) {
    const present = MEASURES.filter((metric) => measured(data, metric));
    if (present.length === 0) return null;
    return {
      datasets: { retention: present.flatMap((metric, measureOrder) => metricRows(data, metric, { measureOrder })) },
      caption: "Share of a stream's viewers who watch the next stream, and share of gifters who gift again within 30 days; means with 95% CIs.",
    };
  },
};
