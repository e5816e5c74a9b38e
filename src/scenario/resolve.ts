/**
 * Turns a parsed scenario file into its plan: every (arm, sweep point) cell resolved to a full
 * SimConfig. Problems are collected, not thrown one by one, so a user fixes a file in one pass:
 * the scenario's own schema, then the base model and economy, then each cell, each problem
 * named by the field path the user wrote (a bad swept value points at its place in `sweep`).
 */
import { isDeepStrictEqual } from "node:util";
import { errors, formatPath, pathSegments, valueAt, type Problem } from "../errors.js";
import { PRESET_IDS, checkEconomy, loadEconomy, type Economy, type EconomyOverrides } from "../economy/index.js";
import { DEFAULT_SIM_CONFIG, METRIC_NAMES, type SimConfig } from "../sim/index.js";
import { canonicalJson, sha256 } from "./canonical.js";
import { resolveBaseCell, type BaseCell } from "./base-cell.js";
import { deepMerge, isTree, setPath, type Tree } from "./overrides.js";
import { polishProblems, schemaProblems } from "./problems.js";
import { resolveModel } from "./resolve-model.js";
import { uncertainConstants, type UncertainConstants, type WorldDesign } from "./uncertainty.js";
import { MAX_ARMS, MAX_PLAN_REPLICATES, MAX_REPLICATES, MAX_SWEEP_POINTS, economyOverridesSchema, scenarioFileSchema } from "./schema.js";

/** A named variant of the base scenario. */
export interface Arm {
  name: string;
  /** Free text from the file; reports must escape it. */
  label: string;
  /** The platform preset of the arm's cells: the arm's own `preset`, else the scenario's. */
  preset: string;
}

/** One swept parameter: a dotted path into the scenario-level economy or model, and its values. */
export interface SweepAxis {
  path: string;
  values: unknown[];
}

/** One (arm, sweep point) of the plan, fully resolved. */
export interface PlanCell {
  /** Position in plan order: arms outer, sweep points inner. */
  index: number;
  arm: string;
  pointIndex: number;
  /** The swept values of this point, by sweep path (empty without a sweep). */
  point: Record<string, unknown>;
  config: SimConfig;
}

/** A scenario with every default filled in and every cell resolved; what the scenario hash covers. */
export interface ResolvedScenario {
  name: string;
  description: string;
  question: string;
  /** The scenario's preset; an arm may replace it (Arm.preset). */
  preset: string;
  /** Metrics of interest, in the file's order. */
  metrics: string[];
  /**
   * The primary metric, one of `metrics`: the answer is about it, and its comparisons against the
   * base are not adjusted for multiplicity. How results are read, not what is simulated, so the
   * hash leaves it out.
   */
  primary: string;
  arms: Arm[];
  sweep: SweepAxis[];
  /** The cell every other is compared against; how results are read, not what is simulated, so the hash leaves it out. */
  base: BaseCell;
  cells: PlanCell[];
  /** How replicates draw the uncertain constants; absent when every replicate takes the stated values. */
  worlds?: WorldDesign;
}

/** What a run executes: the resolved scenario, its hash, and the run's seed and replicate count. */
export interface ScenarioPlan {
  file: string;
  scenario: ResolvedScenario;
  /** sha256 of the canonical resolved scenario; seed and replicate count are kept apart. */
  hash: string;
  seed: string;
  /** Replicates per cell. */
  replicates: number;
  /**
   * The validated price book of each cell, by cell index: what a worker compiles once instead of
   * loading and checking it again. Derived from each cell's `config.platform`, which the hash
   * covers, so it is kept out of the resolved scenario (and of manifests and checkpoints, where it
   * would repeat the whole book per cell).
   */
  economies: readonly Economy[];
  /**
   * The plausible worlds the file's `uncertainty` (or --uncertainty) asks for, run beside this
   * plan by worldsPlan; null when none. This plan itself runs at the stated values.
   */
  uncertainty: WorldDesign | null;
}

/** Command-line values that replace the file's. */
export interface PlanOptions {
  seed?: string;
  replicates?: number;
  /** --uncertainty: draw these constants in plausible worlds, whatever the file says. */
  uncertainty?: UncertainConstants;
}

