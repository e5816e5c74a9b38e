/**
 * A finished calibration's files, each written atomically, manifest.json last (a folder with a
 * manifest is a finished calibration): particles.csv (every generation's particles with their
 * weights and distances), posterior.csv and posterior.json (per-parameter summaries; the json
 * also holds the final particles `giftsim run --posterior` draws from), predictive.csv (each
 * summary statistic against its predictive band) and the report (report.html, written by the
 * caller and recorded here). Nothing in them depends on the machine, the workers or a resume.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { writeFileAtomic } from "../run/atomic-file.js";
import { writeCsvTable } from "../run/csv.js";
import type { Table, TableRow } from "../run/table.js";
import { giftsimVersion } from "../install.js";
import type { FinishedCalibration } from "./calibrate.js";
import { fitIdentity } from "./calibrate.js";
import { FIT_MANIFEST } from "./fit-checkpoint.js";
import { fromScale } from "./parameters.js";
import { particleValues, priorOnlyWarning, summarisePosterior, type ParameterSummary } from "./posterior.js";
import { REPRODUCE_SHARE, type PredictiveCheck } from "./predictive.js";

export const POSTERIOR_JSON = "posterior.json";

/** posterior.json: what --posterior reads. */
export interface PosteriorFile {
  format: "giftsim-posterior/1";
  history: string;
  scenario: string;
  arm: string;
  parameters: Array<ParameterSummary & { integer: boolean }>;
  /** The final generation: particles x parameters on the value's scale, row-major, and their weights. */
  particles: { values: number[]; weights: number[] };
  verdict: PredictiveCheck["verdict"];
}

/** manifest.json of a calibration folder. */
export interface FitManifest {
  format: "giftsim-calibrate/1";
  giftsim: string;
  history: { file: string; sha256: string; streams: number; metrics: string[]; unit: string | null };
  scenario: { name: string; hash: string; arm: string };
  seed: string;
  settings: Record<string, number>;
  parameters: string[];
  generations: Array<{ generation: number; tolerance: number | null; proposals: number; acceptance: number; ess: number }>;
  stop: string;
  simulations: number;
  /** warning: priorOnlyWarning's sentence when the final population is the prior's, else absent. */
  verdict: { verdict: PredictiveCheck["verdict"]; insideShare: number; rule: string; warning?: string };
  checksums: { algorithm: "sha256"; files: Record<string, string> };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function table(columns: Array<[string, "STRING" | "INT32" | "DOUBLE"]>, rows: TableRow[]): Table {
  return { columns: columns.map(([name, type]) => ({ name, type })), rows: () => rows };
}

/** Writes the data files and returns their checksums (the report and manifest come after). */
export function writeFitData(fit: FinishedCalibration): { files: Record<string, string>; posterior: PosteriorFile } {
  const { request, abc, check } = fit;
  const { parameters, out } = request;
  const k = parameters.length;
  const files: Record<string, string> = {};
  const particleRows: TableRow[] = abc.populations.flatMap((population) =>
    population.weights.map((w, i): TableRow => [population.generation, i, w, ...parameters.map((p, j) => fromScale(p, population.values[i * k + j])), population.distances[i]]),
  );
  files["particles.csv"] = writeCsvTable(join(out, "particles.csv"), table([["generation", "INT32"], ["particle", "INT32"], ["weight", "DOUBLE"], ...parameters.map((p): [string, "DOUBLE"] => [p.path, "DOUBLE"]), ["distance", "DOUBLE"]], particleRows));
  const final = abc.populations[abc.populations.length - 1];
  const summaries = summarisePosterior(parameters, final);
  const summaryColumns: Array<[string, "STRING" | "DOUBLE"]> = [["parameter", "STRING"], ["scale", "STRING"], ["prior_low", "DOUBLE"], ["prior_high", "DOUBLE"], ["mean", "DOUBLE"], ["median", "DOUBLE"], ["q05", "DOUBLE"], ["q95", "DOUBLE"], ["ci90_low", "DOUBLE"], ["ci90_high", "DOUBLE"], ["shrinkage", "DOUBLE"]];
  files["posterior.csv"] = writeCsvTable(join(out, "posterior.csv"), table(summaryColumns, summaries.map((s) => [s.parameter, s.scale, s.priorLow, s.priorHigh, s.mean, s.median, s.q05, s.q95, s.q05, s.q95, s.shrinkage])));
  const posterior: PosteriorFile = {
    format: "giftsim-posterior/1",
    history: request.historySha256,
    scenario: request.plan.scenario.name,
    arm: request.arm,
    parameters: summaries.map((s, j) => ({ ...s, integer: parameters[j].integer })),
    particles: { values: particleValues(parameters, final), weights: final.weights },
    verdict: check.verdict,
  };
  const posteriorText = `${JSON.stringify(posterior, null, 2)}\n`;
  writeFileAtomic(join(out, POSTERIOR_JSON), posteriorText);
  files[POSTERIOR_JSON] = sha256(posteriorText);
  files["predictive.csv"] = writeCsvTable(
    join(out, "predictive.csv"),
    table([["summary", "STRING"], ["observed", "DOUBLE"], ["q05", "DOUBLE"], ["median", "DOUBLE"], ["q95", "DOUBLE"], ["inside", "INT32"], ["informative", "INT32"]], check.summaries.map((s) => [s.name, s.observed, s.low, s.median, s.high, s.inside ? 1 : 0, s.informative ? 1 : 0])),
  );
  return { files, posterior };
}

/** Writes manifest.json, recording every file in `files` (the report included). */
export function writeFitManifest(fit: FinishedCalibration, files: Record<string, string>): FitManifest {
  const { request, abc, check } = fit;
  const warning = priorOnlyWarning(abc);
  const manifest: FitManifest = {
    format: "giftsim-calibrate/1",
    giftsim: giftsimVersion(),
    history: { file: request.historyName, sha256: request.historySha256, streams: request.history.dates.length, metrics: [...request.history.metrics], unit: request.history.unit },
    scenario: { name: request.plan.scenario.name, hash: request.plan.hash, arm: request.arm },
    seed: request.seed,
    settings: fitIdentity(request).settings,
    parameters: request.parameters.map((p) => p.path),
    generations: abc.populations.map((p) => ({ generation: p.generation, tolerance: p.tolerance, proposals: p.proposals, acceptance: p.acceptance, ess: p.ess })),
    stop: abc.stop ?? "generations",
    simulations: fit.simulations,
    verdict: { verdict: check.verdict, insideShare: check.insideShare, rule: `reproduces when at least ${Math.round(100 * REPRODUCE_SHARE)}% of the informative summaries lie inside their 90% predictive bands`, ...(warning === "" ? {} : { warning }) },
    checksums: { algorithm: "sha256", files },
  };
  writeFileAtomic(join(request.out, FIT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

