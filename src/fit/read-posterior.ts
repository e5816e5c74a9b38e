/**
 * A calibration folder read back for `giftsim run --posterior` and `giftsim sensitivity
 * --posterior`: posterior.json checked against the sha256 the folder's manifest records (a
 * truncated or edited file is refused as corrupt) and against its own shape, then turned into
 * the plan's worlds (run: each replicate in a particle drawn by weight) or into this creator's
 * base point and ranges (sensitivity). Every refusal is an input error (exit 2) naming
 * --posterior, the value and what was expected.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { errors, type Problem } from "../errors.js";
import { scenarioHash, withWorlds, type ScenarioPlan, type WorldDesign } from "../scenario/index.js";
import { constantAt, maxInitialFollowers, withConstant, type SimConfig } from "../sim/index.js";
import { FIT_MANIFEST } from "./fit-checkpoint.js";
import { POSTERIOR_JSON, type PosteriorFile } from "./fit-outputs.js";

const posteriorSchema = z.strictObject({
  format: z.literal("giftsim-posterior/1"),
  history: z.string(),
  scenario: z.string(),
  arm: z.string(),
  parameters: z
    .array(z.strictObject({ parameter: z.string(), priorLow: z.number(), priorHigh: z.number(), scale: z.enum(["linear", "log"]), mean: z.number(), median: z.number(), q05: z.number(), q95: z.number(), shrinkage: z.number(), integer: z.boolean() }))
    .min(1),
  particles: z.object({ values: z.array(z.number()), weights: z.array(z.number().nonnegative()).min(1) }),
  verdict: z.enum(["reproduces", "cannot reproduce"]),
});

/** A posterior as a study uses it. */
export type Posterior = PosteriorFile & { sha256: string; dir: string };

function refuse(dir: string, expected: string): never {
  throw errors.invalidInput("option", [{ path: "--posterior", value: dir, expected }]);
}

