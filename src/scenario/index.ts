export { loadScenario } from "./load.js";
export { readScenarioFile } from "./read-file.js";
export { resolveScenario } from "./resolve.js";
export type { Arm, PlanCell, PlanOptions, ResolvedScenario, ScenarioPlan, SweepAxis } from "./resolve.js";
export { builtinScenarioDir, listScenarios } from "./builtins.js";
export type { BuiltinScenario } from "./builtins.js";
export { canonicalJson, sha256 } from "./canonical.js";
export { MAX_ARMS, MAX_PLAN_REPLICATES, MAX_REPLICATES, MAX_SWEEP_POINTS, scenarioFileSchema } from "./schema.js";
export type { ScenarioFile } from "./schema.js";
