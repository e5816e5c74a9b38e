import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { MAX_SOBOL_DIMENSIONS, morrisDesign, morrisEffects, saltelliDesign, sobolIndices, sobolSequence } from "../../src/stats/index.js";

describe("sobolSequence", () => {
  it("matches scipy.stats.qmc.Sobol(scramble=False) (Joe-Kuo direction numbers)", () => {
    const points = sobolSequence(1030, 64);
    expect(points[0].every((v) => v === 0)).toBe(true);
    expect(points.slice(1, 9).map((p) => Array.from(p.subarray(0, 4)))).toEqual([
      [0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25],
      [0.25, 0.75, 0.75, 0.75],
      [0.375, 0.375, 0.625, 0.875],
      [0.875, 0.875, 0.125, 0.375],
      [0.625, 0.125, 0.875, 0.625],
      [0.125, 0.625, 0.375, 0.125],
      [0.1875, 0.3125, 0.9375, 0.4375],
    ]);
    expect([0, 1, 9, 31, 49, 63].map((j) => points[1000][j])).toEqual([0.2197265625, 0.0966796875, 0.0693359375, 0.1455078125, 0.4794921875, 0.4462890625]);
    expect([2, 40, 63].map((j) => points[1029][j])).toEqual([0.32275390625, 0.04443359375, 0.34130859375]);
  });

  it("skipping starts where the sequence would be (scipy fast_forward)", () => {
    expect(sobolSequence(2, 3, 5).map((p) => Array.from(p))).toEqual([
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
    ]);
    expect(sobolSequence(3, 5, 1021)).toEqual(sobolSequence(1024, 5).slice(1021));
  });

  it("each block of 2^m points puts one point in every interval of length 2^-m, in every dimension", () => {
    const points = sobolSequence(256, MAX_SOBOL_DIMENSIONS, 256);
    for (let j = 0; j < MAX_SOBOL_DIMENSIONS; j++) {
      const cells = new Set(points.map((p) => Math.floor(p[j] * 256)));
      expect(cells.size).toBe(256);
    }
  });

  it("refuses dimensions the direction numbers do not cover", () => {
    expect(() => sobolSequence(4, MAX_SOBOL_DIMENSIONS + 1)).toThrow(GiftsimError);
    expect(() => sobolSequence(4, 0)).toThrow(/dimensions/);
  });
});

describe("Sobol' indices by Saltelli sampling", () => {
  // Ishigami f = sin x1 + a sin^2 x2 + b x3^4 sin x1 on [-pi, pi]^3, a = 7, b = 0.1; analytic indices
  // (Ishigami and Homma 1990; Saltelli et al. 2010): S = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244.
  const PI = Math.PI;
  const ishigami = (x: Float64Array) => Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
  const FIRST = [0.3139, 0.4424, 0];
  const TOTAL = [0.5576, 0.4424, 0.2437];

  it("recover the Ishigami function's analytic indices within 0.02 at N = 4096 (20,480 runs), intervals covering them", () => {
    const design = saltelliDesign({ baseSamples: 4096, ranges: [[-PI, PI], [-PI, PI], [-PI, PI]] });
    expect(design.points).toHaveLength(4096 * 5);
    const indices = sobolIndices(design, design.points.map(ishigami), { seed: "ishigami", resamples: 300 });
    indices.forEach((index, i) => {
      expect(Math.abs(index.firstOrder - FIRST[i])).toBeLessThan(0.02);
      expect(Math.abs(index.total - TOTAL[i])).toBeLessThan(0.02);
      expect(index.firstOrderLow).toBeLessThanOrEqual(FIRST[i]);
      expect(index.firstOrderHigh).toBeGreaterThanOrEqual(FIRST[i]);
      expect(index.totalLow).toBeLessThanOrEqual(TOTAL[i]);
      expect(index.totalHigh).toBeGreaterThanOrEqual(TOTAL[i]);
    });
  });

  it("AB_i is A with column i from B, and the design stays inside the ranges", () => {
    const design = saltelliDesign({ baseSamples: 8, ranges: [[0, 1], [10, 20]] });
    const [a, b, ab0, ab1] = [0, 1, 2, 3].map((block) => design.points.slice(block * 8, block * 8 + 8));
    for (let j = 0; j < 8; j++) {
      expect(Array.from(ab0[j])).toEqual([b[j][0], a[j][1]]);
      expect(Array.from(ab1[j])).toEqual([a[j][0], b[j][1]]);
      expect(a[j][1]).toBeGreaterThanOrEqual(10);
      expect(a[j][1]).toBeLessThan(20);
    }
  });

  it("an additive function's first-order and total indices agree and an unused input gets none", () => {
    const design = saltelliDesign({ baseSamples: 1024, ranges: [[0, 1], [0, 1], [0, 1]] });
    const indices = sobolIndices(design, design.points.map((x) => 2 * x[0] + x[1]), { seed: "additive", resamples: 100 });
    // Variances 4/12 and 1/12: shares 0.8 and 0.2.
    expect(indices[0].firstOrder).toBeCloseTo(0.8, 2);
    expect(indices[1].total).toBeCloseTo(0.2, 2);
    expect(indices[2].firstOrder).toBe(0);
    expect(indices[2].total).toBe(0);
  });

  it("is a pure function of the outputs and the seed, and refuses outputs that do not fit the design", () => {
    const design = saltelliDesign({ baseSamples: 64, ranges: [[-PI, PI], [-PI, PI], [-PI, PI]] });
    const y = design.points.map(ishigami);
    expect(sobolIndices(design, y, { seed: "s", resamples: 50 })).toEqual(sobolIndices(design, y, { seed: "s", resamples: 50 }));
    expect(() => sobolIndices(design, y.slice(1), { seed: "s" })).toThrow(/one per design point/);
    expect(() => saltelliDesign({ baseSamples: 64, ranges: [[1, 0]] })).toThrow(/low <= high/);
  });
});

