/**
 * The one-file HTML report: reports/report.html filled with the answer (first screen), the
 * charts as inline SVG, the comparison and calibration tables and the run's provenance. Every
 * spec and its data are embedded as JSON so a reader can re-plot; with `interactive` the vega
 * and vega-lite bundles are inlined and redraw the charts live. Nothing is fetched: a Content
 * Security Policy forbids any request and allows only the page's own scripts, by hash, so even
 * a scenario text that slipped past escaping could not run.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Report, ReportChart } from "./build-report.js";
import { metricsOfInterest, type Comparison } from "./comparisons.js";
import { DEFAULT_RESAMPLES, describe, percentileSpread } from "../stats/index.js";
import { escapeHtml, fillPage, jsonForScript, readTemplate } from "../render/index.js";
import { countOf, formatNumber, formatP, formatPercent, formatPercentInterval, formatPoints, formatPointsInterval, formatValue } from "./format.js";
import { formatParameterValue, parameterLabel } from "./parameter-value.js";
import { reportJson } from "./report-json.js";
import { presetText, type ReportCell } from "./report-data.js";
import { effectText } from "./sentence.js";

/** How the HTML is built. */
export interface HtmlOptions {
  /** Inline vega and vega-lite (about 0.75 MB) for live charts with tooltips; default true. */
  interactive?: boolean;
}

/** Charts that answer the question, shown on the first screen. */
const ANSWER_CHARTS = new Set(["headline-lift", "sweep-line", "sweep-heatmap"]);
/** Sentences shown in the answer before pointing to the full table. */
const ANSWER_SENTENCES = 6;

