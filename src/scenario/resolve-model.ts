/**
 * Model resolution: an untrusted, possibly partial model overrides object laid on the
 * simulation's defaults (objects merge member by member, arrays and scalars replace), then
 * checked in order: the schema, the sizes that would exhaust memory, the platform's economy,
 * the rules across fields and against the price book, and the work a replicate would be asked
 * to do. Each check returns problems at the paths the caller names; nothing is thrown and
 * caught on the way, so the scenario places them without re-reading error text.
 */
import type { z } from "zod";
import { CHANNELS, checkEconomy, type Economy } from "../economy/index.js";
import { errors, formatPath, problemsFromZod, roundFigure, valueAt, type Problem } from "../errors.js";
import { DEFAULT_SIM_CONFIG, SIM_LIMITS, communityConfig, communityCount, communitySizeOf, estimateWork, maxInitialFollowers, simConfigSchema, type SimConfig } from "../sim/index.js";
import { deepMerge, isTree } from "./overrides.js";

/**
 * A resolved model and its checked economy, or why not: `invalid` problems (one per bad
 * field), or the one size or work limit it passes (`tooLarge`).
 */
export type ModelResolution =
  | { kind: "resolved"; config: SimConfig; economy: Economy }
  | { kind: "invalid"; problems: Problem[] }
  | { kind: "tooLarge"; problem: Problem };

/**
 * Resolves overrides (a model tree, its economy under `platform`) onto the defaults and checks
 * the result; problem paths are prefixed by `pathPrefix`. An `economy` already checked for the
 * same platform is taken as is rather than checked again.
 */
export function resolveModel(overrides: unknown, pathPrefix = "", economy?: Economy): ModelResolution {
  if (overrides !== undefined && overrides !== null && !isTree(overrides)) {
    return { kind: "invalid", problems: [{ path: pathPrefix, value: overrides, expected: "an object of model overrides" }] };
  }
  const merged = deepMerge(DEFAULT_SIM_CONFIG, overrides ?? {});
  const parsed = simConfigSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) return { kind: "invalid", problems: parsed.error.issues.flatMap((issue) => problemsOf(issue, merged, pathPrefix)) };
  const config = parsed.data as SimConfig;
  const size = sizeProblem(config, pathPrefix);
  if (size !== undefined) return { kind: "tooLarge", problem: size };
  const book = economy === undefined ? checkEconomy(config.platform.preset, config.platform.overrides) : { kind: "valid" as const, economy };
  if (book.kind === "invalid") return { kind: "invalid", problems: book.problems.map((p) => ({ ...p, path: joinPath(pathPrefix, joinPath("platform.overrides", p.path)) })) };
  const problems = crossFieldProblems(config, book.economy, pathPrefix);
  if (problems.length > 0) return { kind: "invalid", problems };
  const work = workProblem(config, book.economy, pathPrefix);
  if (work !== undefined) return { kind: "tooLarge", problem: work };
  return { kind: "resolved", config, economy: book.economy };
}

/**
 * resolveModel for a caller that wants the config or an error: throws errors.invalidInput (one
 * problem per bad field) or errors.modelTooLarge for a size or work limit.
 */
export function resolveSimConfig(overrides: unknown, pathPrefix = ""): SimConfig {
  const resolution = resolveModel(overrides, pathPrefix);
  if (resolution.kind === "invalid") throw errors.invalidInput("model", resolution.problems);
  if (resolution.kind === "tooLarge") throw errors.modelTooLarge(resolution.problem);
  return resolution.config;
}

function joinPath(prefix: string, path: string): string {
  return formatPath([path], prefix);
}

/**
 * Model fields that moved, by their old path to their new one, so that a file written for the
 * old place is told where the field lives now rather than only that it is unknown.
 */
const MOVED_FIELDS: ReadonlyMap<string, string> = new Map([
  // The series goal is a creator tactic, under one roof with the others (docs/model.md "Tactics").
  ["series", "creators.tactics.series"],
]);

/** Zod's problems, except that each unknown key is its own problem at its own path. */
function problemsOf(issue: z.core.$ZodIssue, root: unknown, prefix: string): Problem[] {
  if (issue.code !== "unrecognized_keys") return problemsFromZod([issue], root, prefix);
  const parent = valueAt(root, issue.path);
  const known = isTree(parent) ? Object.keys(parent).filter((key) => !issue.keys.includes(key)) : [];
  return issue.keys.map((key) => {
    const movedTo = MOVED_FIELDS.get(formatPath([...issue.path, key]));
    return {
      path: formatPath([...issue.path, key], prefix),
      value: (parent as Record<string, unknown>)[key],
      expected: movedTo === undefined ? `no such key (known here: ${known.join(", ")})` : `it at ${formatPath([movedTo], prefix)} (the field moved there)`,
    };
  });
}

