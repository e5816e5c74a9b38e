import fc from "fast-check";
import seedrandom from "seedrandom";
import { median } from "simple-statistics";
import { describe, expect, it } from "vitest";
import {
  acceleration,
  adjustPValues,
  bcaInterval,
  biasCorrection,
  pairedBootstrap,
  percentileInterval,
  percentileSpread,
  quantileSorted,
  standardNormalCdf,
  standardNormalQuantile,
  trimmedMean,
  winProbability,
} from "../../src/stats/index.js";

// A small fixed data set of six paired replicates, the sixth a whale pair:
//   base 10 12  9 15 11 30   mean 87/6 = 14.5,  median (11 + 12)/2 = 11.5, 20% trimmed (cut 1 each end) 48/4 = 12
//   arm  12 13 11 18 12 41   mean 107/6,        median (12 + 13)/2 = 12.5, 20% trimmed 55/4 = 13.75
//   lift of the mean 107/87 - 1 = 0.229885; of the median 12.5/11.5 - 1 = 0.086957; of the trimmed mean 13.75/12 - 1 = 0.145833
//   jackknife of the mean lift, pair i left out: (107 - arm_i)/(87 - base_i) - 1 =
//     0.233766, 0.253333, 0.230769, 0.236111, 0.25, 0.157895; acceleration a = 0.1032354 (sum d^3 / (6 (sum d^2)^1.5))
const BASE = [10, 12, 9, 15, 11, 30];
const ARM = [12, 13, 11, 18, 12, 41];
const JACKKNIFE = [95 / 77 - 1, 94 / 75 - 1, 96 / 78 - 1, 89 / 72 - 1, 95 / 76 - 1, 66 / 57 - 1];

describe("standard normal", () => {
  it.each([
    [1e-10, -6.361340902404056],
    [0.001, -3.090232306167813],
    [0.02, -2.053748910631823],
    [0.025, -1.9599639845400545],
    [0.3, -0.5244005127080409],
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
  ])("quantile at %s matches scipy's ndtri", (p, z) => {
    expect(standardNormalQuantile(p)).toBeCloseTo(z, 8);
  });

  it("the CDF inverts the quantile", () => {
    for (const p of [0.001, 0.05, 0.5, 0.8, 0.99]) expect(standardNormalCdf(standardNormalQuantile(p))).toBeCloseTo(p, 6);
    expect(standardNormalCdf(Infinity)).toBe(1);
    expect(standardNormalQuantile(0)).toBe(-Infinity);
  });
});

