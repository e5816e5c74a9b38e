/**
 * A calibration's report.html: one self-contained page (no script, no request; a Content
 * Security Policy forbids both) with the verdict first (can the model reproduce this history at
 * all), the posterior per parameter against its prior, the posterior predictive check per
 * stream, and the fit's provenance. Charts are Vega-Lite templates (reports/fit-*.vl.json)
 * drawn to inline SVG; their filled specs are embedded as JSON for re-plotting. Every text that
 * comes from the user (the history's file name, its column names, the scenario's name) is escaped.
 */
import { drawChart, escapeHtml, jsonForScript, type DrawnChart, type Rows } from "../render/index.js";
import type { FinishedCalibration } from "../fit/calibrate.js";
import { priorBox } from "../fit/parameters.js";
import { summarisePosterior } from "../fit/posterior.js";
import { REPRODUCE_SHARE } from "../fit/predictive.js";

/** Bins of the prior-posterior chart, equal on the sampler's scale. */
const BINS = 20;

const STOPS: Record<string, string> = {
  generations: "it reached its generation cap",
  acceptance: "a further generation fell below the acceptance floor (the last full one is the posterior)",
  tolerance: "the tolerance stopped shrinking",
};

function figure(chart: DrawnChart): string {
  return `<figure class="chart" id="${chart.id}"><figcaption>${escapeHtml(chart.title)}</figcaption>
<div class="chart-view">${chart.svg}</div>
<p class="meta">${escapeHtml(chart.caption)}</p>
<script type="application/json" id="spec-${chart.id}">${jsonForScript(chart.spec)}</script></figure>`;
}

function number(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  return abs !== 0 && (abs >= 1e6 || abs < 1e-3) ? value.toExponential(2) : Number(value.toPrecision(4)).toLocaleString("en-US");
}

/** The verdict in plain words. */
export function verdictSentence(fit: FinishedCalibration): string {
  const counted = fit.check.summaries.filter((s) => s.informative);
  const inside = counted.filter((s) => s.inside).length;
  const rule = `the rule: at least ${Math.round(REPRODUCE_SHARE * 100)}% inside`;
  if (fit.check.verdict === "reproduces") {
    return `The model can reproduce this history: ${inside} of ${counted.length} summary statistics lie inside their 90% predictive bands (${rule}).`;
  }
  const outside = counted.filter((s) => !s.inside).map((s) => s.name);
  return `The model cannot reproduce this history: only ${inside} of ${counted.length} summary statistics lie inside their 90% predictive bands (${rule}); outside: ${outside.join(", ")}. Answers run on this posterior are not answers for this creator.`;
}

/** The page's HTML. */
export async function fitReportHtml(fit: FinishedCalibration): Promise<string> {
  const { request, abc, check } = fit;
  const { parameters } = request;
  const k = parameters.length;
  const final = abc.populations[abc.populations.length - 1];
  const summaries = summarisePosterior(parameters, final);
  const box = priorBox(parameters);
  const bins: Rows = [];
  parameters.forEach((parameter, j) => {
    const width = (box.high[j] - box.low[j]) / BINS;
    const weights = new Float64Array(BINS);
    final.weights.forEach((w, i) => (weights[Math.min(BINS - 1, Math.floor((final.values[i * k + j] - box.low[j]) / width))] += w));
    for (let b = 0; b < BINS; b++) {
      const edge = (at: number) => (parameter.log ? Math.exp(at) : at);
      bins.push({ parameter: parameter.path, order: j, low: edge(box.low[j] + b * width), high: edge(box.low[j] + (b + 1) * width), posterior: weights[b], prior: 1 / BINS });
    }
  });
  const streams: Rows = check.streams.map((s) => ({ metric: s.metric, stream: s.stream + 1, low: s.low, median: s.median, high: s.high, observed: s.observed }));
  const charts = [
    await drawChart("fit-prior-posterior", "Prior and posterior per parameter", {
      datasets: { bins },
      caption: `Blue: the posterior's weight in each of ${BINS} equal bins of the prior range (on a log scale for the audience sizes); dashed orange: the prior's (uniform). A posterior as flat as the prior means the history says little about that parameter.`,
    }),
    await drawChart("fit-predictive", "Posterior predictive check per stream", {
      datasets: { streams },
      caption: `Band: 5% to 95% of ${check.simulations} fresh simulations of particles drawn from the posterior, line their median; red points: the history. Points far outside the band show what the model does not reproduce.`,
    }),
  ];
  const parameterRows = summaries
    .map((s, j) => `<tr><td><code>${escapeHtml(s.parameter)}</code></td><td>${number(s.priorLow)} – ${number(s.priorHigh)}${s.scale === "log" ? " (log)" : ""}</td><td>${number(s.median)}</td><td>${number(s.q05)} – ${number(s.q95)}</td><td>${number(s.shrinkage)}</td><td class="meta">${escapeHtml(parameters[j].why)}</td></tr>`)
    .join("\n");
  const summaryRows = check.summaries
    .map((s) => `<tr class="${s.inside ? "inside" : "outside"}"><td><code>${escapeHtml(s.name)}</code></td><td>${number(s.observed)}</td><td>${number(s.low)} – ${number(s.high)}</td><td>${s.informative ? (s.inside ? "inside" : "<strong>outside</strong>") : "not used (does not vary under the prior)"}</td></tr>`)
    .join("\n");
  const generationRows = abc.populations
    .map((p) => `<tr><td>${p.generation}</td><td>${p.tolerance === null ? "prior" : number(p.tolerance)}</td><td>${p.proposals}</td><td>${number(p.acceptance)}</td><td>${number(p.ess)}</td></tr>`)
    .join("\n");
  const title = `Calibration to ${request.historyName}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'">
<title>${escapeHtml(title)} — giftsim</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222}
.meta{color:#666;font-size:13px}#verdict{font-size:17px;font-weight:600}table{border-collapse:collapse;margin:1rem 0}
td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}tr.outside td{background:#fdecea}
figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.4rem}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p id="verdict" data-verdict="${check.verdict}">${escapeHtml(verdictSentence(fit))}</p>
<p class="meta">${escapeHtml(`${request.history.dates.length} streams (${request.history.dates[0]} to ${request.history.dates[request.history.dates.length - 1]}), columns ${request.history.metrics.join(", ")}${request.history.unit === null ? "" : ` (revenue in ${request.history.unit})`}; scenario ${request.plan.scenario.name}, arm ${request.arm}; seed ${request.seed}.`)}</p>
<h2>Posterior</h2>
<table id="posterior"><thead><tr><th>parameter</th><th>prior</th><th>median</th><th>90% credible interval</th><th>shrinkage</th><th>prior's source</th></tr></thead>
<tbody>${parameterRows}</tbody></table>
${charts.map(figure).join("\n")}
<h2>Summary statistics against their predictive bands</h2>
<table id="summaries"><thead><tr><th>summary</th><th>observed</th><th>90% predictive band</th><th></th></tr></thead>
<tbody>${summaryRows}</tbody></table>
<h2>The fit</h2>
<p class="meta">ABC-SMC: ${abc.populations.length} generations; stopped because ${escapeHtml(STOPS[abc.stop ?? "generations"])}; ${fit.simulations} simulations in all. Full figures in particles.csv, posterior.csv, posterior.json and predictive.csv.</p>
<table id="generations"><thead><tr><th>generation</th><th>tolerance</th><th>proposals</th><th>acceptance</th><th>effective sample size</th></tr></thead>
<tbody>${generationRows}</tbody></table>
</body></html>
`;
}
