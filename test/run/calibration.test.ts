import { beforeAll, describe, expect, it } from "vitest";
import { CALIBRATION_STUDIES, COUNTERFACTUALS, VALIDATION_FACTS, calibrate, judgeBand, leftBand, type CalibrationReport } from "../../src/run/index.js";
import { CALIBRATION_FACTS, METRIC_NAMES } from "../../src/sim/index.js";
import { describe as describeValues } from "../../src/stats/index.js";

let report: CalibrationReport;
beforeAll(() => {
  // The quick size of every study, a fixed seed per replicate (calibration/<study>/<arm>/<r>);
  // 8 replicates: at 4 the intervals of the herding and creator-concentration means were too wide
  // to clear their one-sided bands once the model gained staggered budgets and fatigue.
  report = calibrate({ replicates: 8, quick: true });
});

describe("the calibration plan", () => {
  it("gives every fact a known study and every behavioural fact a mechanism and a counterfactual", () => {
    const studies = CALIBRATION_STUDIES.map((study) => study.id);
    for (const fact of CALIBRATION_FACTS) {
      expect(studies, fact.id).toContain(fact.study);
      expect(METRIC_NAMES, fact.id).toContain(fact.metric);
      if (fact.kind === "behavioural") {
        expect(fact.mechanism, fact.id).toBeTruthy();
        expect(COUNTERFACTUALS[fact.id], fact.id).toBeDefined();
      } else expect(COUNTERFACTUALS[fact.id], fact.id).toBeUndefined();
    }
    for (const fact of VALIDATION_FACTS) {
      expect(studies, fact.id).toContain(fact.study);
      expect([...METRIC_NAMES, "giftGapTailExponent"], fact.id).toContain(fact.metric);
      expect(fact.band.min! <= fact.published && fact.published <= fact.band.max!, fact.id).toBe(true);
    }
  });

  it.each(CALIBRATION_FACTS.filter((fact) => fact.kind === "behavioural").map((fact) => fact.id))("%s: holds with its mechanism on and fails with it off", (id) => {
    const check = report.checks.find((c) => c.fact.id === id)!;
    const shown = `on ${check.on.value} [${check.on.ci95Low}, ${check.on.ci95High}], off ${check.off?.value} [${check.off?.ci95Low}, ${check.off?.ci95High}]`;
    expect(check.on.state, shown).toBe("inside");
    expect(check.off?.state, shown).toBe("outside");
    expect(check.passes).toBe(true);
  });

  it("shows the keep share as an accounting check, with no counterfactual, inside its band", () => {
    const check = report.checks.find((c) => c.fact.id === "creator-keep-share")!;
    expect(check.fact.kind).toBe("accounting");
    expect(check.off).toBeNull();
    expect(check.on.state).toBe("inside");
    // An identity barely moves when behaviour does: every counterfactual of its study leaves it within 0.01.
    expect(check.acrossCounterfactuals!.max - check.acrossCounterfactuals!.min).toBeLessThan(0.01);
    expect(Math.abs(check.acrossCounterfactuals!.max - check.on.value)).toBeLessThan(0.01);
  });

  it("measures every held-out fact (in or out is the finding, not a test)", () => {
    for (const row of report.validation) expect(Number.isFinite(row.value), row.fact.id).toBe(true);
  });

  it("reads Inke's fact over all viewers too, where it is 1 while fewer than 20% of viewers gift", () => {
    expect(report.checks.find((c) => c.fact.id === "gifting-concentration")?.alsoMeasured).toBe(1);
  });
});

describe("judgeBand", () => {
  it("holds a one-sided band only when the 95% interval clears it, a two-sided one on the mean", () => {
    const aroundZero = describeValues([0.02, -0.01, 0.015, -0.005]);
    const aboveZero = describeValues([0.02, 0.025, 0.018, 0.022]);
    expect(aroundZero.mean!).toBeGreaterThan(0);
    expect(judgeBand({ min: Number.MIN_VALUE, description: "" }, aroundZero)).toBe("outside");
    expect(judgeBand({ min: Number.MIN_VALUE, description: "" }, aboveZero)).toBe("inside");
    expect(judgeBand({ min: -0.1, max: 0.1, description: "" }, aroundZero)).toBe("inside");
    expect(judgeBand({ min: 0, description: "" }, describeValues([Number.NaN]))).toBe("not measured");
  });
});

describe("a counterfactual leaves its band only decisively (leftBand)", () => {
  const above = { min: 0.5, description: "above 0.50" };
  const on = [0.75, 0.8, 0.72, 0.78, 0.77, 0.74];
  it("an off interval straddling a one-sided band's end, no different from on, is inconclusive: the check cannot pass", () => {
    expect(leftBand(above, on, [0.2, 0.9, 0.48, 0.95, 0.3, 0.85])).toBe(false);
  });
  it("an off interval below the end, or off clearly below on, leaves it", () => {
    expect(leftBand(above, on, [0.3, 0.32, 0.28, 0.31, 0.29, 0.3])).toBe(true);
    expect(leftBand(above, on, [0.45, 0.6, 0.5, 0.55, 0.4, 0.52])).toBe(true);
  });
  it("a two-sided band is left when the off mean is outside it", () => {
    expect(leftBand({ min: 0.8, max: 0.98, description: "0.80 - 0.98" }, on, [0.6, 0.62])).toBe(true);
    expect(leftBand({ min: 0.8, max: 0.98, description: "0.80 - 0.98" }, on, [0.85, 0.9])).toBe(false);
  });
});