/** An arm's parts that can be checked further; `preset` is undefined when the one it names (or inherits) is unknown. */
interface CheckableArm {
  name: string;
  preset: string | undefined;
  /** Whether the arm names its own preset. */
  ownPreset: boolean;
  economy: Tree;
  model: Tree;
}

/** The parts of a file that can be checked further even when other parts are wrong. */
interface Checkable {
  preset: string | undefined;
  economy: Tree;
  model: Tree;
  arms: CheckableArm[] | undefined;
  sweep: SweepAxis[];
}

/**
 * Validates and resolves a parsed scenario file; throws errors.invalidFile with every problem.
 * A part the scenario schema rejects is left out of the deeper checks, so the deeper checks
 * still run on everything else and one pass reports all of it.
 */
export function resolveScenario(file: string, raw: unknown, options: PlanOptions = {}): ScenarioPlan {
  const parsed = scenarioFileSchema.safeParse(raw, { reportInput: true });
  const problems: Problem[] = parsed.success ? [] : schemaProblems(scenarioFileSchema, parsed.error.issues, raw);
  const fileReplicates = isTree(raw) && typeof raw.replicates === "number" ? raw.replicates : undefined;
  if (options.replicates !== undefined) problems.push(...replicateCountProblems("--replicates", options.replicates));
  else if (fileReplicates !== undefined) problems.push(...replicateCountProblems("replicates", fileReplicates));
  const replicates = options.replicates ?? fileReplicates ?? 1;

  const input = checkable(raw);
  problems.push(...shapeProblems(raw, input, replicates));
  if (problems.some((p) => p.path === "sweep" || p.path === "arms")) throw errors.invalidFile(file, finish(problems));

  const base = { economy: input.preset === undefined ? {} : input.economy, model: input.model };
  const baseCell = resolveCell(input.preset ?? PRESET_IDS[0], base, { economy: "economy", model: "model" });
  problems.push(...baseCell.problems);
  const { cells, economies } = baseCell.problems.length === 0 ? resolveCells(input, base, problems) : { cells: [], economies: [] };
  const comparedTo = resolveBaseCell(
    isTree(raw) ? raw.base : undefined,
    input.arms?.map((arm) => arm.name) ?? ["base"],
    input.sweep.map((axis) => ({ ...axis, ownValue: baseCell.config === undefined ? undefined : ownValue(input.preset ?? PRESET_IDS[0], base.economy, baseCell.config, axis.path) })),
  );
  problems.push(...comparedTo.problems);
  problems.push(...primaryProblems(raw));
  const uncertainty = uncertaintyOf(raw, options, cells, problems);
  if (problems.length > 0 || !parsed.success) throw errors.invalidFile(file, finish(problems));

  const scenario = parsed.data;
  const arms: Arm[] = scenario.arms?.map((arm) => ({ name: arm.name, label: arm.label ?? arm.name, preset: arm.preset ?? scenario.preset })) ?? [
    { name: "base", label: "base", preset: scenario.preset },
  ];
  // Without `metrics`, a named primary is the one metric of interest.
  const metrics = scenario.metrics ?? [scenario.primary ?? (METRIC_NAMES.includes("coinsPerLiveHour") ? "coinsPerLiveHour" : METRIC_NAMES[0])];
  const resolved: ResolvedScenario = {
    name: scenario.name,
    description: scenario.description ?? "",
    question: scenario.question,
    preset: scenario.preset,
    metrics,
    primary: scenario.primary ?? metrics[0],
    arms,
    sweep: input.sweep,
    base: comparedTo.base,
    cells,
  };
  return {
    file,
    scenario: resolved,
    hash: scenarioHash(resolved),
    seed: options.seed ?? String(scenario.seed),
    replicates,
    economies,
    uncertainty,
  };
}

/** The hash of a resolved scenario: what a run's results are a function of, with its seed and replicate count. */
export function scenarioHash(resolved: ResolvedScenario): string {
  // The base and the primary metric only change how results are compared: a run re-reported from another is the same run.
  return sha256(canonicalJson({ ...resolved, base: undefined, primary: undefined, cells: resolved.cells.map(hashedCell) }));
}

