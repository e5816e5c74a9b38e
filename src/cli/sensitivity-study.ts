/**
 * What `giftsim sensitivity` does once its options are parsed: build the sensitivity plan of
 * the scenario, run it on the pool like any run (progress, Ctrl-C, --resume), analyse it, write
 * sensitivity.json, sensitivity.csv and sensitivity.html into the folder, and print the
 * sentence naming the constants the answer hinges on with the ranking's head. With --posterior,
 * sensitivity.json records the calibration it is at (`fit`: posterior.json's sha256).
 */
import { join } from "node:path";
import { atPosteriorMedians, readPosterior } from "../fit/read-posterior.js";
import { builtinScenarioDir, loadScenario, withWorlds, type ScenarioPlan } from "../scenario/index.js";
import { parseShard } from "../run/index.js";
import { analyseSensitivity, DEFAULT_SAMPLES, sensitivityPlan, writeSensitivity, type SensitivityMethod } from "../run/sensitivity.js";
import { writeSensitivityPage } from "../report/sensitivity-page.js";
import type { SensitivityArgs } from "./sensitivity-args.js";
import { printJson } from "./output.js";
import { DEFAULT_SCENARIO } from "./run-args.js";
import { finished, runWithProgress } from "./run-study.js";

/** Constants listed in the terminal; the rest are in sensitivity.csv. */
const SHOWN = 10;

/** Runs the analysis the arguments ask for and prints its outcome. */
export async function executeSensitivity(args: SensitivityArgs): Promise<void> {
  const file = args.file ?? join(builtinScenarioDir(), DEFAULT_SCENARIO);
  const method = args.method as SensitivityMethod;
  const loaded = loadScenario(file, { seed: args.seed });
  const posterior = args.posterior === undefined ? undefined : readPosterior(args.posterior);
  const fitted = posterior === undefined ? undefined : atPosteriorMedians(loaded, posterior);
  const plan = withPosteriorRanges(
    sensitivityPlan(fitted?.plan ?? loaded, {
      method,
      samples: args.samples ?? DEFAULT_SAMPLES[method],
      params: args.params?.split(",").map((path) => path.trim()),
      replicatesPerPoint: args["replicates-per-point"],
    }),
    fitted?.ranges,
  );
  const out = args.out ?? join("out", `${plan.scenario.name}-sensitivity`);
  const run = { quiet: args.quiet, json: args.json, workers: args.workers, chunk: args.chunk, resume: args.resume, parquet: false };
  const shard = args.shard === undefined ? null : parseShard(args.shard);
  const outcome = finished(plan, { file: args.file, seed: args.seed }, await runWithProgress(plan, run, out, shard, `${plan.scenario.name} (${method} sensitivity)`));
  if (shard !== null) {
    // A slice cannot be analysed alone: the indices need every design point.
    if (!args.quiet) process.stdout.write(`${plan.scenario.name}: ${method} sensitivity shard ${shard.index}/${shard.count} in ${out}; merge the shards with giftsim merge, then analyse with giftsim sensitivity --resume --out MERGED (same options, no --shard)\n`);
    return;
  }
  const analysed = analyseSensitivity(plan, outcome.records);
  // The calibration's identity, as run --posterior records it in its worlds (fit): the sha256 of posterior.json.
  const result = posterior === undefined ? analysed : { ...analysed, fit: posterior.sha256 };
  const files = [...writeSensitivity(out, result), writeSensitivityPage(out, result)];
  if (args.json) return printJson(result);
  const focus = result.outputs[result.outputs.length - 1];
  const figure = method === "sobol" ? "total [95% CI]  first-order" : "mu*  sigma";
  const rows = result.ranking.slice(0, SHOWN).map(({ constant }) => {
    const i = result.constants.findIndex((c) => c.path === constant);
    const s = focus.sobol?.[i];
    const m = focus.morris?.[i];
    const figures = s !== undefined ? `${fixed(s.total)} [${fixed(s.totalLow)}, ${fixed(s.totalHigh)}]  ${fixed(s.firstOrder)}` : `${fixed(m?.muStar)}  ${fixed(m?.sigma)}`;
    return `  ${constant.padEnd(48)} ${figures}`;
  });
  process.stdout.write(
    [
      `${plan.scenario.name}: ${method} sensitivity over ${result.constants.length} constants, ${result.points} design points x ${result.replicatesPerPoint} replicate(s) x ${plan.scenario.cells.length} cells in ${(outcome.elapsedMs / 1000).toFixed(1)} s${outcome.resumed > 0 ? ` (${outcome.resumed} resumed)` : ""}`,
      `  output   ${out} (${files.join(", ")})`,
      ...(posterior === undefined ? [] : [`  posterior ${posterior.dir}: at its medians, fitted constants over their 90% intervals (posterior.json sha256 ${posterior.sha256})`]),
      "",
      `  ${result.sentence}`,
      "",
      `  ${focus.label}`,
      `  ${"constant".padEnd(48)} ${figure}`,
      ...rows,
      ...(result.ranking.length > SHOWN ? [`  ... ${result.ranking.length - SHOWN} more in sensitivity.csv`] : []),
      "",
    ].join("\n"),
  );
}

/** A sensitivity plan whose fitted constants are drawn over their posterior 90% intervals (`ranges`), not their table ranges. */
function withPosteriorRanges(plan: ScenarioPlan, ranges: ReadonlyMap<string, { low: number; high: number }> | undefined): ScenarioPlan {
  const design = plan.scenario.worlds;
  if (ranges === undefined || design === undefined) return plan;
  return withWorlds(plan, { ...design, constants: design.constants.map((c) => ({ ...c, ...ranges.get(c.path) })) }, plan.replicates);
}

function fixed(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "-" : value.toFixed(3);
}
