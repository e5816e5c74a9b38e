/**
 * Builds a ReportData from a finished (or merged) run folder, using only the files the folder
 * holds: manifest.json (the resolved scenario and the run), summary.json (metric labels and
 * calibration as the run computed them), replicates.csv and timeseries.csv. Nothing is re-run
 * or re-resolved, so a folder made by an older giftsim re-renders with its own labels.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { errors } from "../errors.js";
import type { MetricInfo } from "../sim/index.js";
import { csvFieldNumber, parseCsv } from "../run/read-csv.js";
import { cellLabel, type ReportCalibrationEntry, type ReportCell, type ReportData, type ReportTable } from "./report-data.js";

/** The parts of manifest.json a report reads (src/run/finalize.ts writes it). */
interface ManifestFile {
  format?: string;
  giftsim?: string;
  node?: string;
  scenario?: {
    hash?: string;
    resolved?: {
      name: string;
      description?: string;
      question?: string;
      preset?: string;
      metrics?: string[];
      primary?: string;
      arms: Array<{ name: string; label?: string; preset?: string }>;
      sweep?: Array<{ path: string; values: unknown[] }>;
      base?: { arm: string; pointIndex: number };
      cells: Array<{ index: number; arm: string; pointIndex: number; point?: Record<string, unknown>; config?: { horizonWeeks?: number } }>;
      worlds?: { kind: string; constants?: Array<{ path: string }>; fit?: string };
    };
  };
  seed?: string;
  shard?: { index: number; count: number } | null;
  audit?: { state?: string };
}

/** The parts of summary.json a report reads (src/run/summary.ts writes it). */
interface SummaryFile {
  metricInfo?: Record<string, MetricInfo>;
  cells?: Array<{ arm: string; pointIndex: number; replicates?: number; calibration?: ReportCalibrationEntry[] }>;
}

/** Reads run folder `dir` into a ReportData; throws errors.notARunFolder when it is not a finished run. */
export function readRunFolder(dir: string): ReportData {
  const manifest = readJson<ManifestFile>(dir, "manifest.json");
  const resolved = manifest.scenario?.resolved;
  if (resolved === undefined || !Array.isArray(resolved.cells) || !Array.isArray(resolved.arms)) {
    throw errors.notARunFolder(dir, "manifest.json has no resolved scenario");
  }
  const summary = existsSync(join(dir, "summary.json")) ? readJson<SummaryFile>(dir, "summary.json") : {};

  const arms = resolved.arms.map((arm) => ({ name: arm.name, label: arm.label ?? arm.name, preset: arm.preset ?? resolved.preset ?? "" }));
  const cells: ReportCell[] = resolved.cells.map((cell, index) => {
    const armLabel = arms.find((arm) => arm.name === cell.arm)?.label ?? cell.arm;
    const point = cell.point ?? {};
    const horizonWeeks = typeof cell.config?.horizonWeeks === "number" ? cell.config.horizonWeeks : null;
    return { index, arm: cell.arm, armLabel, pointIndex: cell.pointIndex, point, label: cellLabel(armLabel, point, arms.length), horizonWeeks };
  });
  const cellOf = cellFinder(dir, cells);

  const replicatesCsv = parseCsv(readText(dir, "replicates.csv"));
  const metricColumns = metricColumnsOf(replicatesCsv.header, resolved.sweep ?? []);
  const replicates = cells.map(() => Object.fromEntries(metricColumns.map(({ name }) => [name, [] as number[]])));
  const armColumn = replicatesCsv.header.indexOf("arm");
  const pointColumn = replicatesCsv.header.indexOf("pointIndex");
  const replicateColumn = replicatesCsv.header.indexOf("replicate");
  const replicateIndex = cells.map(() => [] as number[]);
  for (const row of replicatesCsv.rows) {
    const cell = cellOf(row[armColumn], row[pointColumn], "replicates.csv");
    const values = replicates[cell];
    for (const { name, column } of metricColumns) values[name].push(csvFieldNumber(row[column]));
    replicateIndex[cell].push(replicateColumn < 0 ? replicateIndex[cell].length : csvFieldNumber(row[replicateColumn]));
  }

  const calibration = cells.map((cell) => summary.cells?.find((entry) => entry.arm === cell.arm && entry.pointIndex === cell.pointIndex)?.calibration ?? []);
  const replicatesPerCell = Math.max(0, ...replicates.map((values) => Object.values(values)[0]?.length ?? 0));

  return {
    scenario: {
      name: resolved.name,
      description: resolved.description ?? "",
      question: resolved.question ?? "",
      preset: resolved.preset ?? "",
      metrics: resolved.metrics ?? [],
      // A folder from before scenarios named a primary metric led with the first.
      primary: resolved.primary ?? resolved.metrics?.[0] ?? "",
      arms,
      sweep: resolved.sweep ?? [],
      // A folder from before scenarios named their base compared against the first cell.
      base: resolved.base ?? { arm: arms[0]?.name ?? "base", pointIndex: 0 },
    },
    run: {
      seed: String(manifest.seed ?? ""),
      replicates: replicatesPerCell,
      scenarioHash: manifest.scenario?.hash ?? "",
      giftsimVersion: manifest.giftsim ?? "unknown",
      node: manifest.node ?? null,
      shards: manifest.shard ? `shard ${manifest.shard.index} of ${manifest.shard.count}` : null,
      posterior: resolved.worlds?.kind === "posterior" ? { parameters: (resolved.worlds.constants ?? []).map((c) => c.path), sha256: resolved.worlds.fit ?? "" } : null,
      audit: manifest.audit?.state === "passed" ? "passed" : manifest.audit?.state === "failed" ? "failed" : null,
    },
    cells,
    metricInfo: summary.metricInfo ?? {},
    replicates,
    replicateIndex,
    calibration,
    timeseries: existsSync(join(dir, "timeseries.csv")) ? readTable(dir, "timeseries.csv", cellOf) : null,
  };
}

