/**
 * The built-in scenarios shipped in scenarios/: each file is a question a user asks. Listing
 * them resolves each one, so a built-in that no longer validates shows up as broken.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { GiftsimError } from "../errors.js";
import { installPath } from "../install.js";
import { loadScenario } from "./load.js";

/** One built-in scenario as listed by `giftsim scenarios`. */
export type BuiltinScenario =
  | { state: "valid"; file: string; name: string; question: string; cells: number; replicates: number }
  | { state: "invalid"; file: string; problems: string };

/** The scenarios/ folder of this installation. */
export function builtinScenarioDir(): string {
  return installPath("scenarios");
}

/** Every *.yaml, *.yml and *.json file in `dir`, sorted by file name, resolved. */
export function listScenarios(dir = builtinScenarioDir()): BuiltinScenario[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      try {
        const plan = loadScenario(file);
        return { state: "valid", file, name: plan.scenario.name, question: plan.scenario.question, cells: plan.scenario.cells.length, replicates: plan.replicates };
      } catch (error) {
        if (!(error instanceof GiftsimError)) throw error;
        return { state: "invalid", file, problems: error.message };
      }
    });
}
