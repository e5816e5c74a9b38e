/**
 * The base of a scenario's comparisons: the arm and sweep point every other cell is measured
 * against. A file may name it (`base: qa`, `base: {economy.policy.creatorShareBps: 5000}`, or
 * both as `{arm: qa, <path>: value}`); by default it is the first arm at the point where each
 * swept parameter has the preset's own value (the first value when the preset's is not swept),
 * so "what if the share went from 50% to 60%" is measured from the 50% a platform has today.
 */
import type { Problem } from "../errors.js";
import { canonicalJson } from "./canonical.js";
import { isTree } from "./overrides.js";

/** The base cell of a plan: an arm name and a sweep point index (0 without a sweep). */
export interface BaseCell {
  arm: string;
  pointIndex: number;
}

/** A swept parameter as the base needs it: its values and the preset's own value there. */
export interface BaseAxis {
  path: string;
  values: readonly unknown[];
  /** The value the scenario has at this path before the sweep (undefined when it has none). */
  ownValue: unknown;
}

/**
 * The base cell for the file's `base` field (`raw`, undefined when absent), or the problems
 * with it. `arms` are the arm names in plan order ("base" for a scenario without arms).
 */
export function resolveBaseCell(raw: unknown, arms: readonly string[], axes: readonly BaseAxis[]): { base: BaseCell; problems: Problem[] } {
  const problems: Problem[] = [];
  const armList = arms.map((arm) => JSON.stringify(arm)).join(", ");
  const sweptList = axes.map((axis) => axis.path).join(", ");
  let arm = arms[0];
  const chosen = new Map<string, number>();
  const pickArm = (value: unknown, path: string) => {
    if (typeof value === "string" && arms.includes(value)) arm = value;
    else problems.push({ path, value, expected: `the name of an arm (${armList})` });
  };
  if (typeof raw === "string") pickArm(raw, "base");
  else if (isTree(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      if (key === "arm") {
        pickArm(value, "base.arm");
        continue;
      }
      const axis = axes.find((a) => a.path === key);
      if (axis === undefined) {
        problems.push({ path: `base.${key}`, value, expected: axes.length > 0 ? `"arm" or a swept path (${sweptList})` : `"arm" (the scenario sweeps nothing)` });
        continue;
      }
      const index = indexOfValue(axis.values, value);
      if (index < 0) problems.push({ path: `base.${key}`, value, expected: `one of the swept values (${axis.values.map((v) => JSON.stringify(v)).join(", ")})` });
      else chosen.set(key, index);
    }
  } else if (raw !== undefined) {
    problems.push({ path: "base", value: raw, expected: `an arm name, or an object of swept values such as {${axes[0]?.path ?? "arm"}: ...}` });
  }
  // Plan order: the first swept path varies slowest.
  let pointIndex = 0;
  for (const axis of axes) {
    const own = indexOfValue(axis.values, axis.ownValue);
    pointIndex = pointIndex * axis.values.length + (chosen.get(axis.path) ?? Math.max(0, own));
  }
  return { base: { arm, pointIndex }, problems };
}

function indexOfValue(values: readonly unknown[], value: unknown): number {
  if (value === undefined) return -1;
  const wanted = canonicalJson(value);
  return values.findIndex((candidate) => canonicalJson(candidate) === wanted);
}
