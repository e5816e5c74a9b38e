/**
 * yargs is lenient where a user slipped: a bare `--seed` or `--seed ""` gives "", `--seed --quiet`
 * gives "" too (and `--seed " "` is no more a value), a bare `--replicates` gives undefined (the file's value then runs unannounced),
 * `--replicates x` NaN and a repeated flag an array. A command's check refuses each of these,
 * naming the flag, before anything runs.
 */
import { errors, type Problem } from "../errors.js";

/**
 * A yargs check that every option in `options` (flags, shown as --name) and `positionals`
 * (shown as NAME) that was given has one non-empty value; throws errors.invalidInput (exit 2).
 */
export function valuesGiven(options: readonly string[], positionals: readonly string[] = []): (args: Record<string, unknown>) => true {
  return (args) => {
    const problems = [
      ...options.flatMap((name) => valueProblem(args, name, `--${name}`, `a value after --${name}`)),
      ...positionals.flatMap((name) => valueProblem(args, name, name.toUpperCase(), "a non-empty path")),
    ];
    if (problems.length > 0) throw errors.invalidInput("option", problems);
    return true;
  };
}

function valueProblem(args: Record<string, unknown>, name: string, shown: string, wanted: string): Problem[] {
  if (!Object.hasOwn(args, name)) return [];
  const value = args[name];
  if (Array.isArray(value)) return [{ path: shown, value, expected: `one value (${shown} was given ${value.length} times)` }];
  if (value === undefined || (typeof value === "string" && value.trim() === "") || typeof value === "boolean") return [{ path: shown, value, expected: wanted }];
  if (typeof value === "number" && Number.isNaN(value)) return [{ path: shown, value: typedText(name) ?? value, expected: "a number" }];
  return [];
}

/** What the user typed after `--name` (yargs hands a number option's "abc" over as NaN). */
function typedText(name: string): string | undefined {
  const words = process.argv.slice(2);
  const joined = words.find((word) => word.startsWith(`--${name}=`));
  if (joined !== undefined) return joined.slice(name.length + 3);
  const at = words.indexOf(`--${name}`);
  return at >= 0 ? words[at + 1] : undefined;
}