/** Columns of replicates.csv that hold metrics: all but the keys, the swept values and the seed. */
function metricColumnsOf(header: string[], sweep: Array<{ path: string }>): Array<{ name: string; column: number }> {
  const keys = new Set(["arm", "pointIndex", "replicate", "seed", ...sweep.map((axis) => axis.path)]);
  return header.map((name, column) => ({ name, column })).filter(({ name }) => !keys.has(name));
}

type CellFinder = (arm: string, pointIndex: string, file: string) => number;

/** Looks cells up by (arm, pointIndex) as the CSV files name them. */
function cellFinder(dir: string, cells: ReportCell[]): CellFinder {
  const byKey = new Map(cells.map((cell) => [`${cell.arm}\u0000${cell.pointIndex}`, cell.index]));
  return (arm, pointIndex, file) => {
    const index = byKey.get(`${arm}\u0000${pointIndex}`);
    if (index === undefined) throw errors.notARunFolder(dir, `${file} has a row for arm ${JSON.stringify(arm)}, point ${pointIndex}, which the manifest does not plan`);
    return index;
  };
}

/** A per-replicate table as numbers, its (arm, pointIndex) turned into a `cell` column. */
function readTable(dir: string, file: string, cellOf: CellFinder): ReportTable {
  const csv = parseCsv(readText(dir, file));
  const armColumn = csv.header.indexOf("arm");
  const pointColumn = csv.header.indexOf("pointIndex");
  const kept = csv.header.map((name, column) => ({ name, column })).filter(({ column }) => column !== armColumn && column !== pointColumn);
  return {
    columns: ["cell", ...kept.map(({ name }) => name)],
    rows: csv.rows.map((row) => [cellOf(row[armColumn], row[pointColumn], file), ...kept.map(({ column }) => csvFieldNumber(row[column]))]),
  };
}

function readText(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) throw errors.notARunFolder(dir, `no ${file}; a run writes it when it finishes`);
  return readFileSync(path, "utf8");
}

function readJson<T>(dir: string, file: string): T {
  const text = readText(dir, file);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw errors.notARunFolder(dir, `${file} is not valid JSON (${(error as Error).message})`);
  }
}
