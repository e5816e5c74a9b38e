/**
 * The simulation's parameters: one zod schema that is also the type, the defaults of the
 * reference model (MODEL.md; each default and its reason is documented in docs/model.md), and
 * the size limits the simulation runs within. Each stream format and each creator tactic
 * declares its own parameters (schema, ranges and defaults) beside it, in
 * formats/<format>-params.ts and tactics/<tactic>-params.ts; this module composes them from
 * the registries (formats/params.ts, tactics/params.ts) under `formats` and `creators.tactics`.
 * Laying a user's overrides on these defaults and checking the result is the scenario's work
 * (scenario/resolve-model.ts).
 */
import { z } from "zod";
import { CHANNELS, PRESET_IDS, type EconomyOverrides } from "../economy/index.js";
import { FORMAT_PARAMS } from "./formats/params.js";
import type { ParamGroup } from "./param-group.js";
import { beta, count, logit, nonNegative, positive, probability } from "./param-kinds.js";
import { TACTIC_PARAMS } from "./tactics/params.js";
import { FORMAT_IDS, TACTIC_IDS, WEEKDAYS } from "./vocabulary.js";

const populationSchema = z.strictObject({
  /** Potential viewers per creator (the audience pool discovery draws from). */
  poolSize: z.number().int().min(10),
  /** Followers a quality-1 creator starts with. */
  initialFollowers: count,
  regions: z.array(z.strictObject({ id: z.string().min(1), weight: nonNegative })).min(1).max(64),
  channels: z.strictObject(Object.fromEntries(CHANNELS.map((c) => [c, nonNegative])) as Record<(typeof CHANNELS)[number], typeof nonNegative>),
  payerShare: probability,
  budget: z.strictObject({
    /** Median monthly budget of a payer of the reference region (regionFactor 1), USD. */
    medianUsd: positive,
    sigma: z.number().min(0).max(5),
    whaleShare: probability,
    whaleMinUsd: positive,
    whaleAlpha: z.number().min(1.01).max(10),
    maxUsd: positive,
    /**
     * Each region's income relative to the reference region (1): a payer's budget draw is
     * multiplied by it. Keyed by region id, so that overriding one region keeps the others.
     */
    regionFactor: z.record(z.string().min(1), z.number().positive().max(100)),
    /**
     * Share of the elapsed part of their month that a viewer already in the audience on day 0
     * has spent (spending.ts startMidMonth): 0 a whole month's budget, 1 spent at an even pace.
     */
    startSpentShare: probability,
  }),
  generosity: beta,
  affinity: beta,
  socialProof: beta,
  competitiveness: beta,
  curiosity: beta,
  /** Weekly hazard of unfollowing (a trait: some followers are fickle). */
  churn: beta,
  patience: z.strictObject({ medianMinutes: z.number().min(0.1).max(600), sigma: z.number().min(0).max(5) }),
});

/** One part of every plug-in's own parameters in `registry` (formats/params.ts, tactics/params.ts), each under its id, in `ids` order. */
function eachPlugin<Registry extends Record<Id, ParamGroup>, Id extends string, Part extends keyof ParamGroup>(
  registry: Registry,
  ids: readonly Id[],
  part: Part,
): { [K in Id]: Registry[K][Part] } {
  return Object.fromEntries(ids.map((id) => [id, registry[id][part]])) as { [K in Id]: Registry[K][Part] };
}

const creatorsSchema = z.strictObject({
  count: z.number().int().min(1),
  quality: z.number().positive().max(1000),
  qualitySigma: z.number().min(0).max(5),
  reachElasticity: z.number().min(0).max(5),
  schedule: z.strictObject({
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    startHourUtc: z.number().min(0).max(23.99),
    durationMinutes: z.number().min(5).max(720),
    reliability: probability,
  }),
  formats: z.array(z.enum(FORMAT_IDS)).min(1).max(64),
  tactics: z.strictObject(eachPlugin(TACTIC_PARAMS, TACTIC_IDS, "schema")),
  reinvestment: z.strictObject({ share: probability, qualityPerLogUsd: nonNegative, scaleUsd: positive }),
  /** Creator effort (creator-effort.ts): unrecovered live hours lower the creator's performance. */
  fatigue: z.strictObject({
    performanceLossPerHour: z.number().min(0).max(10),
    toleranceHours: z.number().min(0).max(1000),
    recoveryHalfLifeDays: z.number().min(0.01).max(365),
  }),
});

