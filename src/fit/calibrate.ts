/**
 * `giftsim calibrate` as a library call: fit parameters of the model to a creator's history by
 * ABC-SMC (src/stats/abc-smc.ts) on the worker pool, checkpointed after every generation, then
 * a posterior predictive check, then the outputs (fit-outputs.ts). One simulation is the
 * scenario arm's config on the history's schedule with a particle's values (simulate.ts).
 */
import { errors } from "../errors.js";
import { historySchedule, historySummary, type StreamHistory } from "../history/index.js";
import type { ScenarioPlan } from "../scenario/index.js";
import { type SimConfig } from "../sim/index.js";
import { runAbcSmc, type AbcSettings, type AbcState } from "../stats/index.js";
import { AbcNoSpreadError } from "../stats/abc-smc.js";
import { giftsimVersion } from "../install.js";
import { lockFolder } from "../run/folder-lock.js";
import { makeFolder } from "../run/make-folder.js";
import { createFitPool, type FitPool } from "./fit-pool.js";
import { saveCheckpoint, startingState, type FitIdentity } from "./fit-checkpoint.js";
import { priorBox, withinPool, type FitParameter } from "./parameters.js";
import { predictiveCheck, predictiveDraws, type PredictiveCheck } from "./predictive.js";
import type { FitContext, FitResult } from "./simulate.js";

/** Particles per generation by default: enough for 90% intervals of a handful of parameters (an effective sample of 100 or more). */
export const DEFAULT_PARTICLES = 150;
/** Most generations by default, the prior's included. */
export const DEFAULT_GENERATIONS = 8;
/** Each tolerance is this quantile of the previous generation's distances. */
export const TOLERANCE_QUANTILE = 0.5;
/**
 * A generation accepting under this share of its proposals stops the fit: its proposals are
 * capped at particles / floor, the cost of the last, unfinished generation.
 */
export const ACCEPTANCE_FLOOR = 0.15;
/** A tolerance shrinking by less than this share stops the fit. */
export const MIN_TOLERANCE_SHRINK = 0.05;
/** Proposals simulated together (fixed: acceptance in index order must not depend on the workers). */
export const PROPOSAL_BATCH = 50;
/** Fresh simulations of the posterior for the predictive check. */
export const PREDICTIVE_SIMULATIONS = 100;
/** Most simulations a calibration may need (about an hour and a half on two cores at the default creator's size). */
export const MAX_FIT_SIMULATIONS = 100_000;

/** What to calibrate, validated (the CLI's fit-args.ts makes it). */
export interface CalibrateRequest {
  history: StreamHistory;
  /** sha256 of the history file's bytes: part of the calibration's identity. */
  historySha256: string;
  historyName: string;
  plan: ScenarioPlan;
  /** The arm whose config (at the first sweep point) is fitted. */
  arm: string;
  parameters: FitParameter[];
  particles: number;
  generations: number;
  /** Fresh posterior simulations of the predictive check (default PREDICTIVE_SIMULATIONS). */
  predictive?: number;
  seed: string;
  workers: number;
  out: string;
  resume: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: FitProgress) => void;
}

/** Where a calibration stands, for a progress view. */
export interface FitProgress {
  /** The generation running (0: the prior). */
  generation: number;
  generations: number;
  /** The last finished generation's tolerance and acceptance rate (null before the first, and the prior's tolerance). */
  tolerance: number | null;
  acceptance: number | null;
  /** Proposals simulated in the running generation. */
  proposals: number;
  /** Simulations run by this process. */
  simulations: number;
  /** "predictive" while the check runs. */
  phase: "fit" | "predictive";
}

/** A finished or interrupted calibration. */
export type CalibrateOutcome =
  | { state: "finished"; request: CalibrateRequest; abc: AbcState; check: PredictiveCheck; scales: number[]; observed: { names: string[]; values: Float64Array }; simulations: number }
  | { state: "interrupted"; generations: number };

