import { describe, expect, it } from "vitest";
import { formatArmComparison, formatInUnit, formatSweepTable } from "../../src/cli/summary-table.js";
import type { ReplicateRecord, Summary } from "../../src/run/index.js";
import { METRIC_INFO, METRIC_NAMES } from "../../src/sim/index.js";
import { describe as describeValues } from "../../src/stats/index.js";

const headline = "coinsPerLiveHour";
const column = METRIC_NAMES.indexOf(headline);
const values = { qa: [10, 11, 9, 10, 10], challenge: [20, 21, 19, 20, 20] };

function fixture(): { summary: Summary; records: ReplicateRecord[] } {
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
    label: arm,
    pointIndex: 0,
    point: {},
    replicates: list.length,
    metrics: { [headline]: describeValues(list) },
    calibration: [],
  }));
  return {
    summary: { format: "giftsim-summary/1", scenario: { name: "t", question: "q", hash: "h" }, seed: "1", replicates: 5, metricsOfInterest: [headline], metricInfo: METRIC_INFO, cells },
    records,
  };
}

describe("terminal views of a summary", () => {
  it("compare: each arm against the first with lift, its CI, the p-value and a verdict", () => {
    const { summary, records } = fixture();
    const text = formatArmComparison(summary, records);
    expect(text).toMatch(/qa +10 \[/);
    expect(text).toMatch(/challenge +20 \[.*\]; \+100\.0% \[\d+\.\d%, \d+\.\d%\]; p < 0\.001: higher/);
  });

  it("sweep: one row per point, one column per arm", () => {
    const { summary } = fixture();
    expect(formatSweepTable(summary).split("\n")).toEqual([`  point  qa ${headline}  challenge ${headline}`, "  -      10                   20"]);
  });

  it("figures in their unit", () => {
    expect(formatInUnit(1_234_560_000, "micro-USD")).toBe("$1,234.56");
    expect(formatInUnit(0.0512, "share")).toBe("5.1%");
    expect(formatInUnit(12345.6, "coins/hour")).toBe("12,346");
    expect(formatInUnit(null, "coins")).toBe("n/a");
  });
});
