/**
 * One simulation of a calibration: the scenario's config on the history's schedule, with a
 * particle's parameter values laid on it, run as one replicate and read back as the history a
 * dashboard would show (historyFromStreams) and its summary statistics (historySummary). A
 * worker runs a task of such simulations (workers/fit-worker.ts) and returns flat arrays, so a
 * task crosses the thread boundary as a few buffers. A simulation that throws or fails its
 * ledger audit, or whose values lie outside the prior (followers past half a fitted pool),
 * returns NaN summaries, which the sampler rejects.
 */
import { compileEconomy, type CompiledEconomy, type Economy } from "../economy/index.js";
import { historyFromStreams, historySummary, type HistoryMetric, type RevenueUnit } from "../history/index.js";
import { runReplicate, type SimConfig } from "../sim/index.js";
import { feasibleFollowers, withParameters, type FitParameter } from "./parameters.js";

/** What every simulation of a calibration shares, sent once per worker. */
export interface FitContext {
  /** The scenario arm's config with the history's schedule applied. */
  config: SimConfig;
  economy: Economy;
  parameters: FitParameter[];
  seed: string;
  /** How a simulated replicate is read as a history: the observed history's first date, unit and columns. */
  history: { startDate: string; unit: RevenueUnit | null; metrics: HistoryMetric[] };
}

/** A batch of simulations: `stream` keys their seeds ("g<generation>" or "predictive"), index first.. */
export interface FitTask {
  stream: string;
  first: number;
  /** Sampler coordinates, one row of parameters per simulation. */
  values: Float64Array;
  /** Also return each simulation's per-stream values (the predictive check). */
  streams: boolean;
}

/** A task's results, row per simulation. */
export interface FitResult {
  /** count x summaries (NaN rows: the simulation failed). */
  summaries: Float64Array;
  summaryCount: number;
  /** With FitTask.streams: per simulation, per metric of FitContext.history.metrics, its streams' values, end to end. */
  streamValues: Float64Array;
  /** Streams per simulation (0 for a failed one). */
  streamCounts: Uint32Array;
  /** Why the task's first failed simulation failed, "" when none did. */
  firstFailure: string;
}

/** The seed of simulation `index` of stream `stream`: a function of the calibration's seed and the simulation's identity. */
export function simulationSeed(seed: string, stream: string, index: number): string {
  return `giftsim/fit/1/${seed}/${stream}/${index}`;
}

const compiled = new WeakMap<FitContext, CompiledEconomy>();

/** Runs a task's simulations. */
export function runFitTask(context: FitContext, task: FitTask): FitResult {
  const k = context.parameters.length;
  const count = task.values.length / k;
  let economy = compiled.get(context);
  if (economy === undefined) compiled.set(context, (economy = compileEconomy(context.economy)));
  const rows: Array<{ summary: Float64Array; streams: Float64Array[] } | undefined> = [];
  let firstFailure = "";
  for (let i = 0; i < count; i++) {
    const config = withParameters(context.config, context.parameters, task.values.subarray(i * k, (i + 1) * k));
    try {
      const outside = feasibleFollowers(config);
      if (outside !== "") throw new Error(outside);
      const output = runReplicate(config, simulationSeed(context.seed, task.stream, task.first + i), { economy });
      if (output.audit.state === "failed") throw new Error(output.audit.failures.join("; "));
      const history = historyFromStreams(output, config, context.history);
      rows.push({ summary: historySummary(history).values, streams: task.streams ? history.metrics.map((m) => history.values[m] as Float64Array) : [] });
    } catch (error) {
      if (firstFailure === "") firstFailure = error instanceof Error ? error.message : String(error);
      rows.push(undefined);
    }
  }
  const summaryCount = rows.find((row) => row !== undefined)?.summary.length ?? 0;
  const summaries = new Float64Array(count * summaryCount).fill(Number.NaN);
  rows.forEach((row, i) => row !== undefined && summaries.set(row.summary, i * summaryCount));
  const streamCounts = Uint32Array.from(rows, (row) => row?.streams[0]?.length ?? 0);
  const streamValues = new Float64Array(rows.reduce((total, row) => total + (row?.streams.reduce((t, s) => t + s.length, 0) ?? 0), 0));
  let at = 0;
  for (const row of rows) {
    for (const values of row?.streams ?? []) {
      streamValues.set(values, at);
      at += values.length;
    }
  }
  return { summaries, summaryCount, streamValues, streamCounts, firstFailure };
}
