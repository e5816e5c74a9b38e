import { describe, expect, it } from "vitest";
import { MAX_RESAMPLED_COMPARISONS, buildComparisonSet, buildComparisons, metricsOfInterest, pairedValues, readRunFolder } from "../../src/report/index.js";
import { adjustPValues } from "../../src/stats/index.js";
import { syntheticRunFolder, twoArmScenario } from "./helpers.js";

// Five replicates per arm, worked by hand: base 10, 12, 14, 16, 18 and the arm 5.3 higher in each
// replicate give Welch t = 5.3 / 2 = 2.65 at 8 degrees of freedom, p = 0.0293: clear alone, not
// once Holm multiplies it by the three secondary comparisons (0.088).
const BASE = [10, 12, 14, 16, 18];

describe("primary metric and multiplicity", () => {
  const metrics = ["coinsPerLiveHour", "creatorEarningsMicros", "nextStreamReturnRate", "gifter30dRetention"];
  const folder = (primary?: string) =>
    syntheticRunFolder({
      scenario: twoArmScenario({ metrics, ...(primary === undefined ? {} : { primary }) }),
      replicates: 5,
      metric: (name, { arm, replicate }) => {
        const shift = arm === "challenge" ? 5.3 : 0;
        if (name === "creatorEarningsMicros" || name === "coinsPerLiveHour") return BASE[replicate] + shift;
        if (name === "nextStreamReturnRate" || name === "gifter30dRetention") return 0.3 + 0.01 * replicate;
        return undefined;
      },
    });

  it("the primary metric leads, is the one primary comparison and is not adjusted; the secondaries are Holm-adjusted together", () => {
    const data = readRunFolder(folder("creatorEarningsMicros"));
    expect(data.scenario.primary).toBe("creatorEarningsMicros");
    expect(metricsOfInterest(data)).toEqual(["creatorEarningsMicros", "coinsPerLiveHour", "nextStreamReturnRate", "gifter30dRetention"]);
    const [primary, ...secondary] = buildComparisons(data);
    expect(primary).toMatchObject({ metric: "creatorEarningsMicros", family: "primary", familySize: 1, verdict: "higher" });
    expect(primary.result.test!.p).toBeCloseTo(0.02929, 4);
    expect(primary.adjustedP).toBe(primary.result.test!.p);
    expect(primary.sentence).not.toMatch(/adjusted/);
    expect(secondary.map((c) => [c.metric, c.family, c.familySize])).toEqual([
      ["coinsPerLiveHour", "secondary", 3],
      ["nextStreamReturnRate", "secondary", 3],
      ["gifter30dRetention", "secondary", 3],
    ]);
    const holm = adjustPValues(secondary.map((c) => c.result.test!.p), "holm");
    secondary.forEach((c, i) => expect(c.adjustedP).toBe(holm[i]));
    // The same data as the primary: clear at p = 0.029 unadjusted, not after Holm (3 x 0.029).
    const coins = secondary[0];
    expect(coins.result.verdict).toBe("higher");
    expect(coins.adjustedP).toBeCloseTo(3 * 0.02929, 3);
    expect(coins.verdict).toBe("no clear difference");
    expect(coins.assessment).toBe("no clear difference");
    expect(coins.sentence).toMatch(/^Gifted coins per live hour: no clear difference between challenge \(\d+(\.\d+)?\) and Q&A \(\d+\) \(lift \+\d+%, 95% CI \+\d+(\.\d)?% to \+\d+%, p = 0\.029, Holm-adjusted p = 0\.088 over 3 secondary comparisons, 5 replicates each\)\.$/);
  });

  it("without a primary the first of metrics leads; Benjamini-Hochberg on request", () => {
    const data = readRunFolder(folder());
    expect(data.scenario.primary).toBe("coinsPerLiveHour");
    const [first] = buildComparisons(data);
    expect(first).toMatchObject({ metric: "coinsPerLiveHour", family: "primary", verdict: "higher" });
    const bh = buildComparisons(data, { adjustment: "bh" });
    expect(bh[1]).toMatchObject({ metric: "creatorEarningsMicros", adjustment: "bh" });
    expect(bh[1].sentence).toMatch(/Benjamini-Hochberg-adjusted p = 0\.088 over 3 secondary comparisons/);
  });

  it("with three arms the primary metric against the base is a family of two, every other pair and metric the secondary family", () => {
    const arms = [{ name: "a", label: "Arm A" }, { name: "b", label: "Arm B" }, { name: "c", label: "Arm C" }];
    const data = readRunFolder(syntheticRunFolder({ scenario: twoArmScenario({ arms, metrics: ["coinsPerLiveHour", "viewerSpendMicros"] }), replicates: 6 }));
    const { againstBase, pairwise } = buildComparisonSet(data);
    expect(pairwise.map((c) => `${c.metric} ${c.cell.arm}/${c.base.arm} ${c.family} ${c.familySize}`)).toEqual([
      "coinsPerLiveHour b/a primary 2",
      "coinsPerLiveHour c/a primary 2",
      "coinsPerLiveHour c/b secondary 4",
      "viewerSpendMicros b/a secondary 4",
      "viewerSpendMicros c/a secondary 4",
      "viewerSpendMicros c/b secondary 4",
    ]);
    // The against-base view is the same objects, so the two tables never disagree.
    expect(againstBase.every((c) => pairwise.includes(c))).toBe(true);
  });

  it("pairs replicates by replicate index: an arm 1.2 times the base in every replicate wins every pair by exactly +20%", () => {
    const data = readRunFolder(
      syntheticRunFolder({
        scenario: twoArmScenario({ metrics: ["creatorEarningsMicros"] }),
        replicates: 8,
        metric: (name, { arm, replicate }) => (name === "creatorEarningsMicros" ? [3, 80, 5, 1200, 9, 40, 7, 15][replicate] * (arm === "challenge" ? 1.2e6 : 1e6) : undefined),
      }),
    );
    const [c] = buildComparisons(data);
    const [x, y] = pairedValues(data, "creatorEarningsMicros", c.base, c.cell);
    expect(y.map((v, i) => v / x[i])).toEqual(Array(8).fill(1.2));
    expect(c.paired!.win).toMatchObject({ pairs: 8, above: 8, probability: 1 });
    for (const location of ["median", "trimmedMean", "mean"] as const) {
      expect(c.paired!.bootstrap[location].lift.low).toBeCloseTo(0.2, 10);
      expect(c.paired!.bootstrap[location].lift.high).toBeCloseTo(0.2, 10);
    }
    // Welch's test, which ignores the pairing, cannot tell the whale-driven arms apart.
    expect(c.result.verdict).toBe("no clear difference");
  });

  it("is a pure function of the folder: the same intervals on a second read", () => {
    const dir = folder();
    const strip = (cs: ReturnType<typeof buildComparisons>) => cs.map((c) => c.paired);
    expect(strip(buildComparisons(readRunFolder(dir)))).toEqual(strip(buildComparisons(readRunFolder(dir))));
  });

  it(`past ${MAX_RESAMPLED_COMPARISONS} comparisons only those against the base are resampled (a long one-arm sweep compares every pair of points)`, () => {
    const shares = Array.from({ length: 26 }, (_, i) => 4000 + 100 * i);
    const data = readRunFolder(
      syntheticRunFolder({ scenario: twoArmScenario({ arms: undefined, sweep: { "economy.policy.creatorShareBps": shares }, metrics: ["creatorEarningsMicros"] }), replicates: 3 }),
    );
    const { againstBase, pairwise } = buildComparisonSet(data);
    expect(pairwise).toHaveLength((26 * 25) / 2);
    expect(againstBase).toHaveLength(25);
    expect(againstBase.every((c) => c.paired !== null)).toBe(true);
    expect(pairwise.filter((c) => c.paired !== null)).toHaveLength(25);
  });
});
