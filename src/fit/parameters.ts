/**
 * What a calibration can fit: every behavioural constant of the model's table (its range is
 * the prior, uniform, as plausible worlds draw it) and the audience's size, which the table
 * leaves out because a study sets it (population.poolSize, population.initialFollowers): a
 * creator's history is exactly what tells it. Sizes span orders of magnitude between creators,
 * so their priors are uniform on a log scale. The sampler works on each parameter's own scale
 * (log for the sizes), where its prior is uniform over a box.
 */
import { errors, type Problem } from "../errors.js";
import { MODEL_CONSTANTS, maxInitialFollowers, type SimConfig, withConstant } from "../sim/index.js";

/** One fitted parameter: its config path and prior. */
export interface FitParameter {
  path: string;
  /** Prior range on the value's scale. */
  low: number;
  high: number;
  /** Uniform on log(value) rather than on the value. */
  log: boolean;
  /** Whole numbers only: rounded when laid on a config. */
  integer: boolean;
  /** Why this prior: the constant table's source, or the assumption behind an audience size. */
  why: string;
}

/** The audience sizes a calibration may fit beside the constants, with their priors. */
export const AUDIENCE_PARAMETERS: readonly FitParameter[] = [
  {
    path: "population.initialFollowers",
    low: 200,
    high: 10_000,
    log: true,
    integer: true,
    why: "assumption: followers at the history's first stream, from a small creator (200) to a large mid-size one (10,000, half the default pool: the model seeds at most half the pool as followers); the default study's 1,500 sits inside",
  },
  {
    path: "population.poolSize",
    low: 5_000,
    high: 100_000,
    log: true,
    integer: true,
    why: "assumption: viewers who could ever find this creator; a quarter to five times the default 20,000 (a simulation's cost grows with it)",
  },
];

/**
 * The default parameters: the audience's size (followers, discovery), how many of them come
 * back (attendance intercept), how many gift and how much (payer share, budget median, gift
 * rate) and how many newcomers follow: each moves a column of a creator's dashboard.
 */
export const DEFAULT_FIT_PARAMETERS: readonly string[] = [
  "population.initialFollowers",
  "discovery.arrivalsPerHour",
  "attendance.intercept",
  "discovery.followProbability",
  "population.payerShare",
  "population.budget.medianUsd",
  "gifting.baseRatePerHour",
];

/** Every parameter a calibration can fit, by path. */
export function fittableParameters(): FitParameter[] {
  return [
    ...AUDIENCE_PARAMETERS,
    ...MODEL_CONSTANTS.map((c) => ({ path: c.path, low: c.range[0], high: c.range[1], log: false, integer: c.integer, why: c.source.kind === "assumption" ? `assumption: ${c.source.why}` : c.source.kind === "tuned" ? `tuned: ${c.source.how}` : `source: ${c.source.quote.text}` })),
  ];
}

/** The parameters `names` asks for (default: DEFAULT_FIT_PARAMETERS), or the problems at `field`: an unknown name, one named twice. */
export function fitParameters(names: readonly string[] | undefined, field: string): { parameters: FitParameter[]; problems: Problem[] } {
  const known = fittableParameters();
  const wanted = names ?? DEFAULT_FIT_PARAMETERS;
  const problems: Problem[] = [];
  const parameters: FitParameter[] = [];
  wanted.forEach((name, i) => {
    const parameter = known.find((p) => p.path === name);
    if (parameter === undefined) problems.push({ path: `${field}[${i}]`, value: name, expected: `a fittable parameter, one of: ${known.map((p) => p.path).join(", ")}` });
    else if (parameters.includes(parameter)) problems.push({ path: `${field}[${i}]`, value: name, expected: "each parameter once" });
    else parameters.push(parameter);
  });
  if (wanted.length === 0) problems.push({ path: field, value: "", expected: "at least one parameter" });
  return { parameters, problems };
}

/**
 * `parameters` as a fit of `config` can use them: the simulator seeds at most
 * maxInitialFollowers(poolSize) followers (half the pool), so a follower count above that is
 * the cap again, indistinguishable in any history, and a prior reaching past it would give
 * the cap's likelihood to a hollow range. With the pool fixed by the scenario (not fitted),
 * population.initialFollowers' prior ends at the cap; with the pool fitted too, the box keeps
 * the whole range and the prior is the box cut to followers <= half the particle's pool: a
 * proposal outside it is rejected (feasibleFollowers, as a failed simulation). Throws an input
 * error (exit 2) when the cap lies below the prior's lower end.
 */
export function withinPool(parameters: readonly FitParameter[], config: SimConfig): FitParameter[] {
  if (parameters.some((p) => p.path === "population.poolSize")) return [...parameters];
  const cap = maxInitialFollowers(config.population.poolSize);
  return parameters.map((p) => {
    if (p.path !== "population.initialFollowers" || p.high <= cap) return p;
    if (cap < p.low) throw errors.invalidInput("option", [{ path: "--params", value: p.path, expected: `a parameter whose prior (${p.low} to ${p.high}) reaches below the scenario's cap of ${cap} followers (half its population.poolSize ${config.population.poolSize})` }]);
    return { ...p, high: cap, why: `${p.why}; cut here to ${cap}, half the scenario's pool of ${config.population.poolSize}, the most followers the model seeds` };
  });
}

/** Why `config` is outside a fit's prior (followers past half the pool, see withinPool), or "" when it is inside. */
export function feasibleFollowers(config: SimConfig): string {
  const cap = maxInitialFollowers(config.population.poolSize);
  return config.population.initialFollowers > cap ? `population.initialFollowers ${config.population.initialFollowers} above half of population.poolSize ${config.population.poolSize} (${cap}): outside the prior` : "";
}

/** The sampler's box for `parameters`: each prior range on its own scale. */
export function priorBox(parameters: readonly FitParameter[]): { low: number[]; high: number[] } {
  return { low: parameters.map((p) => onScale(p, p.low)), high: parameters.map((p) => onScale(p, p.high)) };
}

/** A value on the sampler's scale. */
export function onScale(parameter: FitParameter, value: number): number {
  return parameter.log ? Math.log(value) : value;
}

/** A sampler coordinate as the parameter's value (rounded for whole numbers, kept in range). */
export function fromScale(parameter: FitParameter, x: number): number {
  const value = parameter.log ? Math.exp(x) : x;
  const inRange = Math.min(parameter.high, Math.max(parameter.low, value));
  return parameter.integer ? Math.round(inRange) : inRange;
}

/** `config` with `parameters` set to the sampler coordinates `x`. */
export function withParameters(config: SimConfig, parameters: readonly FitParameter[], x: ArrayLike<number>): SimConfig {
  let fitted = config;
  parameters.forEach((parameter, j) => {
    fitted = withConstant(fitted, parameter.path, fromScale(parameter, x[j]));
  });
  return fitted;
}