const attendanceSchema = z.strictObject({
  intercept: logit,
  habit: logit,
  affinity: logit,
  regularity: logit,
  satisfaction: logit,
  perWeekAway: logit,
  arrivalMeanMinutes: z.number().min(0).max(600),
  habitGain: probability,
  habitDecayMissed: probability,
  satisfactionLearningRate: probability,
  /** Watch share (watch / expected watch, at most 1) at which a visit without payoffs has the start value as its experience. */
  neutralWatchShare: probability,
  /** Experience gained per unit of watch share above the neutral share (lost below it). */
  watchExperienceWeight: probability,
  /** Audience saturation: log-odds off attending per stream the creator held in the last 7 days beyond `freeStreams`. */
  saturation: z.strictObject({ perStream: z.number().min(0).max(10), freeStreams: z.number().int().min(0).max(7) }),
});

/** Sizes checked against SIM_LIMITS after parsing, so that they fail as TOO_LARGE. */
const size = z.number().min(0);

const discoverySchema = z.strictObject({
  arrivalsPerHour: size,
  clipThrough: nonNegative,
  followProbability: probability,
  followMinMinutes: nonNegative,
});

const promotionSchema = z.strictObject({
  enabled: z.boolean(),
  mode: z.enum(["drip", "spike"]),
  arrivalsPerStream: size,
  dripHours: z.number().min(0.1).max(24),
  spikeMinutes: z.number().min(0.5).max(120),
  spikeStartMinute: nonNegative,
  geoRegion: z.string().min(1).nullable(),
  affinity: beta,
  streams: size.int(),
  /**
   * A promotion that outpaces the stream's organic discovery rate by more than `naturalRatio`
   * looks unnatural: each unit of excess ratio costs `reachPenalty` log-units of later discovery,
   * recovering with `penaltyHalfLifeDays` (stream/arrivals.ts).
   */
  unnatural: z.strictObject({ naturalRatio: z.number().min(0).max(1000), reachPenalty: z.number().min(0).max(10), penaltyHalfLifeDays: z.number().min(0.01).max(365) }),
});

const giftingSchema = z.strictObject({
  baseRatePerHour: nonNegative,
  budgetElasticity: z.number().min(0).max(2),
  budgetPacing: z.number().min(0).max(5),
  kappa: positive,
  catalogExponent: z.number().min(0).max(5),
  contagion: z.strictObject({ strength: nonNegative, decaySeconds: positive, sizeWeight: nonNegative }),
  herding: z.strictObject({ elasticity: z.number().min(-2).max(2), scaleViewers: positive }),
  crowdingOut: nonNegative,
  combo: z.strictObject({ maxPriceCoins: count, meanExtra: nonNegative }),
  engagedDepartureFactor: probability,
});

const formatsSchema = z.strictObject(eachPlugin(FORMAT_PARAMS, FORMAT_IDS, "schema"));

/** EconomyOverrides are checked by the economy (checkEconomy, in scenario/resolve-model.ts), so here only their shape. */
const platformSchema = z.strictObject({
  preset: z.enum(PRESET_IDS),
  overrides: z.record(z.string(), z.unknown()),
});

/** The schema of a fully resolved SimConfig; unknown keys are refused at every level. */
export const simConfigSchema = z.strictObject({
  platform: platformSchema,
  horizonWeeks: z.number().int().min(1),
  /** Days after which monthly budgets reset. */
  monthDays: z.number().int().min(7).max(366),
  population: populationSchema,
  creators: creatorsSchema,
  attendance: attendanceSchema,
  discovery: discoverySchema,
  promotion: promotionSchema,
  gifting: giftingSchema,
  formats: formatsSchema,
  payouts: z.strictObject({ everyDays: z.number().int().min(1).max(366) }),
  audience: z.strictObject({
    /**
     * Creators per community (community.ts): creators [k x size, (k + 1) x size) form community
     * k, a closed world whose viewers follow and watch only its creators; 0 makes all creators
     * one community.
     */
    communitySize: z.number().int().min(0).default(0),
  }),
});

type ParsedSimConfig = z.infer<typeof simConfigSchema>;

/** The fully resolved model parameters of one simulated cell (see docs/model.md). */
export type SimConfig = Omit<ParsedSimConfig, "platform"> & { platform: { preset: string; overrides: EconomyOverrides } };