/**
 * A cell as its hash sees it: the `audience` group (many creators sharing audiences) is left out
 * while it holds its defaults, so that every world that does not use it keeps the seeds, and so
 * the results, it had before the group existed.
 */
function hashedCell(cell: PlanCell): PlanCell {
  if (!isDeepStrictEqual(cell.config.audience, DEFAULT_SIM_CONFIG.audience)) return cell;
  const { audience: _atDefaults, ...config } = cell.config;
  return { ...cell, config: config as SimConfig };
}

/** `plan` with its replicates drawn in `worlds` instead of at the stated values (a plan of its own, with its own hash). */
export function withWorlds(plan: ScenarioPlan, worlds: WorldDesign, replicates = plan.replicates): ScenarioPlan {
  const scenario = { ...plan.scenario, worlds };
  return { ...plan, scenario, hash: scenarioHash(scenario), replicates, uncertainty: null };
}

/** The plausible-worlds plan beside `plan`, or null when it asks for none. */
export function worldsPlan(plan: ScenarioPlan): ScenarioPlan | null {
  return plan.uncertainty === null ? null : withWorlds(plan, plan.uncertainty);
}

/** The plausible worlds the flag or the file asks for (the flag wins), problems added to `problems`. */
function uncertaintyOf(raw: unknown, options: PlanOptions, cells: readonly PlanCell[], problems: Problem[]): WorldDesign | null {
  const fromFile = isTree(raw) && isTree(raw.uncertainty) ? raw.uncertainty.constants : undefined;
  const wanted = options.uncertainty ?? (fromFile === "all" || (Array.isArray(fromFile) && fromFile.every((p) => typeof p === "string")) ? (fromFile as UncertainConstants) : undefined);
  if (wanted === undefined || cells.length === 0) return null;
  const field = options.uncertainty === undefined ? "uncertainty.constants" : "--uncertainty";
  const chosen = uncertainConstants(wanted, cells.map((cell) => cell.config), field);
  problems.push(...chosen.problems);
  if (chosen.problems.length === 0 && chosen.constants.length === 0) problems.push({ path: field, value: wanted === "all" ? "all" : wanted.join(","), expected: "at least one constant the arms and the sweep leave alone" });
  return { kind: "plausible", constants: chosen.constants };
}

/**
 * Every (arm, sweep point) laid on `base` and resolved on the arm's preset, in plan order, with
 * its validated economy; problems are added to `problems`.
 */
function resolveCells(input: Checkable, base: { economy: Tree; model: Tree }, problems: Problem[]): { cells: PlanCell[]; economies: Economy[] } {
  const cells: PlanCell[] = [];
  const economies: Economy[] = [];
  const points = sweepPoints(input.sweep);
  (input.arms ?? [undefined]).forEach((arm, armIndex) => {
    const prefix = arm === undefined ? { economy: "economy", model: "model" } : { economy: `arms[${armIndex}].economy`, model: `arms[${armIndex}].model` };
    // An unknown preset is reported by the schema; its economy cannot be checked.
    const preset = arm === undefined ? input.preset : arm.preset;
    points.forEach((point, pointIndex) => {
      let overrides = base;
      for (const [path, valueIndex] of point) {
        const [domain, ...tail] = path.split(".") as ["economy" | "model", ...string[]];
        overrides = { ...overrides, [domain]: setPath(overrides[domain], tail, sweepValue(input.sweep, path, valueIndex)) };
      }
      const layered = {
        economy: preset === undefined ? {} : (deepMerge(overrides.economy, arm?.economy ?? {}) as Tree),
        model: deepMerge(overrides.model, arm?.model ?? {}) as Tree,
      };
      const cell = resolveCell(preset ?? PRESET_IDS[0], layered, prefix);
      problems.push(...cell.problems.map((problem) => attributeToSource(problem, prefix, point, input, armIndex)));
      if (cell.config === undefined || cell.economy === undefined) return;
      economies.push(cell.economy);
      cells.push({
        index: cells.length,
        arm: arm?.name ?? "base",
        pointIndex,
        point: Object.fromEntries(point.map(([path, valueIndex]) => [path, sweepValue(input.sweep, path, valueIndex)])),
        config: cell.config,
      });
    });
  });
  return { cells, economies };
}

