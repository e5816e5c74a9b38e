/**
 * The `giftsim load http` summary as an HTML page: charts drawn by vega in Node from
 * reports/load-*.vl.json, no browser. A short real run against an in-process server on
 * loopback, rate-limited so the error charts have something to draw.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_HTTP_LOAD, drawLoadCharts, loadCharts, parseThreshold, renderSummaryHtml, runHttpLoad, type HttpLoadSummary } from "../../../src/load/index.js";
import { DEFAULT_SERVE, startGiftServer } from "../../../src/serve/index.js";

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function shortRun(): Promise<HttpLoadSummary> {
  const server = await startGiftServer({ ...DEFAULT_SERVE, port: 0, viewers: 5_000, creators: 50, rateLimitEventsPerSecond: 1_500 });
  closers.push(() => server.close());
  return runHttpLoad({
    ...DEFAULT_HTTP_LOAD,
    // Text from the command line reaches the page: it must stay text.
    target: `${server.url}/<script>alert(1)</script>`,
    arrival: { kind: "ramping", startRatePerSecond: 50, stages: [{ durationMs: 1_500, targetPerSecond: 300 }] },
    giftsPerRequest: 5,
    connections: 4,
    retries: 2,
    graceMs: 3_000,
    thresholds: [parseThreshold("p99<10s"), parseThreshold("p50<1us")],
  });
}

describe("load summary HTML", () => {
  it("draws latency, throughput, errors and the latency distribution as non-empty SVGs in a self-contained, escaped page", async () => {
    const summary = await shortRun();
    expect(summary.timeline.length).toBeGreaterThanOrEqual(2);
    expect(summary.timeline.reduce((sum, s) => sum + s.due, 0)).toBe(summary.requests.due);
    expect(summary.timeline.reduce((sum, s) => sum + s.ok, 0)).toBe(summary.requests.ok);
    expect(summary.latencyBuckets.reduce((sum, b) => sum + b.count, 0)).toBe(summary.latencyMicros.count);

    // A second without answers breaks the latency line (a null row) instead of being skipped, which drew the line across it.
    const quiet = { ...summary.timeline[0], second: summary.timeline.length, ok: 0, p50Ms: null, p90Ms: null, p99Ms: null, maxMs: null };
    const withGap = loadCharts({ ...summary, timeline: [...summary.timeline, quiet, { ...summary.timeline[0], second: summary.timeline.length + 1 }] });
    const latencyRows = withGap[0].fill.datasets.latency;
    expect(latencyRows.filter((r) => r.second === quiet.second)).toEqual([
      { second: quiet.second, percentile: "p50", ms: null },
      { second: quiet.second, percentile: "p99", ms: null },
    ]);

    const charts = await drawLoadCharts(summary);
    expect(charts.map((c) => c.id)).toEqual(["load-latency-over-time", "load-throughput", "load-errors", "load-latency-percentiles", "load-latency-histogram"]);
    for (const chart of charts) {
      expect(chart.warnings, chart.id).toEqual([]);
      const size = /^<svg[^>]* width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(chart.svg);
      expect(size, chart.id).not.toBeNull();
      expect(Number(size![1]), chart.id).toBeGreaterThan(300);
      expect(Number(size![2]), chart.id).toBeGreaterThan(100);
      // Marks were drawn, not just axes: vega names mark groups role-<mark>.
      expect(chart.svg, chart.id).toMatch(/class="mark-(line|rect|symbol)[^"]*"[^>]*>\s*<(path|line)/);
    }

    const html = await renderSummaryHtml(summary);
    expect(html).toContain("script-src 'none'");
    // Offline: no script to run, nothing to fetch (embedded JSON only).
    expect(html).not.toMatch(/<script(?! type="application\/json")/);
    expect(html).not.toMatch(/(src|href)="https?:|url\(/);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.match(/<svg /g)?.length).toBe(5);
    expect(html).toContain("p50&lt;1us");
    expect(html).toMatch(/badge-bad">broken/);
    expect(html).toMatch(/id="giftsim-load-summary">\{/);
    expect(html).toContain(summary.reconciliation.state === "passed" ? "Every accepted event was applied exactly once" : summary.reconciliation.state);
  });
});
