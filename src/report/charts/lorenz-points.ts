/** The points of one arm's Lorenz curve, shared by the gifter and the creator concentration charts. */
import { describe } from "../../stats/index.js";
import { LORENZ_PERCENTS } from "../../sim/index.js";
import type { Rows } from "../../render/index.js";

/** The Lorenz metrics `<prefix><p>` for every point p of LORENZ_PERCENTS. */
export function lorenzMetrics(prefix: string): string[] {
  return LORENZ_PERCENTS.map((p) => `${prefix}${p}`);
}

/**
 * Rows of one arm's curve from (0, 0): at each point p the mean over replicates of its metric, as
 * `{ series, order, [x]: p / 100, [y]: mean }` (points no replicate measured are left out).
 */
export function lorenzPoints(replicates: Record<string, number[]>, prefix: string, series: string, order: number, x: string, y: string): Rows {
  const rows: Rows = [{ series, order, [x]: 0, [y]: 0 }];
  for (const p of LORENZ_PERCENTS) {
    const mean = describe(replicates[`${prefix}${p}`] ?? []).mean;
    if (mean !== null) rows.push({ series, order, [x]: p / 100, [y]: mean });
  }
  return rows;
}
