/**
 * Multiplicity adjustment of a family of p-values, as R's p.adjust. Holm's step-down method
 * controls the family-wise error rate (the chance of any false "clear difference") under any
 * dependence between the tests, and is uniformly more powerful than Bonferroni; Benjamini and
 * Hochberg's step-up method controls the false discovery rate (the expected share of false
 * ones among those called), valid for independent or positively dependent tests.
 * Undefined p-values (null or NaN) stay undefined and do not count in the family.
 */

/** "holm" (family-wise error rate) or "bh" (Benjamini-Hochberg false discovery rate). */
export type PAdjustMethod = "holm" | "bh";

/** The adjusted p-values of `p`, in its order. */
export function adjustPValues(p: ReadonlyArray<number | null>, method: PAdjustMethod): Array<number | null> {
  const defined = p.flatMap((value, index) => (value !== null && Number.isFinite(value) ? [{ value, index }] : []));
  const m = defined.length;
  const out: Array<number | null> = p.map(() => null);
  if (method === "holm") {
    // Ascending: the i-th smallest (0-based) times m - i, never below an earlier one.
    defined.sort((a, b) => a.value - b.value || a.index - b.index);
    let running = 0;
    defined.forEach(({ value, index }, i) => {
      running = Math.max(running, Math.min(1, (m - i) * value));
      out[index] = running;
    });
  } else {
    // Descending: the i-th smallest (1-based) times m / i, never above a later one.
    defined.sort((a, b) => b.value - a.value || b.index - a.index);
    let running = 1;
    defined.forEach(({ value, index }, j) => {
      running = Math.min(running, Math.min(1, (m / (m - j)) * value));
      out[index] = running;
    });
  }
  return out;
}