/** The value a swept path has before the sweep: the preset's (with the scenario's overrides) or the model's. */
function ownValue(preset: string, economy: Tree, config: SimConfig, path: string): unknown {
  const [domain, ...tail] = path.split(".");
  return valueAt(domain === "economy" ? loadEconomy(preset, economy as EconomyOverrides) : config, tail);
}

/** Problems deduplicated and made readable. */
function finish(problems: Problem[]): Problem[] {
  return dedupe(polishProblems(problems));
}

function checkable(raw: unknown): Checkable {
  const tree = isTree(raw) ? raw : {};
  const model = (value: unknown): Tree => (isTree(value) && !("platform" in value) ? value : {});
  const economy = (value: unknown): Tree => (isTree(value) && economyOverridesSchema.safeParse(value).success ? value : {});
  const known = (value: unknown): string | undefined => ((PRESET_IDS as readonly unknown[]).includes(value) ? (value as string) : undefined);
  const sweep = scenarioFileSchema.shape.sweep.safeParse(tree.sweep);
  const preset = known(tree.preset);
  return {
    preset,
    economy: economy(tree.economy),
    model: model(tree.model),
    arms: Array.isArray(tree.arms) && tree.arms.length > 0
      ? tree.arms.map((arm: unknown, i): CheckableArm => {
          const ownPreset = isTree(arm) && arm.preset !== undefined;
          return {
            name: isTree(arm) && typeof arm.name === "string" ? arm.name : `arms[${i}]`,
            preset: ownPreset ? known(arm.preset) : preset,
            ownPreset,
            economy: isTree(arm) ? economy(arm.economy) : {},
            model: isTree(arm) ? model(arm.model) : {},
          };
        })
      : undefined,
    sweep: sweep.success ? Object.entries(sweep.data ?? {}).map(([path, values]) => ({ path, values })) : [],
  };
}

/** A `primary` that names a metric the file's `metrics` leave out (an unknown name is the schema's to report). */
function primaryProblems(raw: unknown): Problem[] {
  if (!isTree(raw) || typeof raw.primary !== "string" || !Array.isArray(raw.metrics)) return [];
  const { primary, metrics } = raw;
  if (!(METRIC_NAMES as readonly string[]).includes(primary) || metrics.includes(primary)) return [];
  return [{ path: "primary", value: primary, expected: `one of the scenario's metrics (${metrics.map((m) => JSON.stringify(m)).join(", ")}), or no primary for the first of them` }];
}

function replicateCountProblems(path: string, replicates: number): Problem[] {
  if (!Number.isInteger(replicates) || replicates < 1) return [{ path, value: replicates, expected: "an integer at least 1" }];
  if (replicates > MAX_REPLICATES) {
    return [{ path, value: replicates, expected: `at most ${MAX_REPLICATES} replicates per arm and sweep point (fan a larger study out with --shard)` }];
  }
  return [];
}

/** Rules across fields: unique arm names, plan size, arms not fighting the sweep. */
function shapeProblems(raw: unknown, input: Checkable, replicates: number): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const rawArms = isTree(raw) && Array.isArray(raw.arms) ? (raw.arms as unknown[]) : [];
  rawArms.forEach((arm, i) => {
    const name = isTree(arm) ? arm.name : undefined;
    if (typeof name === "string" && seen.has(name)) problems.push({ path: `arms[${i}].name`, value: name, expected: "a name no other arm has" });
    if (typeof name === "string") seen.add(name);
    for (const axis of input.sweep) {
      const [domain, ...tail] = axis.path.split(".") as ["economy" | "model", ...string[]];
      const value = isTree(arm) ? valueAt(arm[domain], tail) : undefined;
      if (value !== undefined) {
        problems.push({ path: `arms[${i}].${axis.path}`, value, expected: `no value here: ${axis.path} is swept (sweep values apply to every arm)` });
      }
    }
  });
  const arms = Math.max(1, rawArms.length);
  if (arms > MAX_ARMS) problems.push({ path: "arms", value: `${arms} arms`, expected: `at most ${MAX_ARMS} arms` });
  const points = input.sweep.reduce((product, axis) => product * axis.values.length, 1);
  if (points > MAX_SWEEP_POINTS) problems.push({ path: "sweep", value: `${points} points`, expected: `at most ${MAX_SWEEP_POINTS} sweep points (the product of the value lists)` });
  else if (replicates <= MAX_REPLICATES && arms * points * replicates > MAX_PLAN_REPLICATES) {
    problems.push({
      path: "replicates",
      value: `${arms} arms x ${points} points x ${replicates} replicates = ${arms * points * replicates}`,
      expected: `at most ${MAX_PLAN_REPLICATES} replicates in one plan (fan a larger study out with --shard)`,
    });
  }
  return problems;
}