/** The report as one self-contained HTML page. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const { data } = report;
  const interactive = options.interactive ?? true;
  const scripts = interactive ? [...libraryBundles(), readTemplate("report.js")] : [];
  const csp = [
    "default-src 'none'",
    "img-src data:",
    "style-src 'unsafe-inline'",
    // vega compiles its expressions with Function(), hence 'unsafe-eval' for the hashed scripts.
    scripts.length > 0 ? `script-src ${scripts.map((s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`).join(" ")} 'unsafe-eval'` : "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const text: Record<string, string> = {
    csp,
    version: data.run.giftsimVersion,
    title: `${data.scenario.name} — giftsim report`,
    scenarioName: data.scenario.name,
    preset: presetText(data.scenario),
    replicateText: `${countOf(data.run.replicates, "replicate")} per ${cellWord(data)}`,
    question: data.scenario.question || data.scenario.name,
    description: data.scenario.description,
  };
  const answerCharts = report.charts.filter((chart) => ANSWER_CHARTS.has(chart.id));
  const otherCharts = report.charts.filter((chart) => !ANSWER_CHARTS.has(chart.id));
  const raw: Record<string, string> = {
    notices: notices(report),
    answer: answer(report) + answerCharts.map(figure).join("\n"),
    toc: toc(report, otherCharts),
    charts: otherCharts.length > 0 ? `<section id="charts"><h2>Charts</h2>\n${otherCharts.map(figure).join("\n")}</section>` : "",
    comparisons: comparisonSection(report),
    calibration: calibrationSection(report),
    run: runSection(report),
    embedded: [
      ...report.charts.map((chart) => `<script type="application/json" id="spec-${chart.id}">${jsonForScript(chart.spec)}</script>`),
      `<script type="application/json" id="giftsim-report">${jsonForScript(reportJson(report, { specs: false }))}</script>`,
    ].join("\n"),
    scripts: scripts.map((script) => `<script>${script}</script>`).join("\n"),
  };
  return fillPage("report.html", text, raw);
}

/** The vega and vega-lite browser bundles, source-map comments cut so nothing is requested. */
function libraryBundles(): string[] {
  const require = createRequire(import.meta.url);
  return [join(dirname(require.resolve("vega")), "vega.min.js"), join(dirname(require.resolve("vega-lite")), "vega-lite.min.js")].map((file) => {
    const code = readFileSync(file, "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "");
    // An inline script ends at the first "</script"; a bundle holding one cannot be inlined as is.
    if (/<\/script|<!--/i.test(code)) throw new Error(`${file} cannot be inlined in a <script> element`);
    return code;
  });
}

function notices(report: Report): string {
  const { run } = report.data;
  const out: string[] = [];
  if (run.shards !== null) out.push(`This folder holds ${run.shards} only: merge the shards (giftsim merge) for the whole study.`);
  const counts = report.data.replicates.map((cell) => Object.values(cell)[0]?.length ?? 0);
  if (counts.some((n) => n < 2)) out.push("Some arms have fewer than two replicates: confidence intervals and tests need at least two.");
  return out.map((line) => `<p class="notice">${escapeHtml(line)}</p>`).join("\n");
}

/** The colour of a comparison: good or bad news for the metric (its higherIsBetter), not the direction. */
function verdictClass(comparison: Comparison): string {
  return `verdict-${comparison.assessment.replace(/ /g, "-")}`;
}

/** The verdict as the table says it: the direction, and whether that is better or worse. */
function verdictText(comparison: Comparison): string {
  const { assessment } = comparison;
  return assessment === "better" || assessment === "worse" ? `${comparison.verdict} (${assessment})` : comparison.verdict;
}

function answer(report: Report): string {
  const { data } = report;
  const [headline] = metricsOfInterest(data);
  if (headline === undefined) return "<p>The run measured none of the scenario's metrics of interest.</p>";
  const sentences = report.comparisons.filter((c) => c.metric === headline);
  let list: string;
  if (sentences.length > 0) {
    const shown = sentences.slice(0, ANSWER_SENTENCES);
    list = `<ul class="sentences">${shown.map((c, i) => `<li class="${i === 0 ? "headline " : ""}${verdictClass(c)}">${escapeHtml(c.sentence)}${c.pairedSentence === null ? "" : `<div class="paired-sentence meta">${escapeHtml(c.pairedSentence)}</div>`}</li>`).join("")}</ul>`;
    if (sentences.length > shown.length) list += `<p class="meta">${sentences.length - shown.length} more comparisons in <a href="#comparisons">Comparison of arms</a>.</p>`;
  } else {
    list = `<ul class="sentences">${data.cells.map((cell, i) => `<li class="${i === 0 ? "headline" : ""}">${escapeHtml(valueSentence(report, cell, headline))}</li>`).join("")}</ul>`;
  }
  if (report.worlds !== null && report.worlds.comparisons.length > 0) {
    list += `<ul class="sentences worlds">${report.worlds.comparisons.map((c) => `<li>${escapeHtml(c.sentence)}</li>`).join("")}</ul>`;
  }
  if (report.decision !== null) list = `<p class="decision">${escapeHtml(report.decision)}</p>\n${list}`;
  return `${list}\n${metricTable(report, headline)}\n${planningTable(report)}\n<p class="meta replicate-note">${escapeHtml(replicateNote(report))}</p>`;
}

/** Creator money a month may bring, for planning: P10 / P50 / P90 over replicates, per month of the horizon. */
const PLANNING_METRICS = ["creatorTakeHomeMicros", "creatorEarningsMicros", "creatorPayoutMicros"];
const DAYS_PER_MONTH = 365.25 / 12;

/** The P10 / P50 / P90 per month of each creator money metric the run measured, per cell; empty without a known horizon. */
function planningTable(report: Report): string {
  const { data } = report;
  const metrics = PLANNING_METRICS.filter((metric) => data.replicates.some((cell) => cell[metric]?.some(Number.isFinite)));
  const cells = data.cells.filter((cell) => cell.horizonWeeks !== null);
  if (metrics.length === 0 || cells.length === 0) return "";
  const rows = cells.flatMap((cell) =>
    metrics.map((metric) => {
      const perMonth = DAYS_PER_MONTH / (7 * (cell.horizonWeeks ?? 1));
      const s = percentileSpread((data.replicates[cell.index][metric] ?? []).map((v) => v * perMonth));
      const label = data.metricInfo[metric]?.label ?? metric;
      return `<tr><td>${escapeHtml(cell.label)}</td><td>${escapeHtml(label)}</td>${[s.p10, s.p50, s.p90].map((v) => `<td class="num">${escapeHtml(formatValue(v, "micro-USD"))}</td>`).join("")}<td class="num">${s.n}</td></tr>`;
    }),
  );
  return `<table class="planning-table"><caption class="meta">What a month may bring: creator money per month of the horizon (a replicate's total x 30.4 days / the horizon's days), P10 / P50 / P90 over replicates: one replicate in ten falls below P10 and one in ten above P90.</caption><thead><tr><th>${escapeHtml(cellHeading(data))}</th><th>Per month</th><th>P10</th><th>P50</th><th>P90</th><th>Replicates</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function cellHeading(data: Report["data"]): string {
  const word = cellWord(data);
  return `${word[0].toUpperCase()}${word.slice(1)}`;
}

/** What a replicate is, said once where the figures first appear. */
function replicateNote(report: Report): string {
  const { data } = report;
  return `A replicate is one simulated run of the whole world (its creators, viewers and every stream over the horizon) with its own random seed; each figure is a mean over the ${countOf(data.run.replicates, "replicate")} of each ${cellWord(data)}, with its 95% confidence interval.`;
}

/** What a cell of the run is to a reader: an arm, a sweep point, or both. */
function cellWord(data: Report["data"]): string {
  const arms = data.scenario.arms.length > 1;
  const sweep = data.scenario.sweep.length > 0;
  return arms && sweep ? "arm and sweep point" : sweep ? "sweep point" : "arm";
}

/** "Gifted coins per live hour: 1,234 (95% CI 1,100 to 1,300, 200 replicates)." for a run without comparisons. */
function valueSentence(report: Report, cell: ReportCell, metric: string): string {
  const info = report.data.metricInfo[metric];
  const d = describe(report.data.replicates[cell.index][metric] ?? []);
  const unit = info?.unit ?? "";
  const ci = d.ci95Low !== null ? `95% CI ${formatValue(d.ci95Low, unit)} to ${formatValue(d.ci95High, unit)}, ` : "";
  const who = report.data.cells.length > 1 ? `${cell.label}: ` : "";
  return `${who}${info?.label ?? metric} ${formatValue(d.mean, unit)} per replicate (${ci}${countOf(d.n, "replicate")}).`;
}

/** A metric per cell: mean and CI, and against the base: lift, its CI, p and verdict. */
function metricTable(report: Report, metric: string): string {
  const { data } = report;
  const unit = data.metricInfo[metric]?.unit ?? "";
  const byCell = new Map(report.comparisons.filter((c) => c.metric === metric).map((c) => [c.cell.index, c]));
  const shares = unit === "share";
  const hasComparisons = byCell.size > 0;
  // Arms side by side within each sweep point, as they are compared.
  const cells = [...data.cells].sort((a, b) => a.pointIndex - b.pointIndex || a.index - b.index);
  const rows = cells.map((cell) => {
    const d = describe(data.replicates[cell.index][metric] ?? []);
    const c = byCell.get(cell.index);
    const isBase = hasComparisons && report.comparisons.some((x) => x.base.index === cell.index);
    const against = !hasComparisons
      ? ""
      : c === undefined
        ? `<td colspan="5" class="meta">${isBase ? "base" : ""}</td>`
        : comparisonCells(c);
    const ci = d.ci95Low !== null ? `${formatValue(d.ci95Low, unit)} to ${formatValue(d.ci95High, unit)}` : "–";
    return `<tr><td>${escapeHtml(cell.label)}</td><td class="num">${escapeHtml(formatValue(d.mean, unit))}</td><td class="num">${escapeHtml(ci)}</td><td class="num">${d.n}</td>${against}</tr>`;
  });
  const head = `<th>${escapeHtml(cellHeading(data))}</th><th>Mean</th><th>95% CI</th><th>Replicates</th>${hasComparisons ? `<th>${shares ? "Points vs base" : "Lift vs base"}</th><th>Its 95% CI</th><th>p (Welch)</th><th>Adjusted p</th><th>Verdict</th>` : ""}`;
  const label = data.metricInfo[metric]?.label ?? metric;
  return `<table class="metric-table" data-metric="${escapeHtml(metric)}"><caption class="meta">${escapeHtml(label)} per replicate</caption><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** A comparison's size, its CI, p and verdict as table cells. */
function comparisonCells(c: Comparison): string {
  return (
    `<td class="num">${escapeHtml(comparisonSize(c))}</td><td class="num">${escapeHtml(comparisonSizeCi(c))}</td>` +
    `<td class="num">${c.result.test ? escapeHtml(pText(c.result.test.p)) : "–"}</td>` +
    `<td class="num adjusted-p" data-family="${c.family}">${escapeHtml(adjustedPText(c))}</td>` +
    `<td class="${verdictClass(c)}">${escapeHtml(verdictText(c))}</td>`
  );
}

function pText(p: number): string {
  return formatP(p).replace(/^p (= )?/, "");
}

/** The adjusted p, or "primary" for the one primary comparison (which is not adjusted). */
function adjustedPText(c: Comparison): string {
  if (c.familySize <= 1) return c.family === "primary" ? "primary, not adjusted" : "not adjusted";
  return c.adjustedP === null ? "–" : `${pText(c.adjustedP)} (${c.family})`;
}

/** Every pair of a metric with its replicates paired: win probability and the paired bootstrap of the median, trimmed mean and mean. */
function pairedTable(report: Report, metric: string): string {
  const pairs = report.pairwise.filter((c) => c.metric === metric && c.paired !== null);
  if (pairs.length === 0) return "";
  const unit = report.data.metricInfo[metric]?.unit ?? "";
  const higherIsBetter = report.data.metricInfo[metric]?.higherIsBetter;
  const trim = formatPercent(pairs[0].paired!.bootstrap.trim, false, 0);
  const rows = pairs.map((c) => {
    const { win, bootstrap } = c.paired!;
    const better = win.probability === null ? null : higherIsBetter === false ? 1 - win.probability : win.probability;
    const [low, high] = higherIsBetter === false ? [1 - (win.ci95High ?? 1), 1 - (win.ci95Low ?? 0)] : [win.ci95Low ?? 0, win.ci95High ?? 1];
    const wins = better === null ? "–" : `${formatPercent(better, false, 0)} (${formatPercent(low, false, 0)} to ${formatPercent(high, false, 0)})`;
    return `<tr><td>${escapeHtml(c.cellName)}</td><td>${escapeHtml(c.baseName)}${escapeHtml(c.context)}</td><td class="num">${bootstrap.pairs}</td><td class="num">${escapeHtml(wins)}</td>${[bootstrap.median, bootstrap.trimmedMean, bootstrap.mean].map((e) => `<td class="num">${escapeHtml(effectText(e, unit))}</td>`).join("")}</tr>`;
  });
  const label = report.data.metricInfo[metric]?.label ?? metric;
  const winHead = higherIsBetter === undefined ? "Higher in (95% CI)" : "Better in (95% CI)";
  const size = unit === "share" ? "difference" : "lift";
  return `<table class="paired-table" data-metric="${escapeHtml(metric)}"><caption class="meta">${escapeHtml(label)}: replicates paired by replicate index; share of pairs in which this did better (ties half, Wilson 95% CI), and paired bootstrap (BCa) 95% CIs</caption><thead><tr><th>This</th><th>Against</th><th>Pairs</th><th>${winHead}</th><th>Median ${size}</th><th>${escapeHtml(trim)} trimmed mean ${size}</th><th>Mean ${size}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** Shares differ in percentage points; others by their lift when it has a bounded interval, else by the difference in the unit. */
function comparisonSize(c: Comparison): string {
  const r = c.result;
  if (c.unit === "share" && r.difference !== null) return `${formatPoints(r.difference, true)} pt`;
  return r.liftCi95Low !== null && r.lift !== null ? formatPercent(r.lift, true) : formatValue(r.difference, c.unit);
}

function comparisonSizeCi(c: Comparison): string {
  const r = c.result;
  if (r.differenceCi95Low === null || r.differenceCi95High === null) return "–";
  if (c.unit === "share") return formatPointsInterval(r.differenceCi95Low, r.differenceCi95High, true).join(" to ");
  if (r.liftCi95Low !== null && r.liftCi95High !== null) return formatPercentInterval(r.liftCi95Low, r.liftCi95High, true).join(" to ");
  return `${formatValue(r.differenceCi95Low, c.unit)} to ${formatValue(r.differenceCi95High, c.unit)}`;
}

/** Every pair of a metric side by side: the reference, the other, and how the other differs from it. */
function pairwiseTable(report: Report, metric: string): string {
  const pairs = report.pairwise.filter((c) => c.metric === metric);
  // With one pair per point the pairwise table repeats the base table.
  if (pairs.length <= report.comparisons.filter((c) => c.metric === metric).length) return "";
  const shares = report.data.metricInfo[metric]?.unit === "share";
  const rows = pairs.map((c) => `<tr><td>${escapeHtml(c.cellName)}</td><td>${escapeHtml(c.baseName)}${escapeHtml(c.context)}</td>${comparisonCells(c)}</tr>`);
  const label = report.data.metricInfo[metric]?.label ?? metric;
  return `<table class="pairwise-table" data-metric="${escapeHtml(metric)}"><caption class="meta">${escapeHtml(label)}: every pair</caption><thead><tr><th>This</th><th>Against</th><th>${shares ? "Points" : "Lift"}</th><th>Its 95% CI</th><th>p (Welch)</th><th>Adjusted p</th><th>Verdict</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function figure(chart: ReportChart): string {
  const download = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(chart.spec, null, 2))}`;
  return `<figure class="chart" id="chart-${chart.id}" data-chart="${chart.id}" data-spec="spec-${chart.id}">
<h3>${escapeHtml(chart.title)}</h3>
<div class="chart-view">${chart.svg}</div>
<figcaption>${escapeHtml(chart.caption)}</figcaption>
<p class="reuse">Vega-Lite spec with its data: <a download="${chart.id}.vl.json" href="${escapeHtml(download)}">${chart.id}.vl.json</a> (also embedded in this page as <code>#spec-${chart.id}</code>).</p>
</figure>`;
}

function toc(report: Report, charts: ReportChart[]): string {
  const links = [
    ...charts.map((chart) => [`chart-${chart.id}`, chart.title]),
    ["comparisons", "Comparison of arms"],
    ["calibration", "Calibration"],
    ["run", "Run"],
  ].filter(([id]) => id !== "comparisons" || report.comparisons.length > 0);
  return `<nav class="toc">${links.map(([id, title]) => `<a href="#${id}">${escapeHtml(title)}</a>`).join("\n")}</nav>`;
}

function comparisonSection(report: Report): string {
  if (report.comparisons.length === 0) return "";
  const metrics = metricsOfInterest(report.data);
  const base = report.comparisons[0].base;
  const against = report.data.scenario.arms.length > 1 ? `the base arm (${base.armLabel})` : `the base sweep point (${base.label})`;
  const parts = metrics.map((metric) => {
    const comparisons = report.comparisons.filter((c) => c.metric === metric);
    const label = report.data.metricInfo[metric]?.label ?? metric;
    return `<h3>${escapeHtml(label)}</h3>
<ul class="sentences">${comparisons.map((c) => `<li class="${verdictClass(c)}">${escapeHtml(c.sentence)}</li>`).join("")}</ul>
${metricTable(report, metric)}
${pairwiseTable(report, metric)}
${pairedTable(report, metric)}`;
  });
  const primary = report.comparisons.find((c) => c.family === "primary");
  const secondary = report.pairwise.find((c) => c.family === "secondary");
  const adjustment = (primary ?? secondary)?.adjustment === "bh" ? "Benjamini-Hochberg (false discovery rate)" : "Holm (family-wise error rate)";
  const primaryLabel = report.data.metricInfo[report.data.scenario.primary]?.label ?? report.data.scenario.primary;
  const families = `The primary metric is ${primaryLabel}: its ${countOf(primary?.familySize ?? 0, "comparison")} against the base ${(primary?.familySize ?? 0) === 1 ? "is the primary comparison and is not adjusted" : `are the primary family, adjusted together by ${adjustment}`}; the other ${countOf(secondary?.familySize ?? 0, "comparison")} (every other metric for every pair, and the primary metric between two cells neither of which is the base) are the secondary family, adjusted together by ${adjustment}. A difference is called only when its adjusted p is below 5%; the 95% intervals are per comparison.`;
  return `<section id="comparisons"><h2>Comparison of arms</h2>
<p class="meta">Each against ${escapeHtml(against)}, then every pair where there are more than two: means over replicates with Student-t 95% CIs; relative lift with a 95% CI by Fieller's theorem for the ratio of means (shares: the difference in percentage points); two-sided Welch t-test. An interval that spans zero is reported as no clear difference. Green is better and red worse for the creator or platform, blue a difference with no better direction.</p>
<p class="meta multiplicity">${escapeHtml(families)}</p>
<p class="meta">Paired view: replicates of two cells are paired by replicate index; the paired bootstrap (${formatNumber(DEFAULT_RESAMPLES)} resamples of pairs, BCa, seeded by the run's seed) gives 95% CIs for the lift of the median, the 20% trimmed mean and the mean, which whale replicates sway less than Welch's test; the win probability is the share of pairs in which one did better, ties counted half.</p>
${parts.join("\n")}</section>`;
}

function calibrationSection(report: Report): string {
  const { data } = report;
  const facts = data.calibration[0] ?? [];
  if (facts.length === 0) return "";
  const rows = facts.map((fact, i) => {
    const values = data.cells.map((cell) => {
      const entry = data.calibration[cell.index]?.[i];
      const state = entry?.state ?? "not measured";
      const value = entry?.simulatedMean ?? null;
      const who = data.cells.length > 1 ? `${escapeHtml(cell.label)}: ` : "";
      const shown = value === null ? "" : `${formatNumber(value)} `;
      return `<div class="calibration-value">${who}${escapeHtml(shown)}<span class="badge badge-${state.replace(/ /g, "-")}">${escapeHtml(state === "inside" ? "in" : state === "outside" ? "out" : "not measured")}</span></div>`;
    });
    // A summary written before facts named their study has none (it named a scenario): say nothing then.
    const elsewhere = data.calibration.every((cell) => (cell[i]?.state ?? "not measured") === "not measured") && fact.study !== undefined && fact.study !== data.scenario.name ? `<div class="meta">measured on the calibration plan's ${escapeHtml(fact.study)} study</div>` : "";
    const kind = fact.kind === "accounting" ? `<div class="meta">accounting check: follows from the price book, not from behaviour</div>` : "";
    return `<tr><td>${escapeHtml(fact.fact)}<div class="meta">${escapeHtml(fact.source)}</div>${kind}</td><td>${escapeHtml(fact.measure)}</td><td class="band">${escapeHtml(fact.band.description)}</td><td>${values.join("")}${elsewhere}</td></tr>`;
  });
  return `<section id="calibration"><h2>Calibration</h2>
<p class="meta">Stylized facts from published data the model is calibrated against, each with its band and the simulated mean over replicates (a one-sided band holds only when the 95% interval of the mean clears it). Each behavioural fact is checked, with its mechanism switched off as a counterfactual, on a study built for it (npm run bench:sim -- --only calibration; docs/model.md "Calibration").</p>
<table class="calibration"><thead><tr><th>Fact</th><th>Measure</th><th>Band</th><th>Simulated</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function runSection(report: Report): string {
  const { data } = report;
  const rows: Array<[string, string]> = [
    ["Scenario", data.scenario.name],
    ["Scenario hash", data.run.scenarioHash],
    ["Seed", data.run.seed],
    ["Replicates per cell", String(data.run.replicates)],
    ["Arms", data.scenario.arms.map((arm) => (arm.label === arm.name ? arm.name : `${arm.name} (${arm.label})`)).join(", ")],
    ["Sweep", data.scenario.sweep.length > 0 ? data.scenario.sweep.map((axis) => `${axis.path} (${parameterLabel(axis.path)}): ${axis.values.map((v) => `${formatParameterValue(axis.path, v)} (${JSON.stringify(v)})`).join(", ")}`).join("; ") : "none"],
    ["Compared against", report.comparisons[0]?.base.label ?? "none"],
    ["Primary metric", data.scenario.primary],
    ["Platform preset", presetText(data.scenario)],
    ["giftsim", data.run.giftsimVersion],
    ["Node", data.run.node ?? "not recorded"],
    ["Ledger audit", data.run.audit ?? "not recorded"],
  ];
  if (data.run.shards !== null) rows.push(["Shard", data.run.shards]);
  if (data.run.posterior !== null) rows.push(["Worlds", `each replicate in a world drawn from a calibration's posterior (posterior.json sha256 ${data.run.posterior.sha256}): ${data.run.posterior.parameters.join(", ")}`]);
  return `<section id="run"><h2>Run</h2>
<p class="meta">The results are a pure function of the scenario, the seed, the replicate count and the giftsim version: rerunning with these gives the same checksums.</p>
<table class="run"><tbody>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td><code>${escapeHtml(v)}</code></td></tr>`).join("")}</tbody></table></section>`;
}
