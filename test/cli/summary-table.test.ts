import { describe, expect, it } from "vitest";
import { formatArmComparison, formatInUnit, formatReplicateTable, formatSummaryTable, formatSweepTable } from "../../src/cli/summary-table.js";
import type { ReplicateRecord, Summary } from "../../src/run/index.js";
import { METRIC_INFO, METRIC_NAMES } from "../../src/sim/index.js";
import { describe as describeValues } from "../../src/stats/index.js";

const headline = "coinsPerLiveHour";
const column = METRIC_NAMES.indexOf(headline);
const values = { qa: [10, 11, 9, 10, 10], challenge: [20, 21, 19, 20, 20] };
const labels: Record<string, string> = { qa: "Q&A nights", challenge: "Challenge nights" };

function fixture(baseArm = "qa"): { summary: Summary; records: ReplicateRecord[] } {
  const records: ReplicateRecord[] = [];
  Object.values(values).forEach((list, cell) =>
    list.forEach((value, replicate) => {
      const metrics = new Float64Array(METRIC_NAMES.length).fill(Number.NaN);
      metrics[column] = value;
      records.push({ cell, replicate, simulatedEvents: 0, metrics, streams: new Float64Array(0), timeseries: new Float64Array(0) });
    }),
  );
  const cells = Object.entries(values).map(([arm, list]) => ({
    arm,
    label: labels[arm],
    pointIndex: 0,
    point: {},
    replicates: list.length,
    metrics: { [headline]: describeValues(list) },
    calibration: [],
  }));
  return {
    summary: { format: "giftsim-summary/1", scenario: { name: "t", question: "q", hash: "h" }, seed: "1", replicates: 5, metricsOfInterest: [headline], primary: headline, metricInfo: METRIC_INFO, base: { arm: baseArm, pointIndex: 0 }, cells },
    records,
  };
}

describe("terminal views of a summary", () => {
  it("compare: each arm against the first with lift, its CI, the p-value and a verdict", () => {
    const { summary, records } = fixture();
    const text = formatArmComparison(summary, records);
    expect(text).toMatch(/^  Gifted coins per live hour: each arm against Q&A nights /);
    expect(text).toMatch(/Q&A nights +10 \[/);
    expect(text).toMatch(/Challenge nights +20 \[.*\]; \+100\.0% \[\d+\.\d%, \d+\.\d%\]; p < 0\.001: higher/);
  });

  it("compare: against the scenario's base arm, not the first arm (regression: every lift was measured from the first)", () => {
    const { summary, records } = fixture("challenge");
    const text = formatArmComparison(summary, records);
    expect(text).toMatch(/^  Gifted coins per live hour: each arm against Challenge nights /);
    expect(text).toMatch(/Q&A nights +10 \[.*\]; -50\.0% \[-?\d+\.\d%, -\d+\.\d%\]; p < 0\.001: lower/);
    expect(text).toMatch(/Challenge nights +20 \[[^;]*\]  \(5 replicates\)/);
  });

  it("sweep: one row per point, one column per arm, headed by labels rather than metric ids", () => {
    const { summary } = fixture();
    expect(formatSweepTable(summary).split("\n")).toEqual([
      "  Gifted coins per live hour: mean over 5 replicates per cell",
      "  point  Q&A nights  Challenge nights",
      "  -      10          20",
    ]);
  });

  it("run: metrics by their labels, not their ids, and arms by their labels", () => {
    const { summary } = fixture();
    const lines = formatSummaryTable(summary).split("\n");
    expect(lines[1]).toMatch(/^  metric +Q&A nights +Challenge nights$/);
    expect(lines[2]).toMatch(/^  Gifted coins per live hour +10 \[[\d.]+, [\d.]+\] +20 \[/);
    expect(lines.join("\n")).not.toContain(headline);
  });

  it("time reads with its unit (regression: 'Mean watch time 11.61' had none)", () => {
    expect(formatInUnit(11.61, "minutes")).toBe("11.61 min");
    expect(formatInUnit(33.5, "days")).toBe("33.5 days");
    expect(formatInUnit(6560, "count")).toBe("6,560");
  });

  it("--replicate: money in dollars and metrics by their labels, not raw micro-USD under metric ids", () => {
    const metrics = new Float64Array(METRIC_NAMES.length).fill(Number.NaN);
    metrics[METRIC_NAMES.indexOf("creatorEarningsMicros")] = 1_745_545_000;
    metrics[METRIC_NAMES.indexOf("viewerToGifterConversion")] = 0.05259;
    const text = formatReplicateTable(["creatorEarningsMicros", "viewerToGifterConversion", "battleWinRate"], METRIC_INFO, [{ heading: "Q&A nights", metrics }]);
    expect(text.split("\n")).toEqual([
      "  metric                       Q&A nights",
      "  Creator earnings             $1,745.55",
      "  Viewer -> gifter conversion  5.3%",
      `  ${METRIC_INFO.battleWinRate.label.padEnd(27)}  n/a`,
    ]);
  });

  it("figures in their unit", () => {
    expect(formatInUnit(1_234_560_000, "micro-USD")).toBe("$1,234.56");
    expect(formatInUnit(0.0512, "share")).toBe("5.1%");
    expect(formatInUnit(12345.6, "coins/hour")).toBe("12,346");
    expect(formatInUnit(null, "coins")).toBe("n/a");
  });
});

describe("terminal compare with more than one comparison", () => {
  it("Holm-adjusts the primary family's p-values and calls a difference on the adjusted p", () => {
    // Welch p = 0.029 for "plus" (5.3 above the base in each of 5 replicates) and 1 for "same": Holm
    // doubles the smaller, 0.059, and keeps the larger.
    const arms: Record<string, number[]> = { base: [10, 12, 14, 16, 18], plus: [15.3, 17.3, 19.3, 21.3, 23.3], same: [10, 12, 14, 16, 18] };
    const records: ReplicateRecord[] = [];
    Object.values(arms).forEach((list, cell) =>
      list.forEach((value, replicate) => {
        const metrics = new Float64Array(METRIC_NAMES.length).fill(Number.NaN);
        metrics[column] = value;
        records.push({ cell, replicate, simulatedEvents: 0, metrics, streams: new Float64Array(0), timeseries: new Float64Array(0) });
      }),
    );
    const cells = Object.entries(arms).map(([arm, list]) => ({ arm, label: arm, pointIndex: 0, point: {}, replicates: 5, metrics: { [headline]: describeValues(list) }, calibration: [] }));
    const summary: Summary = { format: "giftsim-summary/1", scenario: { name: "t", question: "q", hash: "h" }, seed: "1", replicates: 5, metricsOfInterest: [headline], primary: headline, metricInfo: METRIC_INFO, base: { arm: "base", pointIndex: 0 }, cells };
    const text = formatArmComparison(summary, records);
    expect(text).toMatch(/\(mean \[95% CI\]; lift \[95% CI\]; Welch p, Holm-adjusted over 2\)$/m);
    expect(text).toMatch(/plus +19\.3 \[.*\]; \+37\.9% \[4\.2%, 87\.3%\]; p = 0\.059: no clear difference/);
    expect(text).toMatch(/same +14 \[.*\]; \+0\.0% \[.*\]; p = 1\.000: no clear difference/);
  });
});
