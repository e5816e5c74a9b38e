/**
 * Parameter recovery of `giftsim calibrate` (src/fit/recovery.ts): histories simulated from
 * true values drawn from the prior, each calibrated, and per parameter the share of runs whose
 * 90% credible interval holds the truth (the floor: 80% of at least 20 runs). The creator is
 * the shipped synthetic example's scenario with the default parameter set; recovery runs use
 * fewer particles than a user's default (RECOVERY_PARTICLES) to fit 20 runs in about 20 minutes
 * on two cores.
 */
import { availableParallelism } from "node:os";
import { fitParameters } from "../src/fit/parameters.js";
import { coverageTable, recoveryRun, type RecoveryOptions, type RecoveryRun } from "../src/fit/recovery.js";
import { loadScenario } from "../src/scenario/index.js";
import { installPath } from "../src/install.js";

/** Particles, generations and predictive simulations of a recovery calibration (a user's default: 150, up to 8 and 100). */
export const RECOVERY_PARTICLES = 80;
export const RECOVERY_GENERATIONS = 4;
const RECOVERY_PREDICTIVE = 20;
/** Coverage floor of the 90% intervals. */
export const COVERAGE_FLOOR = 0.8;

/** What the bench measured. */
export interface RecoveryReport {
  runs: RecoveryRun[];
  table: ReturnType<typeof coverageTable>;
  seconds: number;
  passes: boolean;
}

/** Runs `runs` recovery calibrations of the default parameters on the synthetic example's creator. */
export async function runSimRecovery(runs: number, onRun: (run: RecoveryRun) => void = () => undefined): Promise<RecoveryReport> {
  const plan = loadScenario(installPath("examples", "history", "synthetic-creator.yaml"));
  const { parameters } = fitParameters(undefined, "--params");
  const options: RecoveryOptions = { plan, arm: plan.scenario.arms[0].name, parameters, particles: RECOVERY_PARTICLES, generations: RECOVERY_GENERATIONS, predictive: RECOVERY_PREDICTIVE, workers: availableParallelism(), seed: "recovery" };
  const started = Date.now();
  const done: RecoveryRun[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await recoveryRun(options, run);
    done.push(result);
    onRun(result);
  }
  const table = coverageTable(parameters, done);
  return { runs: done, table, seconds: (Date.now() - started) / 1000, passes: table.every((row) => row.share >= COVERAGE_FLOOR) };
}

/** The coverage table as text. */
export function formatRecovery(report: RecoveryReport): string {
  const lines = [
    `parameter recovery: ${report.runs.length} runs, ${RECOVERY_PARTICLES} particles, up to ${RECOVERY_GENERATIONS} generations, ${report.seconds.toFixed(0)} s`,
    `  ${"parameter".padEnd(32)} covered  share  mean shrinkage`,
    ...report.table.map((row) => `  ${row.parameter.padEnd(32)} ${`${row.covered}/${row.runs}`.padStart(7)}  ${(row.share * 100).toFixed(0).padStart(4)}%  ${row.meanShrinkage.toFixed(2).padStart(14)}`),
    `  floor: ${COVERAGE_FLOOR * 100}% of the runs per parameter: ${report.passes ? "met" : "NOT met"}`,
  ];
  return lines.join("\n");
}
