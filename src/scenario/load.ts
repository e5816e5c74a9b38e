import { readScenarioFile } from "./read-file.js";
import { resolveScenario, type PlanOptions, type ScenarioPlan } from "./resolve.js";

/**
 * Reads, validates and resolves a scenario file into the plan a run executes. A bad file
 * throws a GiftsimError (exit 2) listing every problem by field path, value and expectation.
 */
export function loadScenario(file: string, options: PlanOptions = {}): ScenarioPlan {
  return resolveScenario(file, readScenarioFile(file), options);
}
