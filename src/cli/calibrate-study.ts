/**
 * What `giftsim calibrate` does once its options are parsed: check everything first (the
 * history, the scenario and arm, the parameters, the size of the request, the output folder),
 * so bad input writes nothing; then fit on the pool with a progress view (Ctrl-C leaves the
 * folder resumable), write the outputs and the report, and print the verdict and the posterior.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, extname, join } from "node:path";
import { errors } from "../errors.js";
import { calibrate, checkSimulationBound, DEFAULT_GENERATIONS, DEFAULT_PARTICLES, type CalibrateRequest } from "../fit/calibrate.js";
import { writeFitData, writeFitManifest } from "../fit/fit-outputs.js";
import { fitParameters } from "../fit/parameters.js";
import { priorOnlyWarning, summarisePosterior } from "../fit/posterior.js";
import { readHistory } from "../history/index.js";
import { writeFileAtomicHashed } from "../run/atomic-file.js";
import { checkWritableFolder } from "../run/make-folder.js";
import { escapeHtml } from "../render/escape.js";
import { fitReportHtml, verdictSentence } from "../report/fit-page.js";
import { builtinScenarioDir, loadScenario } from "../scenario/index.js";
import type { CalibrateArgs } from "./calibrate-args.js";
import { fitProgressView } from "./fit-progress.js";
import { scenarioPath } from "./scenario-path.js";
import { DEFAULT_SCENARIO } from "./run-args.js";

/** The validated request; throws an input error (exit 2) before anything is written. */
export function calibrateRequest(args: CalibrateArgs, signal?: AbortSignal): CalibrateRequest {
  const history = readHistory(args.history);
  const plan = loadScenario(args.scenario === undefined ? join(builtinScenarioDir(), DEFAULT_SCENARIO) : scenarioPath(args.scenario, "--scenario"), { seed: args.seed });
  const arms = plan.scenario.arms.map((arm) => arm.name);
  const arm = args.arm ?? arms[0];
  if (!arms.includes(arm)) throw errors.invalidInput("option", [{ path: "--arm", value: arm, expected: `an arm of ${plan.scenario.name}, one of: ${arms.join(", ")}` }]);
  const chosen = fitParameters(args.params?.split(",").map((name) => name.trim()), "--params");
  if (chosen.problems.length > 0) throw errors.invalidInput("option", chosen.problems);
  const particles = args.particles ?? DEFAULT_PARTICLES;
  const generations = args.generations ?? DEFAULT_GENERATIONS;
  checkSimulationBound(particles, generations);
  const name = basename(args.history, extname(args.history));
  const out = args.out ?? join("out", `${name}-calibration`);
  checkWritableFolder("--out", out);
  return {
    history,
    historySha256: createHash("sha256").update(readFileSync(args.history)).digest("hex"),
    historyName: basename(args.history),
    plan,
    arm,
    parameters: chosen.parameters,
    particles,
    generations,
    seed: plan.seed,
    workers: args.workers ?? availableParallelism(),
    out,
    resume: args.resume,
    signal,
  };
}

/** Runs the calibration the arguments ask for and prints its outcome. */
export async function executeCalibrate(args: CalibrateArgs): Promise<void> {
  const abort = new AbortController();
  const request = calibrateRequest(args, abort.signal);
  const view = fitProgressView({ quiet: args.quiet, label: `calibrate ${request.historyName}` });
  const onSignal = (signal: NodeJS.Signals) => {
    if (abort.signal.aborted) process.exit(signal === "SIGINT" ? 130 : 143);
    abort.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const started = Date.now();
  let outcome;
  try {
    outcome = await calibrate({ ...request, onProgress: (progress) => view.update(progress) });
  } finally {
    view.finish();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
  if (outcome.state === "interrupted") throw errors.calibrationInterrupted(request.out, outcome.generations);
  const { files } = writeFitData(outcome);
  const warning = priorOnlyWarning(outcome.abc);
  const html = withWarning(await fitReportHtml(outcome), warning);
  files["report.html"] = writeFileAtomicHashed(join(request.out, "report.html"), (write) => write(Buffer.from(html, "utf8")));
  const manifest = writeFitManifest(outcome, files);
  const final = outcome.abc.populations[outcome.abc.populations.length - 1];
  const lines = [
    `calibration of ${request.historyName} (${request.plan.scenario.name}, arm ${request.arm}): ${manifest.generations.length} generations, stopped on ${manifest.stop}, ${manifest.simulations} simulations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  output   ${request.out}`,
    `  report   ${join(request.out, "report.html")}`,
    "",
    verdictSentence(outcome),
    ...(warning === "" ? [] : [warning]),
    "",
    `posterior (${final.weights.length} particles, effective ${final.ess.toFixed(0)}):`,
    ...summarisePosterior(outcome.request.parameters, final).map((s) => `  ${s.parameter.padEnd(32)} median ${fmt(s.median)}  90% ${fmt(s.q05)} – ${fmt(s.q95)}  shrinkage ${s.shrinkage.toFixed(2)}`),
    "",
  ];
  process.stdout.write(lines.join("\n"));
}

/** The report with `warning` (priorOnlyWarning) set beside its verdict, as the first thing a reader sees. */
function withWarning(html: string, warning: string): string {
  if (warning === "") return html;
  return html.replace(/(<p id="verdict"[^>]*>.*?<\/p>)/s, `$1\n<p id="prior-only" class="warning"><strong>${escapeHtml(warning)}</strong></p>`);
}

function fmt(value: number): string {
  return Number(value.toPrecision(4)).toLocaleString("en-US");
}