/** The most simulations a request can take: the prior generation, every later one at its proposal cap, and the predictive check. */
export function simulationBound(particles: number, generations: number): number {
  return particles + (generations - 1) * Math.ceil(particles / ACCEPTANCE_FLOOR) + PREDICTIVE_SIMULATIONS;
}

/** Throws errors.tooLarge (exit 2) for a request past MAX_FIT_SIMULATIONS. */
export function checkSimulationBound(particles: number, generations: number): void {
  const bound = simulationBound(particles, generations);
  if (bound > MAX_FIT_SIMULATIONS) {
    throw errors.tooLarge("--particles x --generations", bound, MAX_FIT_SIMULATIONS, `simulations at most (particles + (generations - 1) x particles / ${ACCEPTANCE_FLOOR} + ${PREDICTIVE_SIMULATIONS}); use fewer particles or generations`);
  }
}

/** The sampler's settings for a request. */
export function abcSettings(request: Pick<CalibrateRequest, "parameters" | "particles" | "generations" | "seed">): AbcSettings {
  return {
    box: priorBox(request.parameters),
    particles: request.particles,
    generations: request.generations,
    alpha: TOLERANCE_QUANTILE,
    acceptanceFloor: ACCEPTANCE_FLOOR,
    minShrink: MIN_TOLERANCE_SHRINK,
    batch: PROPOSAL_BATCH,
    seed: request.seed,
  };
}

/** The cell a fit takes its config from: `arm`'s at the first sweep point. */
export function armCell(plan: ScenarioPlan, arm: string): ScenarioPlan["scenario"]["cells"][number] {
  return plan.scenario.cells.find((c) => c.arm === arm && c.pointIndex === 0) ?? plan.scenario.cells[0];
}

/** The config one simulation starts from: the arm's, streaming on the history's schedule. */
export function fitConfig(plan: ScenarioPlan, arm: string, history: StreamHistory): { config: SimConfig; cell: number } {
  const cell = armCell(plan, arm);
  const schedule = historySchedule(history);
  const base = cell.config;
  const config: SimConfig = {
    ...base,
    horizonWeeks: schedule.horizonWeeks,
    creators: { ...base.creators, schedule: { ...base.creators.schedule, days: schedule.days, durationMinutes: schedule.durationMinutes, reliability: schedule.reliability } },
  };
  return { config, cell: cell.index };
}

/** `request` with its priors as the arm's pool allows them (withinPool). */
export function withFitPriors(request: CalibrateRequest): CalibrateRequest {
  return { ...request, parameters: withinPool(request.parameters, armCell(request.plan, request.arm).config) };
}

/** What the calibration is a function of. */
export function fitIdentity(request: CalibrateRequest): FitIdentity {
  const settings = abcSettings(request);
  return {
    giftsim: giftsimVersion(),
    history: request.historySha256,
    scenario: request.plan.hash,
    arm: request.arm,
    parameters: request.parameters.map((p) => p.path),
    seed: request.seed,
    settings: { particles: settings.particles, generations: settings.generations, alpha: settings.alpha, acceptanceFloor: settings.acceptanceFloor, minShrink: settings.minShrink, batch: settings.batch, predictive: request.predictive ?? PREDICTIVE_SIMULATIONS },
  };
}

/** The worker context of a request. */
export function fitContext(request: CalibrateRequest): FitContext {
  const { config, cell } = fitConfig(request.plan, request.arm, request.history);
  return {
    config,
    economy: request.plan.economies[cell],
    parameters: request.parameters,
    seed: request.seed,
    history: { startDate: request.history.dates[0], unit: request.history.unit, metrics: [...request.history.metrics] },
  };
}

class Interrupted extends Error {}

/**
 * Runs the calibration into request.out (checkpoint after each generation), holding the
 * folder's lock so a second calibration cannot write the same folder; the outputs are written
 * by writeFitData and writeFitManifest. The outcome's request holds the priors the fit used
 * (withFitPriors: followers cut to the arm's pool).
 */
