/**
 * giftsim as a library. The root offers a study end to end (load a scenario, run it, report on
 * it) and each layer as a namespace; the same layers are also their own entry points
 * (`giftsim/core`, `giftsim/economy`, ...), which is what most users want: the ledger alone
 * does not need the simulator or the report renderer.
 */
export { builtinScenarioDir, listScenarios, loadScenario } from "./scenario/index.js";
export type { ScenarioPlan } from "./scenario/index.js";
export { giftsimVersion, mergeRuns, runPlan, runSingleReplicate } from "./run/index.js";
export type { Manifest, RunOptions, RunOutcome, Summary } from "./run/index.js";
export { writeReport } from "./report/index.js";
export type { WriteReportOptions, WrittenReport } from "./report/index.js";

export * as economy from "./economy/index.js";
export * as core from "./core/index.js";
export * as sim from "./sim/index.js";
export * as scenario from "./scenario/index.js";
export * as run from "./run/index.js";
export * as history from "./history/index.js";
export * as fit from "./fit/index.js";
export * as stats from "./stats/index.js";
export * as report from "./report/index.js";
export * as load from "./load/index.js";
export * as serve from "./serve/index.js";
