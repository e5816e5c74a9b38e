/**
 * sensitivity.html: one self-contained page (no script, no request) with the sentence naming
 * the constants the answer hinges on and, per output, a bar chart of the indices of the most
 * influential constants (Sobol' total and first-order with the total's 95% interval, or Morris
 * mu* and sigma) drawn as inline SVG. Every text from the scenario is escaped.
 */
import { join } from "node:path";
import { escapeHtml } from "../render/index.js";
import { writeFileAtomic } from "../run/atomic-file.js";
import type { SensitivityOutput, SensitivityResult } from "../run/sensitivity.js";

/** Constants charted per output; the CSV has them all. */
const CHARTED = 15;
const BAR_HEIGHT = 16;
const LABEL_WIDTH = 330;
const PLOT_WIDTH = 360;

/** Writes sensitivity.html for `result` into `dir`; returns its file name. */
export function writeSensitivityPage(dir: string, result: SensitivityResult): string {
  writeFileAtomic(join(dir, "sensitivity.html"), sensitivityHtml(result));
  return "sensitivity.html";
}

/** The page's HTML. */
export function sensitivityHtml(result: SensitivityResult): string {
  const method = result.method === "sobol" ? `Sobol' indices (Saltelli sampling, N = ${result.samples})` : `Morris screening (r = ${result.samples} trajectories)`;
  const design = `${result.points} design points x ${result.replicatesPerPoint} replicate(s) a point, ${result.constants.length} constants, each uniform over its range; seed ${result.seed}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(result.scenario)}: sensitivity</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
.meta{color:#666;font-size:13px}.sentence{font-size:17px;font-weight:600}svg text{font:12px system-ui,sans-serif}
figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.4rem}</style></head>
<body>
<h1>${escapeHtml(result.scenario)}: what the answer hinges on</h1>
<p class="sentence" id="sentence">${escapeHtml(result.sentence)}</p>
<p class="meta">${escapeHtml(method)}; ${escapeHtml(design)}. Full figures in sensitivity.csv and sensitivity.json.</p>
${result.outputs.map((output, i) => figure(result, output, i)).join("\n")}
</body></html>
`;
}

function figure(result: SensitivityResult, output: SensitivityOutput, index: number): string {
  const sobol = output.sobol !== undefined;
  const rows = result.constants
    .map((constant, i) => ({ constant: constant.path, main: sobol ? (output.sobol?.[i].total ?? 0) : (output.morris?.[i].muStar ?? 0), i }))
    .filter((row) => Number.isFinite(row.main))
    .sort((a, b) => b.main - a.main)
    .slice(0, CHARTED);
  const finite = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : 0);
  const scale = Math.max(1e-12, ...rows.map((row) => Math.max(row.main, finite(sobol ? output.sobol?.[row.i].totalHigh : output.morris?.[row.i].sigma))));
  // A figure the design could not estimate (NaN: an output that did not vary) draws as nothing.
  const x = (value: number) => LABEL_WIDTH + (Number.isFinite(value) ? Math.max(0, Math.min(1, value / scale)) : 0) * PLOT_WIDTH;
  const bars = rows.map((row, r) => {
    const y = 4 + r * (BAR_HEIGHT + 6);
    const s = output.sobol?.[row.i];
    const m = output.morris?.[row.i];
    const second = sobol ? (s?.firstOrder ?? 0) : (m?.sigma ?? 0);
    const whisker = s === undefined || !Number.isFinite(s.totalLow) || !Number.isFinite(s.totalHigh) ? "" : `<line x1="${x(s.totalLow).toFixed(1)}" x2="${x(s.totalHigh).toFixed(1)}" y1="${y + BAR_HEIGHT / 2}" y2="${y + BAR_HEIGHT / 2}" stroke="#333"/>`;
    return `<text x="${LABEL_WIDTH - 6}" y="${y + 12}" text-anchor="end">${escapeHtml(row.constant)}</text>
<rect x="${LABEL_WIDTH}" y="${y}" width="${(x(row.main) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT}" fill="#4c78a8"><title>${escapeHtml(`${row.constant}: ${row.main.toFixed(3)}`)}</title></rect>
<rect x="${LABEL_WIDTH}" y="${y + BAR_HEIGHT / 4}" width="${(x(second) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT / 2}" fill="#f58518"/>${whisker}
<text x="${(x(Math.max(row.main, Number.isFinite(s?.totalHigh) ? (s?.totalHigh ?? 0) : 0)) + 6).toFixed(1)}" y="${y + 12}">${row.main.toFixed(3)}</text>`;
  });
  const height = 8 + rows.length * (BAR_HEIGHT + 6);
  const legend = sobol ? "blue: total index with its 95% interval; orange: first-order index" : "blue: mu* (mean absolute elementary effect per whole range); orange: sigma";
  const noise = output.noiseShare === null ? "" : `; replicate noise ${Math.round(output.noiseShare * 100)}% of the variance`;
  return `<figure class="chart" id="sensitivity-${index}"><figcaption>${escapeHtml(output.label)}</figcaption>
<svg width="${LABEL_WIDTH + PLOT_WIDTH + 60}" height="${height}" role="img" aria-label="${escapeHtml(`indices of ${output.label}`)}">${bars.join("\n")}</svg>
<p class="meta">${escapeHtml(`${legend}${noise}. The ${rows.length} most influential of ${result.constants.length} constants.`)}</p></figure>`;
}