/** Reads and checks the calibration folder `dir`. */
export function readPosterior(dir: string): Posterior {
  const manifestFile = join(dir, FIT_MANIFEST);
  const file = join(dir, POSTERIOR_JSON);
  if (!existsSync(manifestFile) || !existsSync(file)) refuse(dir, `a finished calibration folder (giftsim calibrate --out), with ${FIT_MANIFEST} and ${POSTERIOR_JSON}`);
  let recorded: unknown;
  try {
    recorded = (JSON.parse(readFileSync(manifestFile, "utf8")) as { format?: string; checksums?: { files?: Record<string, string> } }).checksums?.files?.[POSTERIOR_JSON];
  } catch {
    refuse(dir, `a calibration folder whose ${FIT_MANIFEST} is JSON`);
  }
  const bytes = readFileSync(file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (recorded !== sha256) refuse(dir, `a calibration folder whose ${POSTERIOR_JSON} has the sha256 its manifest records (${String(recorded)}); this one has ${sha256}: the file is corrupt or was edited`);
  let parsed: z.infer<typeof posteriorSchema>;
  try {
    parsed = posteriorSchema.parse(JSON.parse(bytes.toString("utf8")));
  } catch (error) {
    refuse(dir, `a ${POSTERIOR_JSON} of the giftsim-posterior/1 format (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  const k = parsed.parameters.length;
  const n = parsed.particles.weights.length;
  if (parsed.particles.values.length !== n * k || !parsed.particles.values.every(Number.isFinite) || !(parsed.particles.weights.reduce((a, b) => a + b, 0) > 0)) {
    refuse(dir, `${n} particles of ${k} finite values each and weights that sum above 0 in ${POSTERIOR_JSON}`);
  }
  return { ...parsed, sha256, dir };
}

/**
 * The particles' follower counts past what `config`'s pool can seed (half of it, the pool a
 * particle's own when it fitted one): refused rather than clipped, since a world clipped to
 * the cap is not the world the calibration found (a fit on a larger pool than the study's).
 */
function followerProblems(plan: ScenarioPlan, posterior: Posterior, config: SimConfig): Problem[] {
  const paths = posterior.parameters.map((p) => p.parameter);
  const followers = paths.indexOf("population.initialFollowers");
  if (followers < 0) return [];
  const pool = paths.indexOf("population.poolSize");
  const k = paths.length;
  const values = posterior.particles.values;
  let worst = 0;
  let cap = Infinity;
  for (let at = 0; at < values.length; at += k) {
    const room = maxInitialFollowers(pool < 0 ? config.population.poolSize : values[at + pool]);
    if (values[at + followers] - room > worst - cap) [worst, cap] = [values[at + followers], room];
  }
  if (worst <= cap) return [];
  return [{ path: "--posterior", value: "population.initialFollowers", expected: `follower counts the scenario ${plan.scenario.name} can seed, at most ${cap} (half of ${pool < 0 ? `its population.poolSize ${config.population.poolSize}` : "the particle's population.poolSize"}); a particle of this posterior has ${worst}: calibrate on a scenario with this creator's pool, or fit population.poolSize too` }];
}

/** Problems with laying `posterior` on `plan`: a parameter its config lacks, one its cells differ in (what the study compares), followers past its pool's cap. */
function fitProblems(plan: ScenarioPlan, posterior: Posterior): Problem[] {
  const configs = plan.scenario.cells.map((cell) => cell.config);
  const compared = posterior.parameters.flatMap(({ parameter }): Problem[] => {
    let values: number[];
    try {
      values = configs.map((config) => constantAt(config, parameter));
    } catch {
      return [{ path: "--posterior", value: parameter, expected: `parameters the scenario ${plan.scenario.name} has (this one is not a number of its config)` }];
    }
    if (values.some((v) => v !== values[0])) return [{ path: "--posterior", value: parameter, expected: "parameters the study's arms and sweep leave alone (this one differs between its cells, so it is what the study compares)" }];
    return [];
  });
  return compared.length > 0 ? compared : (configs.map((config) => followerProblems(plan, posterior, config)).find((p) => p.length > 0) ?? []);
}

/** `plan` with every replicate in a world drawn from `posterior` (a plan of its own hash: the worlds, with the posterior's sha256, are in it). */
export function posteriorPlan(plan: ScenarioPlan, posterior: Posterior): ScenarioPlan {
  const problems = fitProblems(plan, posterior);
  if (problems.length > 0) throw errors.invalidInput("option", problems);
  const design: WorldDesign = {
    kind: "posterior",
    constants: posterior.parameters.map((p) => ({ path: p.parameter, low: p.priorLow, high: p.priorHigh, integer: p.integer })),
    values: posterior.particles.values,
    weights: posterior.particles.weights,
    fit: posterior.sha256,
  };
  return withWorlds(plan, design);
}

/**
 * `plan` at this creator's point for a sensitivity analysis: every fitted parameter set to its
 * posterior median in every cell; `ranges` gives the 90% credible interval the analysis draws a
 * fitted constant over instead of its table range.
 */
export function atPosteriorMedians(plan: ScenarioPlan, posterior: Posterior): { plan: ScenarioPlan; ranges: Map<string, { low: number; high: number }> } {
  const problems = fitProblems(plan, posterior);
  if (problems.length > 0) throw errors.invalidInput("option", problems);
  const cells = plan.scenario.cells.map((cell) => ({
    ...cell,
    config: posterior.parameters.reduce((config, p) => withConstant(config, p.parameter, p.integer ? Math.round(p.median) : p.median), cell.config),
  }));
  const scenario = { ...plan.scenario, cells };
  const ranges = new Map(posterior.parameters.map((p) => [p.parameter, { low: p.q05, high: p.q95 }]));
  return { plan: { ...plan, scenario, hash: scenarioHash(scenario) }, ranges };
}
