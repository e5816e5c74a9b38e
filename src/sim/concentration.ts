/**
 * Concentration of amounts over holders (coins over gifters, earnings over creators): top
 * shares, Gini coefficient and Lorenz curve points, from one sort.
 */
import { LORENZ_PERCENTS } from "./metric-names.js";

/** Top shares, Gini and Lorenz points of a set of amounts. */
export interface Concentration {
  top1: number;
  top10: number;
  top20: number;
  gini: number;
  /** Share held by the poorest LORENZ_PERCENTS[i] percent. */
  lorenz: Float64Array;
}

/** Sorts `amounts` in place (ascending) and measures it; NaN everywhere when empty or all zero. */
export function concentration(amounts: Float64Array): Concentration {
  amounts.sort();
  const n = amounts.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += amounts[i];
    weighted += (i + 1) * amounts[i];
  }
  const lorenz = new Float64Array(LORENZ_PERCENTS.length).fill(Number.NaN);
  if (n === 0 || total <= 0) return { top1: Number.NaN, top10: Number.NaN, top20: Number.NaN, gini: Number.NaN, lorenz };
  let cumulative = 0;
  let at = 0;
  LORENZ_PERCENTS.forEach((percent, i) => {
    const upTo = Math.round((percent / 100) * n);
    while (at < upTo) cumulative += amounts[at++];
    lorenz[i] = cumulative / total;
  });
  return {
    top1: topShare(amounts, total, 0.01),
    top10: topShare(amounts, total, 0.1),
    top20: topShare(amounts, total, 0.2),
    gini: (2 * weighted) / (n * total) - (n + 1) / n,
    lorenz,
  };
}

/** Share of the total held by the top `fraction` of an ascending array (at least one holder). */
function topShare(ascending: Float64Array, total: number, fraction: number): number {
  const k = Math.max(1, Math.ceil(fraction * ascending.length));
  let sum = 0;
  for (let i = ascending.length - k; i < ascending.length; i++) sum += ascending[i];
  return sum / total;
}