/** The grid in plan order (first sweep path slowest): each point as [path, value index] pairs. */
function sweepPoints(sweep: SweepAxis[]): Array<Array<[string, number]>> {
  let points: Array<Array<[string, number]>> = [[]];
  for (const axis of sweep) points = points.flatMap((point) => axis.values.map((_, i): Array<[string, number]> => [...point, [axis.path, i]]));
  return points;
}

function sweepValue(sweep: SweepAxis[], path: string, valueIndex: number): unknown {
  return sweep.find((axis) => axis.path === path)?.values[valueIndex];
}

interface CellResult {
  config?: SimConfig;
  economy?: Economy;
  problems: Problem[];
}

/**
 * Resolves one economy + model pair; problems carry the given path prefixes. The economy is
 * checked once: a bad one is reported at `prefix.economy`, and the model is still checked,
 * against the preset's own book, so one pass reports both.
 */
function resolveCell(preset: string, overrides: { economy: Tree; model: Tree }, prefix: { economy: string; model: string }): CellResult {
  const book = checkEconomy(preset, overrides.economy as EconomyOverrides);
  const economyProblems = book.kind === "valid" ? [] : book.problems.map((problem) => ({ ...problem, path: formatPath([problem.path], prefix.economy) }));
  const platform = { preset, overrides: book.kind === "valid" ? overrides.economy : {} };
  const model = resolveModel({ ...overrides.model, platform }, prefix.model, book.kind === "valid" ? book.economy : undefined);
  if (model.kind === "resolved") return book.kind === "valid" ? { config: model.config, economy: book.economy, problems: [] } : { problems: economyProblems };
  return { problems: [...economyProblems, ...(model.kind === "invalid" ? model.problems : [model.problem])] };
}

/**
 * Points a cell's problem at what the user wrote: a swept value in `sweep`, and a scenario-level
 * economy figure that the arm's own preset rejects at `economy`, saying which arm's preset.
 */
function attributeToSource(problem: Problem, prefix: { economy: string; model: string }, point: Array<[string, number]>, input: Checkable, armIndex: number): Problem {
  const arm = input.arms?.[armIndex];
  const swept = attributeToSweep(problem, prefix, point);
  let attributed = swept;
  if (swept === problem && arm !== undefined && problem.path.startsWith(`${prefix.economy}.`)) {
    const tail = problem.path.slice(prefix.economy.length + 1);
    if (valueAt(arm.economy, pathSegments(tail)) === undefined && valueAt(input.economy, pathSegments(tail)) !== undefined) attributed = { ...problem, path: `economy.${tail}` };
  }
  if (attributed === problem || arm === undefined || !arm.ownPreset) return attributed;
  return { ...attributed, expected: `${attributed.expected} (with arms[${armIndex}].preset ${JSON.stringify(arm.preset)})` };
}

/** A problem at a swept path is the swept value's fault: point at it in `sweep`. */
function attributeToSweep(problem: Problem, prefix: { economy: string; model: string }, point: Array<[string, number]>): Problem {
  for (const [path, valueIndex] of point) {
    const [domain, ...tail] = path.split(".") as ["economy" | "model", ...string[]];
    const at = `${prefix[domain]}.${tail.join(".")}`;
    if (problem.path === at || problem.path.startsWith(`${at}.`) || problem.path.startsWith(`${at}[`)) {
      return { ...problem, path: `sweep.${path}[${valueIndex}]${problem.path.slice(at.length)}` };
    }
  }
  return problem;
}

/** One problem per field: the first found (a value can break several rules of one field; one line says it). */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    if (seen.has(problem.path)) return false;
    seen.add(problem.path);
    return true;
  });
}
