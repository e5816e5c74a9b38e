import { describe, expect, it } from "vitest";
import { armPairs } from "../../src/report/comparisons.js";
import { buildComparisons, buildPairwiseComparisons, readRunFolder } from "../../src/report/index.js";
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
      "Gifted coins per live hour: 46% more with challenge (19) than with Q&A (13) (95% CI +9.7% to +100%, p = 0.017, 5 replicates of challenge, 4 of Q&A).",
    );
  });

  it('says "no clear difference" when the interval spans zero', () => {
    const data = readRunFolder(folder([10, 12, 14, 16, 18], [11, 13, 15, 17, 19]));
    const [c] = buildComparisons(data);
    expect(c.result.verdict).toBe("no clear difference");
    expect(c.sentence).toMatch(/^Gifted coins per live hour: no clear difference between challenge \(15\) and Q&A \(14\) \(lift \+7\.1%, 95% CI −\d+% to \+\d+%, p = 0\.\d+, 5 replicates each\)\.$/);
  });

  it("with one arm and a sweep, each point is compared with the preset's own value, named in the user's units (regression: against the first point, as creatorShareBps = 5000)", () => {
    const dir = syntheticRunFolder({
      scenario: twoArmScenario({ arms: undefined, sweep: { "economy.policy.creatorShareBps": [4000, 5000, 6000] }, metrics: ["creatorEarningsMicros"] }),
      replicates: 30,
    });
    const comparisons = buildComparisons(readRunFolder(dir));
    expect(comparisons.map((c) => [c.baseName, c.cellName])).toEqual([
      ["creator share 50%", "creator share 60%"],
      ["creator share 50%", "creator share 40%"],
    ]);
    expect(comparisons[0].sentence).toMatch(/^Creator earnings: \d+(\.\d)?% more with creator share 60% \(\$[\d,.]+\) than with creator share 50% \(\$[\d,.]+\) \(95% CI \+/);
  });

  it("a scenario's named base arm is the one compared against", () => {
    const data = readRunFolder(syntheticRunFolder({ scenario: twoArmScenario({ base: "challenge", metrics: ["coinsPerLiveHour"] }), replicates: 5 }));
    expect(buildComparisons(data).map((c) => [c.base.arm, c.cell.arm])).toEqual([["challenge", "qa"]]);
  });

  it("one base-arm pairing serves the report and the terminal: each other arm against the base arm at its own sweep point (regression: two copies of the rule)", () => {
    const cells = ["a", "b", "c"].flatMap((arm) => [0, 1].map((pointIndex) => ({ arm, pointIndex })));
    expect(armPairs(cells, "b").map(([base, cell]) => `${cell.arm}${cell.pointIndex} vs ${base.arm}${base.pointIndex}`)).toEqual([
      "a0 vs b0",
      "c0 vs b0",
      "a1 vs b1",
      "c1 vs b1",
    ]);
  });

  it("every pair of arms is compared, not only each against the base (regression: two of three arms could not be read against each other)", () => {
    const arms = [{ name: "a", label: "Arm A" }, { name: "b", label: "Arm B" }, { name: "c", label: "Arm C" }];
    const data = readRunFolder(syntheticRunFolder({ scenario: twoArmScenario({ arms, metrics: ["coinsPerLiveHour"] }), replicates: 5 }));
    expect(buildComparisons(data).map((c) => `${c.cell.arm} vs ${c.base.arm}`)).toEqual(["b vs a", "c vs a"]);
    expect(buildPairwiseComparisons(data).map((c) => `${c.cell.arm} vs ${c.base.arm}`)).toEqual(["b vs a", "c vs a", "c vs b"]);
  });

  it("colour follows good or bad news, not direction (regression: fewer days to a first payout was red)", () => {
    const data = readRunFolder(
      syntheticRunFolder({
        scenario: twoArmScenario({ metrics: ["meanDaysToFirstPayout", "coinsPerLiveHour", "storeFeeMicros"] }),
        replicates: 5,
        metric: (name, { arm, replicate }) => (name === "meanDaysToFirstPayout" ? (arm === "qa" ? 30 : 20) + replicate : undefined),
      }),
    );
    const byMetric = Object.fromEntries(buildComparisons(data).map((c) => [c.metric, [c.result.verdict, c.assessment]]));
    expect(byMetric).toEqual({ meanDaysToFirstPayout: ["lower", "better"], coinsPerLiveHour: ["higher", "better"], storeFeeMicros: ["higher", "different"] });
  });

  it("sentences need no verb to agree with an arm's label, and no metric 'earns' (regression: \"Challenge nights earns\", \"earns 42% less viewer spend\")", () => {
    const data = readRunFolder(
      syntheticRunFolder({
        scenario: twoArmScenario({ metrics: ["viewerSpendMicros", "nextStreamReturnRate"] }),
        replicates: 8,
        metric: (name, { arm, replicate }) => (name === "nextStreamReturnRate" ? (arm === "qa" ? 0.3 : 0.35) + 0.01 * (replicate % 3) : undefined),
      }),
    );
    const [spend, returns] = buildComparisons(data);
    expect(spend.sentence).toMatch(/^Viewer spend: \d+% more with challenge \(\$[\d,.]+\) than with Q&A \(\$[\d,.]+\)/);
    // A share differs in percentage points, not as a lift of a percentage.
    expect(returns.sentence).toMatch(/^Next-stream return: \d+\.\d percentage points higher with challenge \(\d+%\) than with Q&A \(\d+%\) \(95% CI \+\d+\.\d+ to \+\d+\.\d+ points/);
    for (const c of [spend, returns]) expect(c.sentence).not.toMatch(/earns/);
  });
});
