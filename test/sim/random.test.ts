import { describe, expect, it } from "vitest";
import { betaDraw, createRandom } from "../../src/sim/random.js";

/**
 * Kolmogorov-Smirnov distance between `n` draws and a CDF. With n = 40,000 the 99.9% critical
 * value is 1.95 / sqrt(n), about 0.0098; the seed is fixed, so the test cannot flake.
 */
function ksDistance(draws: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(draws).sort();
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs(f - (i + 1) / sorted.length));
  });
  return d;
}

/** CDF of Beta(a, b) for integer shapes: P(X <= x) = P(Binomial(a + b - 1, x) >= a). */
function betaCdf(a: number, b: number): (x: number) => number {
  const n = a + b - 1;
  return (x) => {
    let sum = 0;
    let choose = 1;
    for (let k = 0; k <= n; k++) {
      if (k >= a) sum += choose * x ** k * (1 - x) ** (n - k);
      choose = (choose * (n - k)) / (k + 1);
    }
    return sum;
  };
}

describe("Beta draws", () => {
  const n = 40_000;
  it.each([
    [1, 19],
    [3, 1],
    [2, 5],
    [2, 2],
  ])("Beta(%i, %i) follows its distribution (inverse-CDF shortcut and gamma ratio alike)", (a, b) => {
    const random = createRandom(`beta-${a}-${b}`);
    const draws = Float64Array.from({ length: n }, () => betaDraw(random, a, b));
    expect(draws.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(ksDistance(draws, betaCdf(a, b))).toBeLessThan(1.95 / Math.sqrt(n));
  });
});

describe("a keyed restart (KeyedRandom.rekey)", () => {
  it("yields a sequence that depends on the seed and the key alone, not on earlier draws", () => {
    const a = createRandom("keyed");
    const b = createRandom("keyed");
    for (let i = 0; i < 17; i++) b.uniform();
    a.rekey(12, 3);
    b.rekey(12, 3);
    expect(Array.from({ length: 5 }, () => a.uniform())).toEqual(Array.from({ length: 5 }, () => b.uniform()));
    const other = createRandom("keyed-other");
    other.rekey(12, 3);
    a.rekey(12, 3);
    expect(other.uniform()).not.toBe(a.uniform());
  });

  it("gives uniform, uncorrelated first draws over consecutive keys (KS distance under the 99.9% value)", () => {
    const random = createRandom("keyed");
    const byViewer = new Float64Array(40_000);
    const byDay = new Float64Array(40_000);
    for (let k = 0; k < byViewer.length; k++) {
      random.rekey(k, 0);
      byViewer[k] = random.uniform();
      random.rekey(7, k);
      byDay[k] = random.uniform();
    }
    expect(ksDistance(byViewer, (x) => x)).toBeLessThan(0.0098);
    expect(ksDistance(byDay, (x) => x)).toBeLessThan(0.0098);
    // Lag-one products of consecutive keys' draws average 1/4 when they are independent (sd about 0.0011 here).
    let lagged = 0;
    for (let k = 1; k < byViewer.length; k++) lagged += byViewer[k] * byViewer[k - 1];
    expect(Math.abs(lagged / (byViewer.length - 1) - 0.25)).toBeLessThan(0.003);
  });
});
