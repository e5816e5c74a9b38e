import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport, CHARTS, readRunFolder, reportsDir, type Report } from "../../src/report/index.js";
import { syntheticRunFolder, twoArmScenario } from "./helpers.js";

const ARM_CHARTS = ["headline-lift", "revenue-per-arm", "revenue-split", "creator-earnings", "creator-income", "coins-per-live-hour", "retention-curves", "return-retention", "lorenz", "gift-sizes"];

let twoArms: Report;
let oneAxis: Report;
let twoAxes: Report;

beforeAll(async () => {
  twoArms = await buildReport(readRunFolder(syntheticRunFolder({ scenario: twoArmScenario(), replicates: 6 })));
  oneAxis = await buildReport(
    readRunFolder(syntheticRunFolder({ scenario: twoArmScenario({ sweep: { "economy.policy.creatorShareBps": [4000, 5000, 6000] } }), replicates: 4 })),
  );
  twoAxes = await buildReport(
    readRunFolder(
      syntheticRunFolder({
        scenario: twoArmScenario({
          sweep: { "economy.policy.creatorShareBps": [4000, 6000], "economy.policy.payoutThresholdMicros": [50_000_000, 100_000_000] },
          metrics: ["coinsPerLiveHour", "creatorsPaid"],
        }),
        replicates: 3,
      }),
    ),
  );
});

describe("chart templates", () => {
  it("every reports/*.vl.json is a chart of the report, and every chart has its template", () => {
    const templates = readdirSync(reportsDir())
      // load-*.vl.json draw the `giftsim load http` summary page (test/load/http/summary-html.test.ts),
      // fit-*.vl.json the calibration report (test/report/report-browser.e2e.test.ts).
      .filter((name) => name.endsWith(".vl.json") && !name.startsWith("load-") && !name.startsWith("fit-"))
      .map((name) => name.slice(0, -".vl.json".length))
      .sort();
    expect(templates).toEqual(CHARTS.map((chart) => chart.id).sort());
  });

  it("every template compiles with vega-lite and renders with vega, without a warning", () => {
    const drawn = new Map<string, Report["charts"][number]>();
    for (const report of [twoArms, oneAxis, twoAxes]) for (const chart of report.charts) drawn.set(chart.id, chart);
    expect([...drawn.keys()].sort()).toEqual(CHARTS.map((chart) => chart.id).sort());
    for (const chart of drawn.values()) {
      expect(chart.warnings, chart.id).toEqual([]);
      const size = /^<svg[^>]* width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(chart.svg);
      expect(size, chart.id).not.toBeNull();
      expect(Number(size![1]), chart.id).toBeGreaterThan(200);
      expect(Number(size![2]), chart.id).toBeGreaterThan(100);
      // Marks were drawn, not just axes: a path, a line or a rect inside a mark group.
      expect(chart.svg, chart.id).toMatch(/class="mark-(line|area|rect|symbol|rule|tick)[^"]*"[^>]*>\s*<(path|line|rect)/);
    }
  });

  it("a filled spec is self-contained: every dataset carries its rows", () => {
    for (const chart of twoArms.charts) {
      const text = JSON.stringify(chart.spec);
      expect(text, chart.id).not.toMatch(/"data":\{"name":"[^"]+"\}/);
      expect(text, chart.id).not.toContain("{{");
    }
  });
});

describe("charts that apply to the run", () => {
  it("two arms, no sweep: every arm chart, no sweep chart", () => {
    expect(twoArms.charts.map((chart) => chart.id)).toEqual(ARM_CHARTS);
  });

  it("a one-parameter sweep adds the sweep line chart", () => {
    expect(oneAxis.charts.map((chart) => chart.id)).toEqual(["headline-lift", "sweep-line", ...ARM_CHARTS.slice(1)]);
  });

  it("a two-parameter sweep adds the heat-map", () => {
    expect(twoAxes.charts.map((chart) => chart.id)).toContain("sweep-heatmap");
    expect(twoAxes.charts.map((chart) => chart.id)).not.toContain("sweep-line");
  });

  it("a payout metric of interest adds the share of creators paid by day", () => {
    expect(twoAxes.charts.map((chart) => chart.id)).toContain("payout-survival");
    expect(twoArms.charts.map((chart) => chart.id)).not.toContain("payout-survival");
  });

  it("one arm without a sweep has nothing to compare: no lift chart", async () => {
    const report = await buildReport(readRunFolder(syntheticRunFolder({ scenario: twoArmScenario({ arms: undefined }), replicates: 3 })));
    expect(report.comparisons).toEqual([]);
    expect(report.charts.map((chart) => chart.id)).toEqual(ARM_CHARTS.slice(1));
  });
});