/** The first configured size beyond SIM_LIMITS, its reason beside the limit; undefined when none is. */
function sizeProblem(config: SimConfig, prefix: string): Problem | undefined {
  const sizes: Array<[path: string, value: number, max: number, why: string]> = [
    ["population.poolSize", config.population.poolSize, SIM_LIMITS.poolSize, "viewers per creator pool held in memory"],
    ["creators.count", config.creators.count, SIM_LIMITS.creators, "creators simulated in one replicate"],
    ["population.poolSize", config.population.poolSize * communitySizeOf(config), SIM_LIMITS.totalViewers, `pool size x creators per community: at most ${SIM_LIMITS.totalViewers} viewers in one community, held in memory at once`],
    ["horizonWeeks", config.horizonWeeks, SIM_LIMITS.horizonWeeks, "weeks simulated in one replicate"],
    ["population.initialFollowers", config.population.initialFollowers, SIM_LIMITS.initialFollowers, "followers per creator"],
    ["discovery.arrivalsPerHour", config.discovery.arrivalsPerHour, SIM_LIMITS.arrivalsPerHour, "discovery arrivals per live hour"],
    ["promotion.arrivalsPerStream", config.promotion.arrivalsPerStream, SIM_LIMITS.arrivalsPerStream, "promoted arrivals per stream"],
    ["promotion.streams", config.promotion.streams, SIM_LIMITS.promotionStreams, "promoted streams"],
  ];
  const passed = sizes.find(([, value, max]) => value > max);
  if (passed === undefined) return undefined;
  const [path, value, max, why] = passed;
  return { path: joinPath(prefix, path), value, expected: `at most ${max} (${why})` };
}

/**
 * The work the config would ask of a replicate (work-estimate.ts) against SIM_LIMITS. Each
 * refusal names the fields that set the figure, the one the user changed from its default first.
 */
function workProblem(config: SimConfig, economy: Economy, prefix: string): Problem | undefined {
  // A community is simulated on its own, so memory and time per task are the largest community's (the first); the stream table is the whole replicate's.
  const work = { ...estimateWork(communityConfig(config, 0), economy), streams: estimateWork(config, economy).streams };
  let problem: Problem | undefined;
  const limit = (figure: number, max: number, what: string, fields: string[]) => {
    if (problem !== undefined || figure <= max) return;
    const changed = fields.filter((f) => valueAt(config, f.split(".")) !== valueAt(DEFAULT_SIM_CONFIG, f.split(".")));
    const ordered = [...changed, ...fields.filter((f) => !changed.includes(f))].map((f) => joinPath(prefix, f));
    problem = { path: ordered[0], value: `${roundFigure(figure)} ${what}`, expected: `at most ${roundFigure(max)} (lower ${ordered.join(", ")})` };
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
    giftBound ? `estimated events in one community (the replicate when it is one), mostly for the ${roundFigure(work.fundedGifts)} gifts the viewers' budgets could pay for` : "estimated events in one community (the replicate when it is one: arrivals, departures and followers' attendance decisions)",
    giftBound
      ? ["population.budget.whaleMinUsd", "population.budget.maxUsd", "population.budget.medianUsd", "population.budget.whaleShare", "population.payerShare", "horizonWeeks"]
      : ["discovery.arrivalsPerHour", "population.poolSize", "creators.count", "horizonWeeks", "discovery.clipThrough"],
  );
  return problem;
}

/** Rules across fields and against the platform's price book. */
const MINUTES_PER_DAY = 24 * 60;

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
  const factors = config.population.budget.regionFactor;
  const budgeted = new Set([...config.population.regions.map((r) => r.id), ...(geo === null ? [] : [geo])]);
  for (const id of budgeted) {
    if (regionIds.includes(id) && factors[id] === undefined) {
      problems.push({ path: at(`population.budget.regionFactor.${id}`), value: undefined, expected: `a budget factor for region ${id} (its income relative to the reference region's 1; above 0, at most 100)` });
    }
  }
  const followerRoom = maxInitialFollowers(config.population.poolSize);
  if (config.population.initialFollowers > followerRoom) {
    problems.push({
      path: at("population.initialFollowers"),
      value: config.population.initialFollowers,
      expected: `at most half of ${at("population.poolSize")} ${config.population.poolSize}, i.e. ${followerRoom} (the other half are the newcomers discovery draws from)`,
    });
  }
  const { startHours, overlap } = config.audience;
  const latestEndMinutes = (startHours - 1) * 60 + config.creators.schedule.durationMinutes;
  if (overlap && latestEndMinutes > MINUTES_PER_DAY) {
    // A day room holds one day's streams: a stream running into the next day's start hour could overlap its streams unseen.
    problems.push({
      path: at("audience.startHours"),
      value: startHours,
      expected: `at most ${1 + Math.floor((MINUTES_PER_DAY - config.creators.schedule.durationMinutes) / 60)} with ${at("creators.schedule.durationMinutes")} ${config.creators.schedule.durationMinutes} and shared audiences: the latest start hour plus a stream's length must end by the next day's first start (24 hours after it)`,
    });
  }
  if (config.promotion.enabled && communityCount(config) > 1) {
    problems.push({
      path: at("promotion.enabled"),
      value: true,
      expected: `false in a world cut into communities (${at("audience.communitySize")} ${config.audience.communitySize}): promotion.streams counts the first streams of one world, and a world of several communities is several worlds`,
    });
  }
  if (config.population.budget.maxUsd < config.population.budget.whaleMinUsd) {
    problems.push({ path: at("population.budget.maxUsd"), value: config.population.budget.maxUsd, expected: `at least budget.whaleMinUsd (${config.population.budget.whaleMinUsd})` });
  }
  return problems;
}
