/**
 * Parameter recovery: does a calibration find the parameters a history was made from? Each run
 * draws true values from the prior (uniform over the sampler's box cut to the arm's pool, from a
 * stream keyed by the seed and the run), simulates a history with them, calibrates it, and records whether each
 * parameter's 90% credible interval holds the truth. A calibration whose intervals are honest
 * covers each parameter in about 90% of runs (ABC's tolerance makes it a little wider: more).
 * Used by the recovery bench (bench/sim-recovery.ts) and its small test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { DASHBOARD_UNITS, HISTORY_METRICS, historyFromStreams, type StreamHistory } from "../history/index.js";
import type { ScenarioPlan } from "../scenario/index.js";
import { constantAt, runReplicate } from "../sim/index.js";
import { uniformInBox } from "../stats/index.js";
import { armCell, calibrate, type CalibrateRequest } from "./calibrate.js";
import { feasibleFollowers, priorBox, withinPool, withParameters, type FitParameter } from "./parameters.js";
import { summarisePosterior, type ParameterSummary } from "./posterior.js";

/** Where the recovery histories are dated from (a Monday, so simulated weekdays keep their names). */
const START_DATE = "2026-01-05";

/** How a recovery study runs. */
export interface RecoveryOptions {
  plan: ScenarioPlan;
  arm: string;
  parameters: FitParameter[];
  particles: number;
  generations: number;
  /** Predictive simulations per calibration (the verdict's; coverage does not need many). */
  predictive: number;
  workers: number;
  seed: string;
}

/** One recovery run's outcome. */
export interface RecoveryRun {
  run: number;
  /** The true values, on the value's scale. */
  truth: number[];
  posterior: ParameterSummary[];
  covered: boolean[];
  verdict: string;
}

/**
 * The true sampler coordinates of run `run`: uniform over the prior the calibration uses
 * (withinPool: followers at most half the pool, so every truth is a history the model can
 * tell apart), drawn again while a fitted pool is too small for the drawn followers.
 */
export function recoveryTruth(options: RecoveryOptions, run: number): Float64Array {
  const config = armCell(options.plan, options.arm).config;
  const parameters = withinPool(options.parameters, config);
  const box = priorBox(parameters);
  const random = seedrandom.alea(`giftsim/recovery/1/${options.seed}/${run}`);
  for (;;) {
    const x = uniformInBox(box, random);
    if (feasibleFollowers(withParameters(config, parameters, x)) === "") return x;
  }
}

/** The history a creator with coordinates `x` shows: the arm's config with them, replicate seed keyed by the run. */
export function syntheticHistory(options: RecoveryOptions, x: ArrayLike<number>, run: number): StreamHistory {
  const config = withParameters(armCell(options.plan, options.arm).config, options.parameters, x);
  const output = runReplicate(config, `giftsim/recovery/1/${options.seed}/history/${run}`);
  return historyFromStreams(output, config, { startDate: START_DATE, unit: DASHBOARD_UNITS[options.plan.scenario.preset] ?? "coins", metrics: HISTORY_METRICS });
}

/** Calibrates `history` in a temporary folder and returns the final posterior summaries and the verdict. */
export async function calibrateHistory(options: RecoveryOptions, history: StreamHistory, name: string): Promise<{ posterior: ParameterSummary[]; verdict: string }> {
  const out = mkdtempSync(join(tmpdir(), "giftsim-recovery-"));
  try {
    const request: CalibrateRequest = { history, historySha256: name, historyName: name, plan: options.plan, arm: options.arm, parameters: options.parameters, particles: options.particles, generations: options.generations, predictive: options.predictive, seed: options.seed, workers: options.workers, out, resume: false };
    const outcome = await calibrate(request);
    if (outcome.state !== "finished") throw new Error("a recovery calibration was interrupted");
    const final = outcome.abc.populations[outcome.abc.populations.length - 1];
    return { posterior: summarisePosterior(outcome.request.parameters, final), verdict: outcome.check.verdict };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Run `run` of a recovery study: truth, history, calibration, coverage. */
export async function recoveryRun(options: RecoveryOptions, run: number): Promise<RecoveryRun> {
  const x = recoveryTruth(options, run);
  const truth = withParameters(armCell(options.plan, options.arm).config, options.parameters, x);
  const values = options.parameters.map((p) => constantAt(truth, p.path));
  const { posterior, verdict } = await calibrateHistory(options, syntheticHistory(options, x, run), `recovery-${run}`);
  return { run, truth: values, posterior, covered: posterior.map((s, j) => values[j] >= s.q05 && values[j] <= s.q95), verdict };
}

/** Per parameter: runs, runs whose 90% interval held the truth, their share, and the mean shrinkage. */
export function coverageTable(parameters: readonly FitParameter[], runs: readonly RecoveryRun[]): Array<{ parameter: string; runs: number; covered: number; share: number; meanShrinkage: number }> {
  return parameters.map((p, j) => {
    const covered = runs.filter((r) => r.covered[j]).length;
    return { parameter: p.path, runs: runs.length, covered, share: runs.length === 0 ? 0 : covered / runs.length, meanShrinkage: runs.reduce((s, r) => s + r.posterior[j].shrinkage, 0) / Math.max(1, runs.length) };
  });
}
