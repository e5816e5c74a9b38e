/**
 * The shape of a scenario file. Only the scenario's own fields are checked here; `model`
 * objects are checked by the simulation (resolveSimConfig) and economies by loadEconomy,
 * each with the field path the user wrote, so one schema owns each rule.
 */
import { z } from "zod";
import { CHANNELS, PRESET_IDS } from "../economy/index.js";
import { METRIC_NAMES } from "../sim/index.js";

/** Replicates per (arm, sweep point); past this a study belongs on many machines (--shard). */
export const MAX_REPLICATES = 100_000;
/** Replicates over the whole plan (arms x sweep points x replicates). */
export const MAX_PLAN_REPLICATES = 2_000_000;
export const MAX_ARMS = 32;
export const MAX_SWEEP_POINTS = 1_000;

const identifier = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "an identifier of a-z, 0-9 and -").max(64);
const text = z.string().max(2_000);
const overrides = z.record(z.string(), z.unknown());

const POLICY_FIELDS = ["creatorShareBps", "coinNominalMicros", "diamondValueMicros", "payoutThresholdMicros", "dailyPayoutCapMicros", "payoutFeeBps"] as const;

/** EconomyOverrides as a file may write them: known keys only; figures are checked by loadEconomy. */
export const economyOverridesSchema = z.strictObject({
  policy: z.strictObject(Object.fromEntries(POLICY_FIELDS.map((field) => [field, z.number().optional()]))).optional(),
  storeFeeBps: z.strictObject(Object.fromEntries(CHANNELS.map((channel) => [channel, z.number().optional()]))).optional(),
  regions: z.array(z.unknown()).optional(),
  bundles: z.array(z.unknown()).optional(),
  gifts: z.array(z.unknown()).optional(),
});

const modelSchema = overrides.refine((model) => !("platform" in model), {
  message: "no model.platform (set the platform with top-level preset and economy)",
  path: ["platform"],
});

const armSchema = z.strictObject({
  name: identifier,
  label: text.optional(),
  /** The arm's platform preset, replacing the scenario's; the economy overrides are laid on it. */
  preset: z.enum(PRESET_IDS).optional(),
  model: modelSchema.optional(),
  economy: economyOverridesSchema.optional(),
});

// Segments that name an object's prototype machinery would write through to Object.prototype.
const sweepPath = z
  .string()
  .regex(/^(economy|model)(\.[A-Za-z0-9_]+)+$/, "a dotted path starting with economy. or model.")
  .refine((path) => !path.split(".").some((segment) => ["__proto__", "constructor", "prototype"].includes(segment)), "a path without __proto__, constructor or prototype");

export const scenarioFileSchema = z.strictObject({
  name: identifier,
  description: text.optional(),
  question: text,
  preset: z.enum(PRESET_IDS),
  economy: economyOverridesSchema.optional(),
  model: modelSchema.optional(),
  arms: z.array(armSchema).min(1).optional(),
  sweep: z.record(sweepPath, z.array(z.unknown()).min(1)).optional(),
  replicates: z.number().int().min(1),
  seed: z.union([z.string().min(1).max(200), z.number().int().nonnegative()], { error: `an integer 0..${Number.MAX_SAFE_INTEGER} or a string of 1..200 characters` }),
  metrics: z.array(z.enum(METRIC_NAMES as unknown as [string, ...string[]])).min(1).optional(),
  /** The metric the answer is about (default: the first of `metrics`); checked against `metrics` by resolveScenario. */
  primary: z.enum(METRIC_NAMES as unknown as [string, ...string[]]).optional(),
  /** The arm or sweep point compared against; checked against the arms and the sweep by resolveBaseCell. */
  base: z.unknown().optional(),
  /** Plausible worlds: the constants each replicate draws from its range (uncertainty.ts); checked against the table by resolveScenario. */
  uncertainty: z.strictObject({ constants: z.union([z.literal("all"), z.array(z.string()).min(1)]) }).optional(),
});

/** A scenario file after its own schema passed (models and economies still unchecked). */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
