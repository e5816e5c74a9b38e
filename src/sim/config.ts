/**
 * The simulation's parameters: one zod schema that is also the type, the defaults of the
 * reference model (MODEL.md; each default and its reason is documented in docs/model.md), and
 * `resolveSimConfig`, which lays an untrusted, possibly partial overrides object on top of the
 * defaults (objects merge member by member, arrays and scalars replace) and validates the
 * result. Sizes that would exhaust memory are refused up front with errors.tooLarge.
 */
import { z } from "zod";
import { CHANNELS, PRESET_IDS, loadEconomy, type Economy, type EconomyOverrides } from "../economy/index.js";
import { GiftsimError, errors, formatPath, problemsFromZod, roundFigure, type Problem } from "../errors.js";
import { deepMerge, isTree, valueAtPath } from "../scenario/overrides.js";
import { FORMAT_IDS, WEEKDAYS } from "./vocabulary.js";
import { estimateWork } from "./work-estimate.js";

const probability = z.number().min(0).max(1);
const nonNegative = z.number().min(0).max(1e9);
const positive = z.number().positive().max(1e9);
const logit = z.number().min(-50).max(50);
const count = z.number().int().min(0);
const beta = z.strictObject({ alpha: z.number().positive().max(1000), beta: z.number().positive().max(1000) });

