/** A scenario named on the command line by its file or by a built-in's name. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { errors } from "../errors.js";
import { builtinScenarioDir } from "../scenario/index.js";

/** The file `value` names: itself when it exists, else the built-in scenario of that name (with or without .yaml). */
export function scenarioPath(value: string, flag: string): string {
  if (existsSync(value)) return value;
  const dir = builtinScenarioDir();
  const builtin = [value, `${value}.yaml`].map((name) => join(dir, name)).find((file) => /\.(ya?ml|json)$/.test(file) && existsSync(file));
  if (builtin !== undefined) return builtin;
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".yaml")).map((name) => name.replace(/\.yaml$/, "")) : [];
  throw errors.invalidInput("option", [{ path: flag, value, expected: `a scenario file or a built-in scenario's name (${names.join(", ")})` }]);
}
