/**
 * Polishing of problems before a user reads them: an unknown key becomes a problem at that key
 * naming the keys allowed there (not a dump of its parent object), and a long list of allowed
 * values is cut to a few names plus the closest match to what was written.
 */
import type { z } from "zod";
import { formatPath, problemsFromZod, valueAt, type Problem } from "../errors.js";

const UNKNOWN_KEYS = /^no unknown keys \(remove (.+)\)$/;
const KNOWN_KEYS = /^no such key \(known here: (.+)\)$/;
const ONE_OF = /^one of (.+)$/;
const LONG_LIST = 8;

/** Zod's problems for `root` checked against `schema`, each unknown key its own problem listing the known ones. */
export function schemaProblems(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], root: unknown): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "unrecognized_keys") return problemsFromZod([issue], root);
    const parent = valueAt(root, issue.path);
    const known = keysAt(schema, issue.path);
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      value: (parent as Record<string, unknown>)[key],
      expected: known === undefined ? "no such key" : `no such key (known here: ${known.join(", ")})`,
    }));
  });
}

/** The keys an object schema allows at `path`, looking through optional, array and record. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let node = schema._zod.def as { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType };
  const unwrap = () => {
    while ((node.type === "optional" || node.type === "nullable" || node.type === "default") && node.innerType) node = node.innerType._zod.def as typeof node;
  };
  for (const key of path) {
    unwrap();
    const next = node.type === "object" ? node.shape?.[String(key)] : node.type === "array" ? node.element : node.type === "record" ? node.valueType : undefined;
    if (next === undefined) return undefined;
    node = next._zod.def as typeof node;
  }
  unwrap();
  return node.type === "object" && node.shape ? Object.keys(node.shape) : undefined;
}

/** The problems with unknown-key problems split per key and long value lists shortened. */
export function polishProblems(problems: readonly Problem[]): Problem[] {
  return problems.flatMap((problem): Problem[] => {
    const unknown = UNKNOWN_KEYS.exec(problem.expected);
    if (unknown) {
      const parent = problem.value !== null && typeof problem.value === "object" ? (problem.value as Record<string, unknown>) : {};
      return unknown[1].split(", ").map((key) => ({
        path: [problem.path, key].filter((p) => p !== "").join("."),
        value: parent[key],
        expected: "no such key",
      }));
    }
    const known = KNOWN_KEYS.exec(problem.expected);
    if (known) {
      const key = problem.path.split(/[.[]/).pop() ?? "";
      const closest = closestTo(key, known[1].split(", "));
      if (closest !== undefined) return [{ ...problem, expected: `no such key (did you mean ${JSON.stringify(closest)}? known here: ${known[1]})` }];
    }
    const oneOf = ONE_OF.exec(problem.expected);
    if (oneOf) {
      const values = oneOf[1].split(", ");
      if (values.length > LONG_LIST) {
        const closest = typeof problem.value === "string" ? closestTo(problem.value, values.map((v) => v.replace(/^"|"$/g, ""))) : undefined;
        const hint = closest === undefined ? "" : `; closest: ${JSON.stringify(closest)}`;
        return [{ ...problem, expected: `one of ${values.length} names such as ${values.slice(0, 4).join(", ")}${hint}` }];
      }
    }
    return [problem];
  });
}

function closestTo(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
