import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { unfollows } from "../../src/sim/unfollow.js";

/** The decision as the model states it (attendance.ts before the bound). */
const direct = (u: number, h: number, weeks: number, satisfaction: number) => u < (1 - Math.pow(1 - h, weeks)) * 2 * (1 - satisfaction);

describe("unfollow decision", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is the direct expression's answer, including uniforms at the threshold itself (property)", () => {
    const hazard = fc.double({ min: 0, max: 1, noNaN: true }).map(Math.fround);
    const weeks = fc.integer({ min: 0, max: 120 }).map((days) => days / 7);
    const satisfaction = fc.double({ min: 0, max: 1, noNaN: true }).map(Math.fround);
    // Uniforms as Alea makes them (32-bit fractions), and the threshold itself, one ulp either side.
    const nudge = fc.constantFrom(-2, -1, 0, 1, 2);
    fc.assert(
      fc.property(hazard, weeks, satisfaction, fc.integer({ min: 0, max: 2 ** 32 - 1 }), nudge, (h, w, s, bits, ulps) => {
        const u = bits / 2 ** 32;
        expect(unfollows(u, h, w, s)).toBe(direct(u, h, w, s));
        const threshold = (1 - Math.pow(1 - h, w)) * 2 * (1 - s);
        const near = threshold + ulps * Number.EPSILON * Math.max(threshold, Number.MIN_VALUE);
        expect(unfollows(near, h, w, s)).toBe(direct(near, h, w, s));
      }),
      { numRuns: 2000 },
    );
  });

  it("settles most decisions without the power at the default hazards", () => {
    const pow = vi.spyOn(Math, "pow");
    let u = 0.123;
    for (let i = 0; i < 1000; i++) {
      u = (u * 9301 + 0.4927) % 1;
      unfollows(u, 0.05, 1, 0.5);
    }
    expect(pow.mock.calls.length).toBeLessThan(150);
  });
});
