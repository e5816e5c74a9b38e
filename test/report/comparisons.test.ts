import { describe, expect, it } from "vitest";
import { buildComparisons, readRunFolder } from "../../src/report/index.js";
import { syntheticRunFolder, twoArmScenario } from "./helpers.js";

// The hand-worked data set of test/stats/compare-arms.test.ts, carried through a run folder
// (replicates.csv and back): Q&A's fifth replicate did not measure the metric (NaN, an empty
// CSV field), so Q&A has 4 values and challenge 5.
const QA = [10, 12, 14, 16, Number.NaN];
const CHALLENGE = [15, 17, 19, 21, 23];

function folder(qa: number[], challenge: number[]) {
  return syntheticRunFolder({
    scenario: twoArmScenario({ metrics: ["coinsPerLiveHour"] }),
    replicates: 5,
    metric: (name, { arm, replicate }) => (name === "coinsPerLiveHour" ? (arm === "qa" ? qa : challenge)[replicate] : undefined),
  });
}

describe("comparison of arms from a run folder", () => {
  it("numbers match the hand calculation and the sentence says them", () => {
    const data = readRunFolder(folder(QA, CHALLENGE));
    const [c] = buildComparisons(data);
    expect(c.metric).toBe("coinsPerLiveHour");
    expect(c.base.arm).toBe("qa");
    expect(c.cell.arm).toBe("challenge");
    expect(c.result.base).toMatchObject({ n: 4, mean: 13 });
    expect(c.result.arm).toMatchObject({ n: 5, mean: 19 });
    expect(c.result.lift).toBeCloseTo(6 / 13, 12);
    expect(c.result.liftCi95Low).toBeCloseTo(0.09724731937753339, 8);
    expect(c.result.liftCi95High).toBeCloseTo(0.9966240490150118, 8);
    expect(c.result.test?.p).toBeCloseTo(0.016589949189326728, 8);
    expect(c.sentence).toBe(
      "challenge earns 46% more gifted coins per live hour than Q&A (95% CI 9.7% to 100%, p = 0.017, 5 replicates of challenge, 4 of Q&A).",
    );
  });

  it('says "no clear difference" when the interval spans zero', () => {
    const data = readRunFolder(folder([10, 12, 14, 16, 18], [11, 13, 15, 17, 19]));
    const [c] = buildComparisons(data);
    expect(c.result.verdict).toBe("no clear difference");
    expect(c.sentence).toMatch(/^No clear difference in gifted coins per live hour between challenge and Q&A \(lift \+7\.1%, 95% CI −\d+(\.\d)?% to \d+%, p = 0\.\d+, 5 replicates\)\.$/);
  });

  it("with one arm and a sweep, each point is compared with the first", () => {
    const dir = syntheticRunFolder({
      scenario: twoArmScenario({ arms: undefined, sweep: { "economy.policy.creatorShareBps": [5000, 6000] }, metrics: ["creatorEarningsMicros"] }),
      replicates: 30,
    });
    const comparisons = buildComparisons(readRunFolder(dir));
    expect(comparisons).toHaveLength(1);
    expect(comparisons[0].baseName).toBe("creatorShareBps = 5000");
    expect(comparisons[0].cellName).toBe("creatorShareBps = 6000");
    expect(comparisons[0].sentence).toMatch(/^creatorShareBps = 6000 earns \d+(\.\d)?% more creator earnings than creatorShareBps = 5000 \(95% CI/);
  });
});
