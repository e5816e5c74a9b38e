/** The answer at a glance: each comparison's relative lift against the base with its 95% CI, per metric of interest. */
import { metricsOfInterest } from "../comparisons.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";

export const headlineLift: ChartDefinition = {
  id: "headline-lift",
  title: "Lift against the base",
  fill(data, comparisons) {
    const metrics = metricsOfInterest(data);
    const rows: Rows = comparisons
      .filter((c) => c.result.lift !== null && c.result.liftCi95Low !== null)
      .map((c, order) => ({
        comparison: `${c.cellName} vs ${c.baseName}${c.context}`,
        order,
        measure: c.metricLabel,
        measureOrder: metrics.indexOf(c.metric),
        lift: c.result.lift,
        low: c.result.liftCi95Low,
        high: c.result.liftCi95High,
        verdict: c.result.verdict,
        assessment: c.assessment,
        p: c.result.test?.p ?? null,
      }));
    if (rows.length === 0) return null;
    const unbounded = comparisons.length - rows.length;
    return {
      datasets: { lift: rows },
      caption: `Relative difference of each mean from the base's (${comparisons[0].baseName}), with 95% CI; an interval that crosses 0 is no clear difference. Green is better and red worse for the creator or platform (fewer days to a payout is better); blue is a difference with no better direction.${unbounded > 0 ? ` ${unbounded} comparison${unbounded === 1 ? " has" : "s have"} a base too uncertain (or zero) for a relative interval: see the tables for the difference in units.` : ""}`,
    };
  },
};