describe("Morris elementary effects", () => {
  it("a linear function's effects are its coefficients (per whole range), with no spread", () => {
    const design = morrisDesign({ ranges: [[0, 1], [0, 10], [5, 6]], trajectories: 6, seed: "linear" });
    expect(design.points).toHaveLength(6 * 4);
    // Per whole range: 3 per unit over [0, 1] is 3; -0.5 per unit over [0, 10] is -5; 0 is 0.
    const effects = morrisEffects(design, design.points.map((x) => 3 * x[0] - 0.5 * x[1] + 0 * x[2]));
    expect(effects[0].mu).toBeCloseTo(3, 10);
    expect(effects[1].mu).toBeCloseTo(-5, 10);
    expect(effects[1].muStar).toBeCloseTo(5, 10);
    expect(effects[2].muStar).toBe(0);
    for (const e of effects) expect(e.sigma).toBeCloseTo(0, 10);
  });

  it("each step moves one input by Delta = p / (2 (p - 1)) on the grid", () => {
    const design = morrisDesign({ ranges: [[0, 1], [0, 1]], trajectories: 5, levels: 4, seed: "grid" });
    expect(design.delta).toBeCloseTo(2 / 3, 12);
    design.steps.forEach((trajectory, t) => {
      trajectory.forEach(({ input, sign }, m) => {
        const from = design.points[t * 3 + m];
        const to = design.points[t * 3 + m + 1];
        expect(to[input] - from[input]).toBeCloseTo(sign * design.delta, 12);
        expect(to[1 - input]).toBe(from[1 - input]);
        for (const v of to) expect([0, 1 / 3, 2 / 3, 1].some((level) => Math.abs(v - level) < 1e-12)).toBe(true);
      });
    });
  });

  it("ranks the inputs of Sobol's G function by importance (a = 0, 1, 4.5, 9, 99, 99)", () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const g = (x: Float64Array) => a.reduce((product, ai, i) => (product * (Math.abs(4 * x[i] - 2) + ai)) / (1 + ai), 1);
    for (const seed of ["g1", "g2", "g3"]) {
      const design = morrisDesign({ ranges: a.map(() => [0, 1] as const), trajectories: 20, seed });
      const muStar = morrisEffects(design, design.points.map(g)).map((e) => e.muStar);
      for (let i = 0; i < 3; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]);
      expect(Math.max(muStar[4], muStar[5])).toBeLessThan(muStar[3] / 4);
    }
  });
});
