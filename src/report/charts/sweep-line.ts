/** A one-parameter sweep: each metric of interest against the swept value, one line per arm, with 95% CI bands. */
import { formatParameterValue, parameterLabel } from "../parameter-value.js";
import { metricsOfInterest } from "../comparisons.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { displayUnit, metricLabel, metricRows } from "./metric-rows.js";

/** Metrics of interest drawn in the sweep charts; more would not be readable side by side. */
export const SWEEP_METRICS = 4;

export const sweepLine: ChartDefinition = {
  id: "sweep-line",
  title: "Sweep",
  fill(data) {
    if (data.scenario.sweep.length !== 1) return null;
    const [axis] = data.scenario.sweep;
    const rows: Rows = metricsOfInterest(data)
      .slice(0, SWEEP_METRICS)
      .flatMap((metric, measureOrder) =>
        metricRows(data, metric, { measureOrder }).map((row) => {
          const cell = data.cells[row.order as number];
          const unit = displayUnit(data, metric);
          return { ...row, measure: unit ? `${metricLabel(data, metric)} (${unit})` : metricLabel(data, metric), value: formatParameterValue(axis.path, cell.point[axis.path]), valueOrder: cell.pointIndex };
        }),
      );
    if (rows.length === 0) return null;
    return {
      datasets: { sweep: rows },
      text: { sweepPath: parameterLabel(axis.path) },
      caption: `Metrics of interest as the ${parameterLabel(axis.path)} (${axis.path}) varies (means over replicates, 95% CI bands).`,
    };
  },
};
