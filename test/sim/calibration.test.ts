import { describe, expect, it } from "vitest";
import { CALIBRATION_FACTS, METRIC_NAMES, calibrationTable, insideBand } from "../../src/sim/index.js";
import { config, replicates } from "./helpers.js";

describe("calibration", () => {
  it("names a metric and a band for every fact", () => {
    for (const fact of CALIBRATION_FACTS) {
      expect(METRIC_NAMES).toContain(fact.metric);
      expect(fact.band.min !== undefined || fact.band.max !== undefined).toBe(true);
      expect(fact.source.length).toBeGreaterThan(0);
    }
  });

  it("cites each fact's published source, not a notes file the repository does not hold (regression: sources read \"economics.md\")", () => {
    for (const fact of CALIBRATION_FACTS) expect(fact.source, fact.id).not.toMatch(/\.md\b/);
  });

  it("lands the default scenario (qa-vs-challenge, both arms) inside every band it measures", () => {
    const rows = ["qa", "challenge"].flatMap((format) => replicates(config({ creators: { formats: [format] } }), 6, format).map((o) => o.metrics));
    const table = calibrationTable(rows);
    const measured = table.filter((row) => row.state !== "not measured");
    expect(measured.map((row) => row.fact.id).sort()).toEqual(["bursts", "creator-keep-share", "gifting-concentration", "herding", "paying-share"]);
    for (const row of measured) expect(row.state, `${row.fact.id}: ${row.value}`).toBe("inside");
  });

  it("lands the battle scenario's pairing-fatigue measure inside its band", () => {
    const rows = replicates(config({ creators: { formats: ["battle"] } }), 6, "battle").map((o) => o.metrics);
    const row = calibrationTable(rows).find((r) => r.fact.id === "battle-pairing-fatigue");
    expect(row?.state, String(row?.value)).toBe("inside");
  });

  it("reads bands inclusively and treats NaN as not measured", () => {
    expect(insideBand({ min: 0.8, max: 0.98, description: "" }, 0.8)).toBe(true);
    expect(insideBand({ min: 0.8, description: "" }, Number.NaN)).toBe(false);
    const nan = new Float64Array(METRIC_NAMES.length).fill(Number.NaN);
    expect(calibrationTable([nan]).every((row) => row.state === "not measured")).toBe(true);
  });
});
