/**
 * The end-of-test summary of `giftsim load http` as one self-contained HTML page, built
 * with the report's rendering (src/render): reports/load-*.vl.json filled with the run's timeline and
 * latency distribution, rendered to SVG by vega in Node, laid into reports/load-report.html.
 * The page runs no script and fetches nothing (its Content Security Policy forbids both);
 * every text from the run (target URL, threshold expressions, problems) is escaped, and the
 * specs and the summary are embedded as JSON for anyone who wants to re-plot.
 * vega is imported when a page is rendered, not when this module is.
 */
import { drawChart, escapeHtml, fillPage, jsonForScript, type ChartFill, type DrawnChart, type Rows } from "../../render/index.js";
import type { WireTally } from "../../serve/event-tally.js";
import type { LatencySummary } from "../latency-histogram.js";
import type { KindReconciliation } from "./reconcile.js";
import { count, describeArrival, latencyBasis, ms, reasons } from "./summary-text.js";
import type { HttpLoadSummary } from "./summary.js";

/** A chart of the page: its template id, title and what fills it. */
interface LoadChart {
  id: string;
  title: string;
  fill: ChartFill;
}

/** A chart of the page, drawn. */
export type DrawnLoadChart = DrawnChart;

/** The charts of a summary, filled (not yet drawn). */
export function loadCharts(summary: HttpLoadSummary): LoadChart[] {
  const seconds = summary.timeline;
  // A second without answers stays in as null, so the line breaks there instead of drawing across it.
  const latency: Rows = seconds.flatMap((s) => [
    { second: s.second, percentile: "p50", ms: s.p50Ms },
    { second: s.second, percentile: "p99", ms: s.p99Ms },
  ]);
  const answeredSeconds = seconds.filter((s) => s.p50Ms !== null).length;
  const warmup = summary.options.warmupMs > 0 ? ` The first ${summary.options.warmupMs / 1000} s are warm-up: shown here, left out of the run's figures.` : "";
  const throughput: Rows = seconds.flatMap((s) => [
    { second: s.second, measure: "requests", measureOrder: 0, series: "due", perSecond: s.due },
    { second: s.second, measure: "requests", measureOrder: 0, series: "answered 200", perSecond: s.ok },
    { second: s.second, measure: "events accepted", measureOrder: 1, series: "events accepted", perSecond: s.events },
  ]);
  const errorRows: Rows = seconds.flatMap((s) => [
    { second: s.second, kind: "failed", count: s.failed },
    { second: s.second, kind: "unanswered", count: s.unresolved },
    { second: s.second, kind: "dropped", count: s.dropped },
    { second: s.second, kind: "refused, retried", count: s.refused },
  ]);
  const lost = seconds.reduce((sum, s) => sum + s.failed + s.unresolved + s.dropped, 0);
  const refused = seconds.reduce((sum, s) => sum + s.refused, 0);
  const percentiles: Rows = summary.latencyPercentiles.map((p) => ({
    percentile: p.percentile,
    label: p.percentile === 0 ? "min" : p.percentile === 100 ? "max" : `p${p.percentile}`,
    ms: p.ms,
  }));
  const l = summary.latencyMicros;
  return [
    {
      id: "load-latency-over-time",
      title: "Latency over time",
      fill: {
        datasets: { latency },
        caption:
          answeredSeconds === 0
            ? "No request was answered."
            : `p50 and p99 of the answers that arrived in each second, measured from each request's intended send time; over the whole run p50 ${ms(l.p50)}, p99 ${ms(l.p99)}.${warmup}`,
      },
    },
    {
      id: "load-throughput",
      title: "Throughput over time",
      fill: {
        datasets: { throughput },
        caption: `Requests due by the arrival schedule and answered 200 each second, and the events those answers accepted: ${summary.rates.requestsPerSecond.toFixed(1)} req/s and ${count(Math.round(summary.rates.eventsPerSecond))} events/s on average.`,
      },
    },
    {
      id: "load-errors",
      title: "Errors over time",
      fill: {
        datasets: { errors: errorRows },
        caption: `${count(lost)} requests failed, went unanswered or were dropped (error rate ${(summary.errorRate * 100).toFixed(3)}%); ${count(refused)} attempts were refused with 429 or 503 or got no answer, and were retried when retries were left.`,
      },
    },
    {
      id: "load-latency-percentiles",
      title: "Latency by percentile",
      fill: {
        datasets: { percentiles },
        caption: `Latency ${latencyBasis(summary)} (coordinated omission corrected) at each percentile, over ${count(l.count)} requests.`,
      },
    },
    {
      id: "load-latency-histogram",
      title: "Latency histogram",
      fill: {
        datasets: { buckets: summary.latencyBuckets.map((b) => ({ ...b })) },
        caption: `Requests by latency ${latencyBasis(summary)}, ten buckets a decade.`,
      },
    },
  ];
}

/** Draws the summary's charts (vega is imported on the first, so this module itself stays light). */
export async function drawLoadCharts(summary: HttpLoadSummary): Promise<DrawnLoadChart[]> {
  const drawn: DrawnLoadChart[] = [];
  for (const chart of loadCharts(summary)) drawn.push(await drawChart(chart.id, chart.title, chart.fill));
  return drawn;
}

