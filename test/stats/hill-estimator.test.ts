import { describe, expect, it } from "vitest";
import { hillTailExponent } from "../../src/stats/index.js";

describe("hillTailExponent", () => {
  it("recovers the exponent of a Pareto sample and ignores non-positive values", () => {
    // Pareto(alpha 1.9) quantiles on an even grid: a deterministic sample with an exact tail.
    const n = 20_000;
    const sample = Array.from({ length: n }, (_, i) => Math.pow(1 - (i + 0.5) / n, -1 / 1.9));
    expect(hillTailExponent([...sample, 0, -1], 1_000)).toBeCloseTo(1.9, 1);
  });

  it("is NaN without k + 1 positive values or with k below 1", () => {
    expect(hillTailExponent([1, 2, 3], 3)).toBeNaN();
    expect(hillTailExponent([1, 2, 3], 0)).toBeNaN();
  });
});
