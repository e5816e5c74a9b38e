/** A sweep over two or more parameters: the headline metric as a heat-map over the first two swept paths, per arm. */
import { describe } from "../../stats/index.js";
import { formatParameterValue, parameterLabel } from "../parameter-value.js";
import { metricsOfInterest } from "../comparisons.js";
import type { Rows } from "../../render/index.js";
import type { ChartDefinition } from "./chart.js";
import { displayScale, metricLabel } from "./metric-rows.js";

export const sweepHeatmap: ChartDefinition = {
  id: "sweep-heatmap",
  title: "Sweep",
  fill(data) {
    const axes = data.scenario.sweep;
    const [metric] = metricsOfInterest(data);
    if (axes.length < 2 || metric === undefined) return null;
    const scale = displayScale(data, metric);
    const rows: Rows = [];
    for (const cell of data.cells) {
      const mean = describe(data.replicates[cell.index][metric] ?? []).mean;
      if (mean === null) continue;
      const x = formatParameterValue(axes[0].path, cell.point[axes[0].path]);
      // Paths past the second are folded into the row label, so every point has its own square.
      const y = axes.slice(1).map((axis) => `${parameterLabel(axis.path)} ${formatParameterValue(axis.path, cell.point[axis.path])}`).join(", ");
      rows.push({ arm: cell.armLabel, armOrder: data.scenario.arms.findIndex((arm) => arm.name === cell.arm), x, y, order: cell.index, mean: mean * scale });
    }
    if (rows.length === 0) return null;
    // The colour scale's ends, so the labels on the squares can switch to white on dark ones.
    const means = rows.map((row) => row.mean as number);
    for (const row of rows) Object.assign(row, { min: Math.min(...means), max: Math.max(...means) });
    return {
      datasets: { grid: rows },
      text: { xPath: parameterLabel(axes[0].path), metricLabel: metricLabel(data, metric) },
      caption: `${metricLabel(data, metric)} (mean over replicates) for each combination of ${axes.map((axis) => parameterLabel(axis.path)).join(" and ")}.`,
    };
  },
};
