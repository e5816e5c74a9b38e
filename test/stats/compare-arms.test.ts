import { describe, expect, it } from "vitest";
import { compareArms, studentTCritical, studentTTwoSidedP, welchTest } from "../../src/stats/index.js";

// A fixed data set worked by hand (reference values from scipy.stats 1.17: ttest_ind(b, a,
// equal_var=False) and t.ppf; the Fieller interval from its closed form):
//   base  A = 10, 12, 14, 16      mean 13, variance 20/3, variance of the mean 5/3
//   arm   B = 15, 17, 19, 21, 23  mean 19, variance 10,   variance of the mean 2
//   difference 6, standard error sqrt(5/3 + 2) = 1.914854
//   t = 3.133398, Welch df = (11/3)^2 / ((5/3)^2/3 + 2^2/4) = 6.980769, p = 0.016590
//   t(0.975, 6.980769) = 2.365945: difference CI 6 -/+ 2.365945 x 1.914854 = 1.469559 to 10.530441
//   lift 19/13 - 1 = 0.461538; Fieller: roots of r^2 (13^2 - q^2 5/3) - 2 r 13 19 + (19^2 - q^2 2) = 0,
//   r = 1.097247 to 1.996624, so the lift's CI is 9.72% to 99.66%.
const A = [10, 12, 14, 16];
const B = [15, 17, 19, 21, 23];

describe("studentTTwoSidedP and studentTCritical", () => {
  it.each([
    [2.0, 5, 0.10193947882985835],
    [0.5, 3.3, 0.6485350763995584],
    [3.1, 1, 0.19865218439823706],
    [1.96, 1e6, 0.04999606758526985],
    [10, 50, 1.6077334688335447e-13],
  ])("P(|T| >= %s), df %s matches scipy", (t, df, p) => {
    expect(studentTTwoSidedP(t, df)).toBeCloseTo(p, 10);
    expect(studentTTwoSidedP(-t, df)).toBeCloseTo(p, 10);
  });

  it("inverts to the 97.5% quantile, fractional degrees of freedom included", () => {
    expect(studentTCritical(0.05, 7)).toBeCloseTo(2.364624251592784, 9);
    expect(studentTCritical(0.05, 6.980769230769232)).toBeCloseTo(2.365945421225755, 9);
    expect(studentTCritical(0.05, 2.5)).toBeCloseTo(3.57465484, 7);
    expect(studentTCritical(0.05, 1000)).toBeCloseTo(1.96233908, 7);
  });
});

describe("welchTest", () => {
  it("matches the hand calculation", () => {
    const test = welchTest(A, B)!;
    expect(test.difference).toBe(6);
    expect(test.standardError).toBeCloseTo(Math.sqrt(11 / 3), 12);
    expect(test.t).toBeCloseTo(3.1333978072025612, 10);
    expect(test.df).toBeCloseTo(6.980769230769232, 10);
    expect(test.p).toBeCloseTo(0.016589949189326728, 8);
  });

  it("needs two values on each side", () => {
    expect(welchTest([1], [1, 2])).toBeNull();
  });

  it("constant samples: a difference is certain, no difference is p = 1", () => {
    expect(welchTest([2, 2, 2], [3, 3, 3])).toMatchObject({ p: 0, t: Infinity });
    expect(welchTest([2, 2, 2], [2, 2])).toMatchObject({ p: 1, t: 0 });
  });
});

describe("compareArms", () => {
  it("means, CIs, lift and its Fieller CI match the hand calculation", () => {
    const c = compareArms(A, B);
    expect(c.base).toMatchObject({ n: 4, mean: 13 });
    expect(c.base.ci95Low).toBeCloseTo(8.891479486478959, 6);
    expect(c.base.ci95High).toBeCloseTo(17.108520513521043, 6);
    expect(c.arm).toMatchObject({ n: 5, mean: 19 });
    expect(c.arm.ci95Low).toBeCloseTo(15.073513677044886, 6);
    expect(c.arm.ci95High).toBeCloseTo(22.926486322955114, 6);
    expect(c.difference).toBe(6);
    expect(c.differenceCi95Low).toBeCloseTo(1.4695594364929487, 8);
    expect(c.differenceCi95High).toBeCloseTo(10.530440563507051, 8);
    expect(c.lift).toBeCloseTo(6 / 13, 12);
    expect(c.liftCi95Low).toBeCloseTo(0.09724731937753339, 8);
    expect(c.liftCi95High).toBeCloseTo(0.9966240490150118, 8);
    expect(c.test?.p).toBeCloseTo(0.016589949189326728, 8);
    expect(c.verdict).toBe("higher");
  });

  it("a lift interval that spans zero is no clear difference (scipy: p = 0.6036)", () => {
    const c = compareArms(A, [11, 13, 15, 17]);
    expect(c.test?.p).toBeCloseTo(0.6036450565101362, 8);
    expect(c.liftCi95Low).toBeCloseTo(-0.2297933201469421, 8);
    expect(c.liftCi95High).toBeCloseTo(0.518798637504718, 8);
    expect(c.verdict).toBe("no clear difference");
  });

  it("lower is lower, symmetric to higher", () => {
    const c = compareArms(B, A);
    expect(c.verdict).toBe("lower");
    expect(c.test?.p).toBeCloseTo(0.016589949189326728, 8);
    expect(c.lift).toBeCloseTo(13 / 19 - 1, 12);
  });

  it("verdict, difference CI, lift CI and p never disagree", () => {
    // Skewed small samples where a log-scale delta interval would exclude zero while p > 0.05.
    const base = [1200, 9800, 400, 11004];
    const arm = [700, 1100, 1500, 514];
    const c = compareArms(base, arm);
    const significant = c.test!.p < 0.05;
    expect(c.verdict === "no clear difference").toBe(!significant);
    if (c.liftCi95High !== null) expect(c.liftCi95High > 0).toBe(!significant);
  });

  it("leaves NaN replicates out and reports not enough data below two values", () => {
    const c = compareArms([Number.NaN, 10, 12, 14, 16], [15, 17, Number.NaN, 19, 21, 23]);
    expect(c.base.n).toBe(4);
    expect(c.arm.n).toBe(5);
    expect(c.test?.p).toBeCloseTo(0.016589949189326728, 8);
    expect(compareArms([1], [2, 3]).verdict).toBe("not enough data");
  });

  it("a base mean of zero has no lift; the difference decides", () => {
    const c = compareArms([0, 0, 0], [5, 6, 7]);
    expect(c.lift).toBeNull();
    expect(c.liftCi95Low).toBeNull();
    expect(c.verdict).toBe("higher");
  });
});
