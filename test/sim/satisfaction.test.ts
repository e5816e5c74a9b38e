import { describe, expect, it } from "vitest";
import { visitExperience } from "../../src/sim/attendance.js";
import { DEFAULT_SIM_CONFIG } from "../../src/sim/index.js";
import { SATISFACTION_START } from "../../src/sim/viewers.js";
import { config, meanMetric, replicates } from "./helpers.js";

const attendance = DEFAULT_SIM_CONFIG.attendance;
/** The rule before a neutral visit existed: experience = 0.5 x watch share. */
const earlierRule = { ...attendance, neutralWatchShare: 1, watchExperienceWeight: 0.5 };
const EXPECTED_SEC = 600;

describe("a visit's experience", () => {
  it("is the start value for a visit without payoffs watched for the neutral share; more watch raises it, less lowers it", () => {
    expect(visitExperience(attendance, attendance.neutralWatchShare * EXPECTED_SEC, EXPECTED_SEC, 1, 0)).toBeCloseTo(SATISFACTION_START, 12);
    expect(visitExperience(attendance, EXPECTED_SEC, EXPECTED_SEC, 1, 0)).toBeGreaterThan(SATISFACTION_START);
    expect(visitExperience(attendance, 0.2 * EXPECTED_SEC, EXPECTED_SEC, 1, 0)).toBeLessThan(SATISFACTION_START);
    expect(visitExperience(attendance, 3 * EXPECTED_SEC, EXPECTED_SEC, 1, 0)).toBe(visitExperience(attendance, EXPECTED_SEC, EXPECTED_SEC, 1, 0));
    expect(visitExperience(attendance, EXPECTED_SEC, EXPECTED_SEC, 1, 0.3)).toBeCloseTo(visitExperience(attendance, EXPECTED_SEC, EXPECTED_SEC, 1, 0) + 0.3, 12);
    expect(visitExperience(attendance, EXPECTED_SEC, EXPECTED_SEC, 1, 5)).toBe(1);
  });

  it("averages the start value over exponential stays of the expected length at the default neutral share; the earlier rule averaged lower", () => {
    // E[min(1, X / m)] for X exponential with mean m is 1 - 1/e: the default neutral share.
    const steps = 20_000;
    const mean = (a: typeof attendance) => {
      let sum = 0;
      for (let i = 0; i < steps; i++) sum += visitExperience(a, -Math.log(1 - (i + 0.5) / steps) * EXPECTED_SEC, EXPECTED_SEC, 1, 0);
      return sum / steps;
    };
    expect(mean(attendance)).toBeCloseTo(SATISFACTION_START, 2);
    expect(mean(earlierRule)).toBeLessThan(SATISFACTION_START - 0.15);
    expect(visitExperience(earlierRule, EXPECTED_SEC, EXPECTED_SEC, 1, 0)).toBeCloseTo(SATISFACTION_START, 12);
  });

  // Counterfactual: with the earlier rule a format without payoffs (casual chat, no tactics)
  // could only wear satisfaction down from its start, so fewer followers came back.
  it("lets a format without payoffs keep its followers: more return than under the earlier rule", () => {
    const base = { horizonWeeks: 3, creators: { formats: ["casual"] } };
    const neutral = replicates(config(base), 4, "neutral");
    const falling = replicates(config({ ...base, attendance: { neutralWatchShare: 1 } }), 4, "neutral");
    expect(meanMetric(neutral, "nextStreamReturnRate")).toBeGreaterThan(meanMetric(falling, "nextStreamReturnRate"));
    expect(meanMetric(neutral, "followersEnd")).toBeGreaterThan(meanMetric(falling, "followersEnd"));
  });
});