export async function calibrate(asked: CalibrateRequest): Promise<CalibrateOutcome> {
  const request = withFitPriors(asked);
  makeFolder(request.out);
  const lock = lockFolder(request.out);
  try {
    return await calibrateLocked(request);
  } finally {
    lock.release();
  }
}

async function calibrateLocked(request: CalibrateRequest): Promise<CalibrateOutcome> {
  const identity = fitIdentity(request);
  const start = startingState(request.out, identity, request.resume);
  const settings = abcSettings(request);
  const observed = historySummary(request.history);
  const context = fitContext(request);
  const pool = createFitPool(request.workers, context);
  let simulations = start.populations.reduce((total, p) => total + p.proposals, 0);
  const k = request.parameters.length;
  const m = observed.names.length;
  let firstFailure = "";
  const run = async (stream: string, first: number, values: Float64Array, streams: boolean): Promise<FitResult[]> => {
    if (request.signal?.aborted) throw new Interrupted();
    const results = await pool.run(stream, first, values, streams);
    if (request.signal?.aborted) throw new Interrupted();
    simulations += values.length / k;
    firstFailure ||= results.find((r) => r.firstFailure !== "")?.firstFailure ?? "";
    return results;
  };
  let last = start.populations.at(-1);
  const progress = (generation: number, proposals: number, phase: FitProgress["phase"]) =>
    request.onProgress?.({ generation, generations: settings.generations, tolerance: last?.tolerance ?? null, acceptance: last?.acceptance ?? null, proposals, simulations, phase });
  try {
    const abc = await runAbcSmc(
      settings,
      observed.values,
      async (generation, first, proposals) => {
        const values = new Float64Array(proposals.length * k);
        proposals.forEach((p, i) => values.set(p, i * k));
        const rows: Float64Array[] = [];
        for (const result of await run(`g${generation}`, first, values, false)) {
          for (let i = 0; i < result.streamCounts.length; i++) rows.push(result.summaryCount === m ? result.summaries.slice(i * m, (i + 1) * m) : new Float64Array(m).fill(Number.NaN));
        }
        progress(generation, first + proposals.length, "fit");
        return rows;
      },
      start,
      (state) => {
        saveCheckpoint(request.out, identity, state);
        last = state.populations.at(-1);
        if (state.stop === null) progress(state.populations.length, 0, "fit");
      },
    );
    const posterior = abc.populations[abc.populations.length - 1];
    const predictive = request.predictive ?? PREDICTIVE_SIMULATIONS;
    const draws = predictiveDraws(posterior, request.seed, predictive);
    const values = new Float64Array(draws.length * k);
    draws.forEach((d, i) => values.set(posterior.values.slice(d * k, (d + 1) * k), i * k));
    progress(posterior.generation, 0, "predictive");
    const check = predictiveCheck(request.history, observed, abc.scales, await run("predictive", 0, values, true));
    const total = abc.populations.reduce((sum, p) => sum + p.proposals, 0) + abc.unfinishedProposals + predictive;
    await pool.close();
    return { state: "finished", request, abc, check, scales: abc.scales, observed, simulations: total };
  } catch (error) {
    await pool.destroy();
    if (error instanceof Interrupted) return { state: "interrupted", generations: startingState(request.out, identity, true).populations.length };
    if (error instanceof AbcNoSpreadError && error.finite === 0) throw errors.replicatesFailed([`every simulation of the prior failed; the first: ${firstFailure}`], "giftsim validate on the scenario");
    if (error instanceof AbcNoSpreadError) {
      throw errors.invalidInput("option", [{ path: "--params", value: request.parameters.map((p) => p.path).join(","), expected: `parameters whose prior moves at least one summary statistic of the history; under this prior ${error.message}` }]);
    }
    throw error;
  }
}

/** A finished calibration, as the outputs take it. */
export type FinishedCalibration = Extract<CalibrateOutcome, { state: "finished" }>;