describe("quantiles, trimmed mean and spread", () => {
  it("interpolate as R's type 7 and numpy's percentile", () => {
    expect(quantileSorted([9, 10, 11, 12, 15, 30], 0.5)).toBe(11.5);
    expect(quantileSorted([9, 10, 11, 12, 15, 30], 0.1)).toBeCloseTo(9.5, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it("trims floor(n * trim) values from each end, as R's mean(x, trim)", () => {
    expect(trimmedMean(BASE, 0.2)).toBe(12);
    expect(trimmedMean(ARM)).toBe(13.75);
    expect(trimmedMean([1, 2, 3, 100], 0.1)).toBe(26.5);
    expect(trimmedMean([1, Number.NaN, 3])).toBe(2);
  });

  it("P10 / P50 / P90 of the finite values", () => {
    expect(percentileSpread([...Array(11).keys()].map((i) => i * 10))).toEqual({ n: 11, p10: 10, p50: 50, p90: 90 });
    expect(percentileSpread([Number.NaN])).toEqual({ n: 0, p10: null, p50: null, p90: null });
  });
});

describe("bootstrap intervals", () => {
  // Ten fixed bootstrap estimates of the mean lift, worked by hand:
  //   0.18 0.19 0.2 0.21 0.22 lie below 0.229885 and the other five above: z0 = Phi^-1(5/10) = 0
  //   alpha1 = Phi(z0 + (z0 - 1.96)/(1 - a (z0 - 1.96))) = 0.0515373, alpha2 = Phi(z0 + (z0 + 1.96)/(1 - a (z0 + 1.96))) = 0.9929975
  //   sorted 0.18 0.19 0.2 0.21 0.22 0.23 0.24 0.25 0.27 0.30: type-7 quantiles at those levels 0.1846384 and 0.2981093
  //   the percentile interval: quantiles at 0.025 and 0.975, 0.18225 and 0.29325
  const BOOT = [0.18, 0.25, 0.21, 0.3, 0.23, 0.19, 0.27, 0.22, 0.24, 0.2];

  it("acceleration and bias correction match the hand calculation", () => {
    expect(acceleration(JACKKNIFE)).toBeCloseTo(0.10323540305878486, 10);
    expect(biasCorrection(107 / 87 - 1, BOOT)).toBe(0);
    expect(biasCorrection(1, [1, 1, 1])).toBe(0);
    expect(acceleration([2, 2, 2])).toBe(0);
  });

  it("BCa and percentile intervals match the hand calculation", () => {
    const bca = bcaInterval(107 / 87 - 1, BOOT, JACKKNIFE, 0.95);
    expect(bca.method).toBe("bca");
    expect(bca.low).toBeCloseTo(0.18463835264714598, 8);
    expect(bca.high).toBeCloseTo(0.2981093241077151, 8);
    const pct = percentileInterval(BOOT, 0.95);
    expect(pct.low).toBeCloseTo(0.18225, 12);
    expect(pct.high).toBeCloseTo(0.29325, 12);
  });

  it("BCa falls back to the percentile interval when every resample lies on one side", () => {
    expect(bcaInterval(0, [1, 2, 3], [0.1, 0.2, 0.4], 0.95).method).toBe("percentile");
  });
});

describe("pairedBootstrap", () => {
  it("point estimates match the hand calculation", () => {
    const r = pairedBootstrap(BASE, ARM, { seed: "hand" });
    expect(r.pairs).toBe(6);
    expect(r.mean.lift.estimate).toBeCloseTo(107 / 87 - 1, 12);
    expect(r.mean.difference.estimate).toBeCloseTo(20 / 6, 12);
    expect(r.median.lift.estimate).toBeCloseTo(12.5 / 11.5 - 1, 12);
    expect(r.median.difference.estimate).toBe(1);
    expect(r.trimmedMean.lift.estimate).toBeCloseTo(13.75 / 12 - 1, 12);
    expect(r.mean.lift.method).toBe("bca");
  });

  it("BCa intervals agree with scipy.stats.bootstrap(paired=True, method='BCa') on the same pairs", () => {
    // scipy 1.17, 20,000 resamples: mean lift 0.1406 to 0.3357 (BCa), 0.1231 to 0.3140 (percentile).
    // Resampling streams differ, so the ends agree to Monte Carlo error (tolerance 0.012).
    const bca = pairedBootstrap(BASE, ARM, { seed: "scipy", resamples: 20_000 }).mean.lift;
    expect(Math.abs(bca.low! - 0.140625)).toBeLessThan(0.012);
    expect(Math.abs(bca.high! - 0.33571428571428585)).toBeLessThan(0.012);
    const pct = pairedBootstrap(BASE, ARM, { seed: "scipy", resamples: 20_000, method: "percentile" }).mean.lift;
    expect(Math.abs(pct.low! - 0.12307692307692286)).toBeLessThan(0.012);
    expect(Math.abs(pct.high! - 0.31404958677685935)).toBeLessThan(0.012);
  });

  it("the counting walk gives exactly what expanding and sorting each resample gives (same stream)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 })), { minLength: 2, maxLength: 12 }), fc.string(), (pairs, seed) => {
        const base = pairs.map(([b]) => b);
        const arm = pairs.map(([, a]) => a);
        const resamples = 50;
        const fast = pairedBootstrap(base, arm, { seed, resamples, method: "percentile", trim: 0.1 });
        const random = seedrandom.alea(seed);
        const lifts = { mean: [] as number[], median: [] as number[], trimmedMean: [] as number[] };
        for (let b = 0; b < resamples; b++) {
          const picks = pairs.map(() => Math.floor(random() * pairs.length));
          const xs = picks.map((i) => base[i]);
          const ys = picks.map((i) => arm[i]);
          lifts.mean.push(ys.reduce((s, v) => s + v, 0) / xs.reduce((s, v) => s + v, 0) - 1);
          lifts.median.push(median(ys) / median(xs) - 1);
          lifts.trimmedMean.push(trimmedMean(ys, 0.1) / trimmedMean(xs, 0.1) - 1);
        }
        for (const location of ["mean", "median", "trimmedMean"] as const) {
          const slow = percentileInterval(lifts[location], 0.95);
          expect(fast[location].lift.low).toBeCloseTo(slow.low, 10);
          expect(fast[location].lift.high).toBeCloseTo(slow.high, 10);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("resamples pairs, not arms: an arm that is the base times 1.2 in every pair has a lift of exactly +20% in every resample", () => {
    const base = [3, 80, 5, 1200, 9, 40, 7, 15];
    const r = pairedBootstrap(base, base.map((v) => v * 1.2), { seed: "pairs" });
    for (const location of ["mean", "median", "trimmedMean"] as const) {
      expect(r[location].lift.low).toBeCloseTo(0.2, 12);
      expect(r[location].lift.high).toBeCloseTo(0.2, 12);
    }
  });

  it("is a pure function of the values and the seed", () => {
    const a = pairedBootstrap(BASE, ARM, { seed: "s1", resamples: 500 });
    expect(pairedBootstrap(BASE, ARM, { seed: "s1", resamples: 500 })).toEqual(a);
    expect(pairedBootstrap(BASE, ARM, { seed: "s2", resamples: 500 })).not.toEqual(a);
  });

  it("leaves out pairs with an unmeasured side; fewer than two pairs give no interval", () => {
    expect(pairedBootstrap([1, Number.NaN, 3, 4], [2, 5, Number.NaN, 6], { seed: "x" }).pairs).toBe(2);
    expect(pairedBootstrap([1], [2], { seed: "x" }).mean.lift).toEqual({ estimate: null, low: null, high: null, method: null });
  });

  it("a base location of zero has no lift; one that is zero in some resample has no bounded interval", () => {
    const r = pairedBootstrap([0, 0, 0, 5], [1, 2, 1, 3], { seed: "zero" });
    expect(r.median.lift.estimate).toBeNull();
    expect(r.mean.lift.estimate).toBeCloseTo(7 / 5 - 1, 12);
    expect(r.mean.lift.low).toBeNull();
    expect(r.mean.difference.low).not.toBeNull();
  });
});

describe("winProbability", () => {
  it("counts pairs in which the arm is above, ties half, with Wilson's interval (scipy binomtest 7 of 10: 0.3968 to 0.8922)", () => {
    const w = winProbability([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2, 2, 0, 0, 0]);
    expect(w).toMatchObject({ pairs: 10, above: 7, ties: 0, probability: 0.7 });
    expect(w.ci95Low).toBeCloseTo(0.39677814746114526, 6);
    expect(w.ci95High).toBeCloseTo(0.892208732593699, 6);
    expect(winProbability(BASE, ARM).probability).toBe(1);
    expect(winProbability([1, 2, 3, 4], [1, 3, 2, Number.NaN])).toMatchObject({ pairs: 3, above: 1, ties: 1, probability: 0.5 });
    expect(winProbability([], []).probability).toBeNull();
  });
});

describe("adjustPValues", () => {
  // R 4.x: p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.02, 0.04)
  //   p.adjust(p, "holm") 0.07 0.16 0.15 0.04 0.40 0.50 0.12 0.16
  //   p.adjust(p, "BH")   0.04 0.05333333 0.05333333 0.04 0.2285714 0.5 0.05333333 0.05333333
  const P = [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.02, 0.04];

  it("Holm matches R's p.adjust", () => {
    const holm = adjustPValues(P, "holm");
    [0.07, 0.16, 0.15, 0.04, 0.4, 0.5, 0.12, 0.16].forEach((p, i) => expect(holm[i]).toBeCloseTo(p, 12));
  });

  it("Benjamini-Hochberg matches R's p.adjust (and scipy's false_discovery_control)", () => {
    const bh = adjustPValues(P, "bh");
    [0.04, 0.16 / 3, 0.16 / 3, 0.04, 1.6 / 7, 0.5, 0.16 / 3, 0.16 / 3].forEach((p, i) => expect(bh[i]).toBeCloseTo(p, 12));
  });

  it("undefined p-values stay undefined and are not counted; one p-value is its own adjustment", () => {
    expect(adjustPValues([0.01, null, Number.NaN, 0.04], "holm")).toEqual([0.02, null, null, 0.04]);
    expect(adjustPValues([0.03], "holm")).toEqual([0.03]);
    expect(adjustPValues([0.6, 0.7], "holm")).toEqual([1, 1]);
  });
});
