/**
 * What `giftsim history` does: simulates replicate 0 of one arm of a scenario, exactly as
 * `giftsim run` would (the same seed, so `giftsim run --replicate 0` reproduces it), and writes
 * the creator's stream history as their dashboard would show it (src/history).
 */
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { errors } from "../errors.js";
import { DASHBOARD_UNITS, describeHistory, historyFromStreams, writeHistory } from "../history/index.js";
import { cellEconomy, replicateInput } from "../run/chunk.js";
import { workerContext } from "../run/run.js";
import { loadScenario } from "../scenario/index.js";
import { runReplicate } from "../sim/index.js";
import { historyChoices, type HistoryArgs } from "./history-args.js";
import { scenarioPath } from "./scenario-path.js";

/** Simulates and writes the history; prints where it went and what it holds. */
export function writeSimulatedHistory(args: HistoryArgs): void {
  const { metrics, unit } = historyChoices(args);
  const folder = dirname(args.out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw errors.invalidInput("option", [{ path: "--out", value: args.out, expected: `a file in an existing folder (${folder} is not one)` }]);
  if (existsSync(args.out) && statSync(args.out).isDirectory()) throw errors.invalidInput("option", [{ path: "--out", value: args.out, expected: "a file name (this is a folder)" }]);
  const plan = loadScenario(scenarioPath(args.scenario, "--scenario"), { seed: args.seed, replicates: 1 });
  const { scenario } = plan;
  if (scenario.sweep.length > 0) throw errors.invalidInput("option", [{ path: "--scenario", value: args.scenario, expected: "a scenario without a sweep (a history is one creator's streams)" }]);
  const arm = args.arm ?? scenario.base.arm;
  const cell = scenario.cells.find((c) => c.arm === arm);
  if (cell === undefined) throw errors.invalidInput("option", [{ path: "--arm", value: arm, expected: `one of the scenario's arms (${scenario.arms.map((a) => a.name).join(", ")})` }]);
  const context = workerContext(plan);
  const { config, seed } = replicateInput(context, cell.index, 0);
  const output = runReplicate(config, seed, { economy: cellEconomy(context, cell.index) });
  if (output.audit.state === "failed") throw errors.auditFailed(output.audit.failures);
  const history = historyFromStreams(output, config, {
    startDate: args["start-date"],
    creator: args.creator,
    unit: unit === undefined ? (DASHBOARD_UNITS[config.platform.preset] ?? "coins") : unit,
    metrics,
  });
  if (history.dates.length === 0) throw errors.invalidInput("option", [{ path: "--creator", value: args.creator, expected: "a creator who held at least one stream in the simulated horizon" }]);
  writeHistory(args.out, history);
  process.stdout.write(`wrote ${args.out}: ${describeHistory(history)}\n  from ${scenario.name}, arm ${arm}, seed ${plan.seed} (replicate 0)\n`);
}
