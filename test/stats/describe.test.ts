import { describe as group, expect, it } from "vitest";
import { describe } from "../../src/stats/index.js";

group("describe", () => {
  it("mean, sample SD and the Student-t 95% interval", () => {
    const d = describe([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(d.n).toBe(8);
    expect(d.mean).toBe(5);
    expect(d.sd).toBeCloseTo(2.138089935, 9);
    // t(0.975, 7) = 2.364624; half width = t * sd / sqrt(8)
    expect(d.ci95Low).toBeCloseTo(5 - (2.364624 * 2.138089935) / Math.sqrt(8), 6);
    expect(d.ci95High).toBeCloseTo(5 + (2.364624 * 2.138089935) / Math.sqrt(8), 6);
  });

  it("skips undefined values (NaN) and says how many it used; nulls where a figure is undefined", () => {
    expect(describe([1, Number.NaN, 3])).toMatchObject({ n: 2, mean: 2 });
    expect(describe([Number.NaN])).toEqual({ n: 0, mean: null, sd: null, ci95Low: null, ci95High: null });
    expect(describe([4])).toEqual({ n: 1, mean: 4, sd: null, ci95Low: null, ci95High: null });
    expect(describe(new Float64Array([1, 1, 1]))).toMatchObject({ sd: 0, ci95Low: 1, ci95High: 1 });
  });
});
