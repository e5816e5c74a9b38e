/**
 * Every error a user can see is made here, by a named factory with a stable code, so each
 * message can be found and tested. Exit codes follow the CLI contract: 1 for a failed run
 * (audit, threshold, crashed replicate), 2 for bad input.
 */
import type { z } from "zod";

export type ErrorCode =
  | "INVALID_INPUT"
  | "INVALID_FILE"
  | "TOO_LARGE"
  | "UNKNOWN_PRESET"
  | "AUDIT_FAILED"
  | "REPLICATE_FAILED"
  | "THRESHOLD_FAILED"
  | "MERGE_MISMATCH"
  | "OUTPUT_EXISTS";

/** One thing wrong with an input: where, what it was, what was expected. */
export interface Problem {
  path: string;
  value: unknown;
  expected: string;
}

export class GiftsimError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: 1 | 2,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = "GiftsimError";
  }
}

/** Renders a value for a one-line message without dumping whole objects. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function formatProblem(problem: Problem): string {
  return `${problem.path || "(root)"}: got ${describeValue(problem.value)}, expected ${problem.expected}`;
}

/** Turns zod issues into problems that name the field path, the value and what was expected. */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[], root: unknown, prefix = ""): Problem[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p)))]
      .filter((p) => p !== "")
      .join(".")
      .replace(/\.\[/g, "[");
    const value = "input" in issue && issue.input !== undefined ? issue.input : valueAt(root, issue.path);
    return { path, value, expected: expectedFromIssue(issue) };
  });
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function expectedFromIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `a ${issue.expected}`;
    case "too_small":
      return issue.origin === "array" || issue.origin === "string"
        ? `at least ${String(issue.minimum)} ${issue.origin === "array" ? "items" : "characters"}`
        : `a number ${issue.inclusive ? ">=" : ">"} ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "array" || issue.origin === "string"
        ? `at most ${String(issue.maximum)} ${issue.origin === "array" ? "items" : "characters"}`
        : `a number ${issue.inclusive ? "<=" : "<"} ${String(issue.maximum)}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `no unknown keys (remove ${issue.keys.join(", ")})`;
    case "invalid_format":
      return issue.message.startsWith("Invalid") ? `a ${issue.format} string` : issue.message;
    case "not_multiple_of":
      return `a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
      return "one of the allowed forms";
    default:
      return issue.message;
  }
}

export const errors = {
  invalidInput: (what: string, problems: Problem[]) =>
    new GiftsimError("INVALID_INPUT", `invalid ${what}:\n${problems.map(formatProblem).join("\n")}`, 2, problems),
  invalidFile: (file: string, problems: Problem[]) =>
    new GiftsimError("INVALID_FILE", `${file}:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`, 2, problems),
  unreadableFile: (file: string, reason: string) =>
    new GiftsimError("INVALID_FILE", `${file}: ${reason}`, 2, [{ path: "(file)", value: file, expected: reason }]),
  tooLarge: (path: string, value: number, limit: number, why: string) =>
    new GiftsimError("TOO_LARGE", `${path}: got ${value}, expected at most ${limit} (${why})`, 2, [
      { path, value, expected: `at most ${limit}` },
    ]),
  unknownPreset: (id: string, known: readonly string[]) =>
    new GiftsimError("UNKNOWN_PRESET", `preset: got ${JSON.stringify(id)}, expected one of ${known.join(", ")}`, 2, [
      { path: "preset", value: id, expected: `one of ${known.join(", ")}` },
    ]),
  auditFailed: (failures: string[]) =>
    new GiftsimError("AUDIT_FAILED", `ledger audit failed:\n${failures.map((f) => `  ${f}`).join("\n")}`, 1),
  replicateFailed: (label: string, seed: string, reason: string) =>
    new GiftsimError("REPLICATE_FAILED", `replicate ${label} (seed ${seed}) failed: ${reason}`, 1),
  thresholdFailed: (broken: string[]) =>
    new GiftsimError("THRESHOLD_FAILED", `thresholds broken: ${broken.join("; ")}`, 1),
  mergeMismatch: (field: string, a: string, b: string) =>
    new GiftsimError("MERGE_MISMATCH", `cannot merge: ${field} differs (${a} vs ${b})`, 2, [
      { path: field, value: b, expected: a },
    ]),
  outputExists: (dir: string) =>
    new GiftsimError("OUTPUT_EXISTS", `${dir} already holds a finished run; pass --resume to continue or choose another --out`, 2),
};