/** The reference model's defaults (MODEL.md, tuned as docs/model.md explains). */
export const DEFAULT_SIM_CONFIG: SimConfig = {
  platform: { preset: "tiktok", overrides: {} },
  horizonWeeks: 4,
  monthDays: 30,
  population: {
    poolSize: 20_000,
    initialFollowers: 1_500,
    regions: [
      { id: "US", weight: 0.4 },
      { id: "EU", weight: 0.25 },
      { id: "BR", weight: 0.15 },
      { id: "ID", weight: 0.2 },
    ],
    channels: { "app-ios": 0.45, "app-android": 0.45, web: 0.1 },
    payerShare: 0.08,
    // The US is the reference region; the default mix's mean factor (0.604) brings the
    // population's budgets back to MODEL.md's median $5 and whale minimum $200.
    budget: {
      medianUsd: 8.25,
      sigma: 1.5,
      whaleShare: 0.01,
      whaleMinUsd: 330,
      whaleAlpha: 1.3,
      maxUsd: 50_000,
      regionFactor: { US: 1, EU: 0.6, BR: 0.2, ID: 0.12 },
      startSpentShare: 0.5,
    },
    generosity: { alpha: 2, beta: 5 },
    affinity: { alpha: 2, beta: 3 },
    socialProof: { alpha: 2, beta: 2 },
    competitiveness: { alpha: 1.5, beta: 3 },
    curiosity: { alpha: 2, beta: 2 },
    churn: { alpha: 1, beta: 19 },
    patience: { medianMinutes: 8, sigma: 0.8 },
  },
  creators: {
    count: 1,
    quality: 1,
    qualitySigma: 0,
    reachElasticity: 1,
    schedule: { days: ["tue", "thu", "sat", "sun"], startHourUtc: 19, durationMinutes: 90, reliability: 0.95 },
    formats: ["casual"],
    tactics: eachPlugin(TACTIC_PARAMS, TACTIC_IDS, "defaults"),
    reinvestment: { share: 0.1, qualityPerLogUsd: 0.05, scaleUsd: 100 },
    fatigue: { performanceLossPerHour: 0.2, toleranceHours: 1, recoveryHalfLifeDays: 1 },
  },
  attendance: {
    intercept: -3.5,
    habit: 3,
    affinity: 1.5,
    regularity: 1,
    satisfaction: 1.5,
    perWeekAway: 0.5,
    arrivalMeanMinutes: 5,
    habitGain: 0.25,
    habitDecayMissed: 0.15,
    satisfactionLearningRate: 0.4,
    neutralWatchShare: 0.632,
    watchExperienceWeight: 0.5,
    saturation: { perStream: 0.1, freeStreams: 4 },
  },
  discovery: { arrivalsPerHour: 600, clipThrough: 0.5, followProbability: 0.08, followMinMinutes: 5 },
  promotion: {
    enabled: false,
    mode: "drip",
    arrivalsPerStream: 500,
    dripHours: 1.5,
    spikeMinutes: 10,
    spikeStartMinute: 5,
    geoRegion: null,
    affinity: { alpha: 1, beta: 4 },
    streams: 1_000,
    unnatural: { naturalRatio: 1, reachPenalty: 0.05, penaltyHalfLifeDays: 7 },
  },
  gifting: {
    baseRatePerHour: 15,
    budgetElasticity: 0.3,
    budgetPacing: 1,
    kappa: 0.5,
    catalogExponent: 0.3,
    contagion: { strength: 0.5, decaySeconds: 60, sizeWeight: 0.5 },
    herding: { elasticity: 0.15, scaleViewers: 50 },
    crowdingOut: 0,
    combo: { maxPriceCoins: 5, meanExtra: 2 },
    engagedDepartureFactor: 0.5,
  },
  formats: eachPlugin(FORMAT_PARAMS, FORMAT_IDS, "defaults"),
  payouts: { everyDays: 1 },
  audience: { communitySize: 0 },
};

/**
 * Upper limits on sizes that allocate memory or run time in proportion. Beyond them a
 * replicate would exhaust memory or take hours; refusing up front keeps the failure a message.
 */
export const SIM_LIMITS = {
  poolSize: 1_000_000,
  creators: 10_000,
  totalViewers: 2_000_000,
  horizonWeeks: 260,
  initialFollowers: 2_000_000,
  arrivalsPerHour: 1_000_000,
  arrivalsPerStream: 1_000_000,
  promotionStreams: 100_000,
  // Limits on what the model derives from the whole config (work-estimate.ts, docs/model.md "Work limits").
  /** Arrivals one stream queues up front: its event queue holds them all, 12 bytes each (about 200 MB). */
  streamArrivals: 16_777_216,
  /** Streams in one replicate: its stream table is held in memory, 47 columns of 8 bytes (about 190 MB). */
  streams: 500_000,
  /** Estimated events of one replicate: under a minute at three million events a second. */
  replicateEvents: 150_000_000,
  /** Events after which the simulation stops a replicate that outran its estimate (twice the estimate's limit). */
  replicateEventBudget: 300_000_000,
} as const;

/**
 * Most followers a creator can start with: half its audience pool, so that the other half are
 * newcomers discovery can bring.
 */
export function maxInitialFollowers(poolSize: number): number {
  return Math.floor(poolSize / 2);
}