/** The summary as a self-contained, script-free HTML page. */
export async function renderSummaryHtml(summary: HttpLoadSummary): Promise<string> {
  const charts = await drawLoadCharts(summary);
  const text: Record<string, string> = {
    title: `giftsim load ${summary.passed ? "passed" : "FAILED"} — ${summary.target}`,
    target: summary.target,
    startedAt: summary.startedAt,
    result: summary.passed ? "Passed" : "Failed",
    resultClass: summary.passed ? "passed" : "failed",
    arrival: `${describeArrival(summary)}; ${summary.options.giftsPerRequest} ${summary.options.arrival.kind === "replay" ? "events" : "gifts"} per request at most, ${summary.options.connections} connections, ${summary.options.retries} retries; seed ${summary.options.seed}.`,
  };
  const raw: Record<string, string> = {
    figures: figures(summary),
    thresholds: thresholds(summary),
    reconciliation: reconciliation(summary),
    charts: charts.map(figure).join("\n"),
    embedded: [
      ...charts.map((chart) => `<script type="application/json" id="spec-${chart.id}">${jsonForScript(chart.spec)}</script>`),
      `<script type="application/json" id="giftsim-load-summary">${jsonForScript(summary)}</script>`,
    ].join("\n"),
  };
  return fillPage("load-report.html", text, raw);
}

function figure(chart: DrawnLoadChart): string {
  return `<figure class="chart" id="chart-${chart.id}">
<h3>${escapeHtml(chart.title)}</h3>
<div class="chart-view">${chart.svg}</div>
<figcaption>${escapeHtml(chart.caption)}</figcaption>
</figure>`;
}

function table(head: string[], rows: string[][], numeric: (column: number) => boolean = (column) => column > 0): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((row) => `<tr>${row.map((cell, i) => `<td${numeric(i) ? ' class="num"' : ""}>${cell}</td>`).join("")}</tr>`).join("\n");
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${tr}\n</tbody>\n</table>`;
}

function latencyRow(name: string, l: LatencySummary): string[] {
  const cells = l.count === 0 ? ["", "", "", "", "", ""] : [l.p50, l.p90, l.p99, l.p999, l.max, l.mean].map(ms);
  return [escapeHtml(name), ...cells.map(escapeHtml)];
}

function figures(summary: HttpLoadSummary): string {
  const { requests: r, rates, events } = summary;
  const requestRows: string[][] = [
    ["due", r.due],
    ["sent", r.sent],
    ["answered 200", r.ok],
    ["failed", r.failed],
    ["dropped", r.dropped],
    ["unanswered", r.unanswered],
    ["settled after the run", r.settled],
    ["retries", r.retries],
  ].map(([name, n]) => [escapeHtml(String(name)), count(n as number)]);
  const statuses = Object.entries(r.byStatus)
    .map(([status, n]) => `${status} ${count(n)}`)
    .join(", ");
  return [
    `<p>${escapeHtml(`${rates.requestsPerSecond.toFixed(1)} requests/s answered 200 (target ${rates.targetPerSecond.toFixed(1)}), ${count(Math.round(rates.eventsPerSecond))} events/s accepted, over ${summary.elapsedSeconds.toFixed(2)} s; error rate ${(summary.errorRate * 100).toFixed(3)}%. Answers: ${statuses || "none"}.`)}</p>`,
    table(["requests", "count"], requestRows),
    table(
      ["latency", "p50", "p90", "p99", "p99.9", "max", "mean"],
      [
        latencyRow("from intended send", summary.latencyMicros),
        latencyRow("service time (per attempt)", summary.serviceTimeMicros),
        latencyRow("send delay", summary.sendDelayMicros),
      ],
    ),
    table(
      ["events", "sent", "accepted", "rejected"],
      [
        ["gifts", count(events.giftsSent), count(events.giftsAccepted), escapeHtml(reasons(events.giftsRejected))],
        ["purchases", count(events.purchasesSent), count(events.purchasesAccepted), escapeHtml(reasons(events.purchasesRejected))],
      ],
      (column) => column === 1 || column === 2,
    ),
  ].join("\n");
}

function badge(ok: boolean, text: string): string {
  return `<span class="badge ${ok ? "badge-ok" : "badge-bad"}">${escapeHtml(text)}</span>`;
}

function thresholds(summary: HttpLoadSummary): string {
  if (summary.thresholds.length === 0) return "<p>No thresholds were set (--threshold).</p>";
  return table(
    ["threshold", "measured", "result"],
    summary.thresholds.map((t) => [`<code>${escapeHtml(t.expression)}</code>`, escapeHtml(t.actualText), badge(t.ok, t.ok ? "passed" : "broken")]),
    (column) => column === 1,
  );
}

function reconciliation(summary: HttpLoadSummary): string {
  const r = summary.reconciliation;
  if (r.state === "skipped") return `<p><span class="badge badge-other">skipped</span> (--no-reconcile)</p>`;
  // Unavailable fails the run like failed does: nothing was proven.
  if (r.state === "unavailable") return `<p>${badge(false, "unavailable")} ${escapeHtml(r.reason)}</p>`;
  const verdict =
    r.state === "passed"
      ? `<p>${badge(true, "passed")} Every accepted event was applied exactly once: nothing lost, nothing doubled; the server's audit passed.</p>`
      : `<p>${badge(false, r.state)}</p>\n<ul class="problems">${r.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul>`;
  const tally = (t: WireTally) => `${count(t.count)} <span class="meta">(${count(t.coins)} coins, <code>${escapeHtml(t.checksum)}</code>)</span>`;
  const row = (name: string, k: KindReconciliation) => [escapeHtml(name), tally(k.accepted), tally(k.server), tally(k.unresolved), escapeHtml(k.unresolvedApplied)];
  return `${verdict}\n${table(["events", "accepted by the client", "applied by the server", "unanswered", "unanswered applied"], [row("gifts", r.gifts), row("purchases", r.purchases)])}`;
}