const populationSchema = z.strictObject({
  /** Potential viewers per creator (the audience pool discovery draws from). */
  poolSize: z.number().int().min(10),
  /** Followers a quality-1 creator starts with. */
  initialFollowers: count,
  regions: z.array(z.strictObject({ id: z.string().min(1), weight: nonNegative })).min(1).max(64),
  channels: z.strictObject(Object.fromEntries(CHANNELS.map((c) => [c, nonNegative])) as Record<(typeof CHANNELS)[number], typeof nonNegative>),
  payerShare: probability,
  budget: z.strictObject({
    medianUsd: positive,
    sigma: z.number().min(0).max(5),
    whaleShare: probability,
    whaleMinUsd: positive,
    whaleAlpha: z.number().min(1.01).max(10),
    maxUsd: positive,
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

const goalBarSchema = z.strictObject({
  enabled: z.boolean(),
  goalCoins: z.number().int().min(1).max(1e12),
  gamma: nonNegative,
  payoffSatisfaction: probability,
});

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
  tactics: z.strictObject({
    goalBar: goalBarSchema,
    shoutOuts: z.strictObject({ enabled: z.boolean(), satisfaction: probability, hazardBoost: nonNegative }),
    topGifterPerk: z.strictObject({ enabled: z.boolean(), topK: z.number().int().min(1).max(10), hazardBoost: nonNegative, satisfaction: probability }),
  }),
  reinvestment: z.strictObject({ share: probability, qualityPerLogUsd: nonNegative, scaleUsd: positive }),
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

const formatsSchema = z.strictObject({
  casual: z.strictObject({ giftHazard: nonNegative, dwell: positive }),
  qa: z.strictObject({
    hazardBase: nonNegative,
    hazardPerCuriosity: nonNegative,
    dwell: positive,
    askProbability: probability,
    answerSeconds: positive,
    answeredSatisfaction: probability,
    queueJumpBoost: nonNegative,
    goalTicker: z.boolean(),
  }),
  challenge: z.strictObject({
    hazardBoost: nonNegative,
    fatigueMinutes: positive,
    sizeTilt: positive,
    dwell: positive,
    visibility: nonNegative,
    actionSeconds: nonNegative,
    backlogToleranceSeconds: positive,
  }),
  battle: z.strictObject({
    roundSeconds: z.number().min(30).max(3600),
    surgeAmplitude: nonNegative,
    freshBoost: nonNegative,
    surgeSeconds: positive,
    sizeTiltAtEnd: nonNegative,
    dwell: positive,
    rivalPool: z.number().int().min(1).max(500),
    rematchProbability: probability,
    repeatDecay: probability,
    pride: nonNegative,
    winSatisfaction: probability,
    rivalStrengthMedian: positive,
    rivalStrengthSigma: z.number().min(0).max(5),
    engagedSeconds: nonNegative,
  }),
  "behind-the-scenes": z.strictObject({ giftHazard: nonNegative, dwell: positive, returnBoost: logit, durationFactor: z.number().min(0.1).max(10) }),
});

const seriesSchema = z.strictObject({
  enabled: z.boolean(),
  weeks: z.number().int().min(1).max(52),
  goalCoins: z.number().int().min(1).max(1e12),
  gamma: nonNegative,
  payoffSatisfaction: probability,
  attendanceBoost: logit,
});

/** EconomyOverrides are checked by loadEconomy (in resolveSimConfig), so here only their shape. */
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
  series: seriesSchema,
  payouts: z.strictObject({ everyDays: z.number().int().min(1).max(366) }),
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
    budget: { medianUsd: 5, sigma: 1.5, whaleShare: 0.01, whaleMinUsd: 200, whaleAlpha: 1.3, maxUsd: 50_000 },
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
    tactics: {
      goalBar: { enabled: false, goalCoins: 3_000, gamma: 1.5, payoffSatisfaction: 0.15 },
      shoutOuts: { enabled: false, satisfaction: 0.1, hazardBoost: 0.3 },
      topGifterPerk: { enabled: false, topK: 3, hazardBoost: 0.5, satisfaction: 0.2 },
    },
    reinvestment: { share: 0.1, qualityPerLogUsd: 0.05, scaleUsd: 100 },
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
  formats: {
    casual: { giftHazard: 1, dwell: 1 },
    qa: {
      hazardBase: 0.8,
      hazardPerCuriosity: 0.8,
      dwell: 1.15,
      askProbability: 0.3,
      answerSeconds: 60,
      answeredSatisfaction: 0.3,
      queueJumpBoost: 0.5,
      goalTicker: true,
    },
    challenge: { hazardBoost: 0.6, fatigueMinutes: 40, sizeTilt: 0.35, dwell: 1.05, visibility: 1.5, actionSeconds: 5, backlogToleranceSeconds: 300 },
    battle: {
      roundSeconds: 300,
      surgeAmplitude: 8,
      freshBoost: 0.3,
      surgeSeconds: 30,
      sizeTiltAtEnd: 2,
      dwell: 1.1,
      rivalPool: 50,
      rematchProbability: 0.3,
      repeatDecay: 0.7,
      pride: 0.5,
      winSatisfaction: 0.1,
      rivalStrengthMedian: 0.6,
      rivalStrengthSigma: 0.5,
      engagedSeconds: 60,
    },
    "behind-the-scenes": { giftHazard: 0.6, dwell: 1.5, returnBoost: 0.6, durationFactor: 1.5 },
  },
  series: { enabled: false, weeks: 4, goalCoins: 200_000, gamma: 1.5, payoffSatisfaction: 0.3, attendanceBoost: 0.4 },
  payouts: { everyDays: 1 },
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

/** `over` laid on `base` (the scenario's own merge: objects member by member, the rest replaces). */
export const mergeOverrides = deepMerge;

function joinPath(prefix: string, path: string): string {
  return formatPath([path], prefix);
}

/**
 * Resolves overrides onto the defaults and validates the result. Throws the GiftsimError of
 * errors.invalidInput (one problem per bad field, paths prefixed by `pathPrefix`), or
 * errors.tooLarge for sizes beyond SIM_LIMITS.
 */
export function resolveSimConfig(overrides: unknown, pathPrefix = ""): SimConfig {
  if (overrides !== undefined && overrides !== null && !isTree(overrides)) {
    throw errors.invalidInput("model", [{ path: pathPrefix, value: overrides, expected: "an object of model overrides" }]);
  }
  const merged = mergeOverrides(DEFAULT_SIM_CONFIG, overrides ?? {});
  const parsed = simConfigSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) throw errors.invalidInput("model", parsed.error.issues.flatMap((issue) => problemsOf(issue, merged, pathPrefix)));
  const config = parsed.data as SimConfig;
  checkSizes(config, pathPrefix);
  const economy = economyOf(config, pathPrefix);
  if (Array.isArray(economy)) throw errors.invalidInput("model", economy);
  const problems = crossFieldProblems(config, economy, pathPrefix);
  if (problems.length > 0) throw errors.invalidInput("model", problems);
  checkWork(config, economy, pathPrefix);
  return config;
}

/** Zod's problems, except that each unknown key is its own problem at its own path. */
function problemsOf(issue: z.core.$ZodIssue, root: unknown, prefix: string): Problem[] {
  if (issue.code !== "unrecognized_keys") return problemsFromZod([issue], root, prefix);
  let parent: unknown = root;
  for (const key of issue.path) parent = (parent as Record<PropertyKey, unknown>)[key];
  const known = isTree(parent) ? Object.keys(parent).filter((key) => !issue.keys.includes(key)) : [];
  return issue.keys.map((key) => ({
    path: formatPath([...issue.path, key], prefix),
    value: (parent as Record<string, unknown>)[key],
    expected: `no such key (known here: ${known.join(", ")})`,
  }));
}

function checkSizes(config: SimConfig, prefix: string): void {
  const limit = (path: string, value: number, max: number, why: string) => {
    if (value > max) throw errors.tooLarge(joinPath(prefix, path), value, max, why);
  };
  limit("population.poolSize", config.population.poolSize, SIM_LIMITS.poolSize, "viewers per creator pool held in memory");
  limit("creators.count", config.creators.count, SIM_LIMITS.creators, "creators simulated in one replicate");
  limit(
    "population.poolSize",
    config.population.poolSize * config.creators.count,
    SIM_LIMITS.totalViewers,
    `pool size x creators: at most ${SIM_LIMITS.totalViewers} viewers in one replicate`,
  );
  limit("horizonWeeks", config.horizonWeeks, SIM_LIMITS.horizonWeeks, "weeks simulated in one replicate");
  limit("population.initialFollowers", config.population.initialFollowers, SIM_LIMITS.initialFollowers, "followers per creator");
  limit("discovery.arrivalsPerHour", config.discovery.arrivalsPerHour, SIM_LIMITS.arrivalsPerHour, "discovery arrivals per live hour");
  limit("promotion.arrivalsPerStream", config.promotion.arrivalsPerStream, SIM_LIMITS.arrivalsPerStream, "promoted arrivals per stream");
  limit("promotion.streams", config.promotion.streams, SIM_LIMITS.promotionStreams, "promoted streams");
}

/** The platform's economy, or its problems at their paths under `platform.overrides`. */
function economyOf(config: SimConfig, prefix: string): Economy | Problem[] {
  try {
    return loadEconomy(config.platform.preset, config.platform.overrides);
  } catch (error) {
    if (!(error instanceof GiftsimError) || error.exitCode !== 2) throw error;
    const inner = error.problems.length > 0 ? error.problems : [{ path: "", value: undefined, expected: error.message }];
    return inner.map((p) => ({ ...p, path: joinPath(prefix, joinPath("platform.overrides", p.path)) }));
  }
}

/**
 * The work the config would ask of a replicate (work-estimate.ts) against SIM_LIMITS. Each
 * refusal names the fields that set the figure, the one the user changed from its default first.
 */
function checkWork(config: SimConfig, economy: Economy, prefix: string): void {
  const work = estimateWork(config, economy);
  const limit = (figure: number, max: number, what: string, fields: string[]) => {
    if (!(figure <= max)) {
      const changed = fields.filter((f) => valueAtPath(config, f.split(".")) !== valueAtPath(DEFAULT_SIM_CONFIG, f.split(".")));
      const ordered = [...changed, ...fields.filter((f) => !changed.includes(f))];
      throw errors.workTooLarge(ordered.map((f) => joinPath(prefix, f)), what, figure, max);
    }
  };
  limit(
    work.bestStreamArrivals,
    SIM_LIMITS.streamArrivals,
    "arrivals queued for the best creator's longest stream (discovery at arrivalsPerHour x (quality ratio)^reachElasticity, clips, promotion)",
    [
      "creators.qualitySigma",
      "creators.reachElasticity",
      "discovery.arrivalsPerHour",
      "creators.schedule.durationMinutes",
      "formats.behind-the-scenes.durationFactor",
      "discovery.clipThrough",
      "promotion.arrivalsPerStream",
      "creators.reinvestment.qualityPerLogUsd",
    ],
  );
  limit(work.streams, SIM_LIMITS.streams, "streams (creators x stream days x weeks)", ["creators.count", "creators.schedule.days", "horizonWeeks"]);
  const giftBound = work.giftEvents > work.visitEvents;
  limit(
    work.events,
    SIM_LIMITS.replicateEvents,
    giftBound ? `estimated events in one replicate, mostly for the ${roundFigure(work.fundedGifts)} gifts the viewers' budgets could pay for` : "estimated events in one replicate (arrivals, departures and followers' attendance decisions)",
    giftBound
      ? ["population.budget.whaleMinUsd", "population.budget.maxUsd", "population.budget.medianUsd", "population.budget.whaleShare", "population.payerShare", "horizonWeeks"]
      : ["discovery.arrivalsPerHour", "population.poolSize", "creators.count", "horizonWeeks", "discovery.clipThrough"],
  );
}

/** Rules across fields and against the platform's price book. */
function crossFieldProblems(config: SimConfig, economy: Economy, prefix: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string) => joinPath(prefix, path);
  const regionIds = economy.regions.map((r) => r.id);
  config.population.regions.forEach((region, i) => {
    if (!regionIds.includes(region.id)) {
      problems.push({ path: at(`population.regions[${i}].id`), value: region.id, expected: `a region of the ${config.platform.preset} price book (${regionIds.join(", ")})` });
    }
  });
  if (config.population.regions.every((r) => r.weight === 0)) {
    problems.push({ path: at("population.regions"), value: config.population.regions, expected: "at least one region with a weight above 0" });
  }
  if (CHANNELS.every((c) => config.population.channels[c] === 0)) {
    problems.push({ path: at("population.channels"), value: config.population.channels, expected: "at least one channel with a weight above 0" });
  }
  const geo = config.promotion.geoRegion;
  if (geo !== null && !regionIds.includes(geo)) {
    problems.push({ path: at("promotion.geoRegion"), value: geo, expected: `null or a region of the price book (${regionIds.join(", ")})` });
  }
  const followerRoom = maxInitialFollowers(config.population.poolSize);
  if (config.population.initialFollowers > followerRoom) {
    problems.push({
      path: at("population.initialFollowers"),
      value: config.population.initialFollowers,
      expected: `at most half of ${at("population.poolSize")} ${config.population.poolSize}, i.e. ${followerRoom} (the other half are the newcomers discovery draws from)`,
    });
  }
  if (config.population.budget.maxUsd < config.population.budget.whaleMinUsd) {
    problems.push({ path: at("population.budget.maxUsd"), value: config.population.budget.maxUsd, expected: `at least budget.whaleMinUsd (${config.population.budget.whaleMinUsd})` });
  }
  return problems;
}
