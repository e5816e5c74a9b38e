/**
 * One replicate: a pure function of (config, seed). Day by day over the horizon, each creator
 * holds (or misses) its scheduled streams (those that must run together, battles between creators
 * of the world or streams of shared audiences, in a day room: day-room.ts), gifts and purchases
 * flow into the ledger, creators request payouts at the end of their payout days and reinvest
 * part of them in quality (out of their take-home), and a timeseries row is written per day. At the end the ledger is audited and the metrics derived.
 * A world cut into communities (community.ts) is simulated one community at a time, each as a
 * world of its own, and its parts joined in community order (replicate-part.ts); the replicate's
 * outputs are derived from the joined part.
 */
import { auditLedger, diamondsEarned } from "../core/index.js";
import type { CompiledEconomy } from "../economy/index.js";
import { holdSlot, missSlot } from "./attendance.js";
import { addToRoom, createDayRoom, runDayRoom, waitsForRoom } from "./day-room.js";
import { communityConfig, communityCount, communityFirstCreator, communitySeed } from "./community.js";
import { maxInitialFollowers, type SimConfig } from "./config.js";
import { steadyFatigueHours } from "./creator-effort.js";
import { renumberedEventLog, type EventLogSink } from "./event-log.js";
import { TIMESERIES_COLUMNS } from "./metric-names.js";
import { replicateMetrics } from "./metrics.js";
import { flushMoney, requestPayouts } from "./money.js";
import { reinvestedMicros } from "./reinvestment.js";
import type { ReplicateOutput } from "./output.js";
import { inCommunity, joinParts, partCreators, partOfWorld, partStreams, type ReplicatePart } from "./replicate-part.js";
import { startMidMonth } from "./spending.js";
import { runStream } from "./stream.js";
import { appendRow } from "./tally.js";
import { FORMAT_IDS, WEEKDAYS } from "./vocabulary.js";
import { DAY_BASE, drawViewer } from "./viewers.js";
import { addFollower, createWorld, type TurnedAwayObserver, type VisitObserver, type World } from "./world.js";

/** Options of runReplicate; none changes its result but watchersInBulk, which changes it in its draws only (stream/watchers.ts). */
export interface ReplicateOptions {
  /** Receives every purchase, gift and payout the core applied. */
  eventLog?: EventLogSink;
  /**
   * Events after which the replicate is stopped with errors.replicateRunaway (default
   * SIM_LIMITS.replicateEventBudget): the guard for work the up-front estimate did not foresee.
   */
  eventBudget?: number;
  /**
   * The price book of `config.platform`, compiled once by the caller (a worker compiles each
   * plan cell's validated economy once). Without it the replicate loads and compiles the
   * config's platform itself, cached per platform.
   */
  economy?: CompiledEconomy;
  /** Receives every visit as it ends (person, creator, day, arrival and departure second of the day). */
  onVisit?: VisitObserver;
  /**
   * Receives every arrival turned away because the person watches another stream at that moment.
   * Like onVisit's, its person and creator ids are the community's own (community.ts), not renumbered.
   */
  onTurnedAway?: TurnedAwayObserver;
  /**
   * false: every viewer's departure clock runs one by one, watchers too (stream/watchers.ts);
   * the path the bulk one is tested against. Default true.
   */
  watchersInBulk?: boolean;
}

/** Days before day 0 over which initial followers last attended (spread evenly). */
const INITIAL_ATTENDANCE_SPREAD_DAYS = 14;

/**
 * Runs one replicate. Uses no randomness but the seedrandom streams made from `seed`, so equal
 * (config, seed) give bit-identical outputs whatever the worker or order. Communities run one
 * after another, so only one holds viewers at a time; the event log numbers viewers, creators
 * and streams over the whole replicate, each community's after those of the ones before.
 */
export function runReplicate(config: SimConfig, seed: string, options: ReplicateOptions = {}): ReplicateOutput {
  const parts: ReplicatePart[] = [];
  const before = { viewers: 0, creators: 0, streams: 0 };
  for (let k = 0; k < communityCount(config); k++) {
    const sink = options.eventLog;
    const eventLog = k === 0 || sink === undefined ? sink : renumberedEventLog(sink, { ...before });
    const part = runCommunity(config, seed, k, { ...options, eventLog });
    parts.push(part);
    before.viewers += part.viewerCount;
    before.creators += partCreators(part);
    before.streams += partStreams(part);
  }
  return replicateOutput(joinParts(parts));
}

/**
 * Community k of a replicate (the whole replicate when it has one), as a part to join in
 * community order; its creators, viewers and streams are numbered from 0 (joinParts renumbers).
 */
export function runCommunity(config: SimConfig, seed: string, k: number, options: ReplicateOptions = {}): ReplicatePart {
  const part = simulateWorld(communityConfig(config, k), communitySeed(config, seed, k), options).part;
  return communityCount(config) === 1 ? part : inCommunity(part, k, communityFirstCreator(config, k));
}

/** A replicate's outputs from its joined part. */
export function replicateOutput(part: ReplicatePart): ReplicateOutput {
  return {
    metrics: replicateMetrics(part),
    streams: part.streams,
    timeseries: part.timeseries,
    simulatedEvents: part.sums.events,
    audit: { state: part.failures.length === 0 ? "passed" : "failed", failures: part.failures },
  };
}

/** runReplicate of a world of one community, also returning the world for tests that inspect per-viewer state. */
export function simulate(config: SimConfig, seed: string, options: ReplicateOptions = {}): { world: World; output: ReplicateOutput } {
  if (communityCount(config) !== 1) throw new Error("simulate runs a world of one community; runReplicate runs several");
  const { world, part } = simulateWorld(config, seed, options);
  return { world, output: replicateOutput(part) };
}

/** Runs one world (a community, or the whole replicate's creators) to its part. */
function simulateWorld(config: SimConfig, seed: string, options: ReplicateOptions): { world: World; part: ReplicatePart } {
  const world = createWorld(config, seed, options);
  const { creators, tally, money } = world;
  seedFollowers(world);
  const horizonDays = config.horizonWeeks * 7;
  const schedule = config.creators.schedule;
  const scheduled = new Uint8Array(7);
  for (const day of schedule.days) scheduled[WEEKDAYS.indexOf(day)] = 1;
  const typicalGap = 7 / new Set(schedule.days).size;
  const lastStreamDay = new Float64Array(creators.count).fill(-typicalGap);
  creators.fatigueHours.fill(steadyFatigueHours(config.creators.fatigue, schedule.durationMinutes / 60, typicalGap, schedule.reliability));
  const formatIndex = config.creators.formats.map((id) => FORMAT_IDS.indexOf(id));
  const allCreators = Int32Array.from({ length: creators.count }, (_, c) => c);
  const grossByCreator = new Float64Array(creators.count);
  const { share, qualityPerLogUsd, scaleUsd } = config.creators.reinvestment;
  // Streams that must run together (battles between creators, shared audiences) wait for the
  // day's other creators to decide (day-room.ts).
  const room = createDayRoom(creators.count);
  let cumulativePayout = 0;
  let creatorsPaid = 0;

  for (let day = 0; day < horizonDays; day++) {
    tally.dayStreams = tally.dayLiveMinutes = tally.dayActive = tally.dayGifts = tally.dayCoins = tally.daySpendMicros = 0;
    if (scheduled[day % 7] === 1) {
      for (let c = 0; c < creators.count; c++) {
        if (world.streams.schedule.uniform() >= schedule.reliability) {
          missSlot(world, c);
          continue;
        }
        holdSlot(world, c);
        const format = formatIndex[creators.streamsHeld[c] % formatIndex.length];
        if (waitsForRoom(config, format)) addToRoom(room, c, format, day - lastStreamDay[c]);
        else runStream(world, c, day, format, day - lastStreamDay[c]);
        lastStreamDay[c] = day;
      }
      runDayRoom(world, room, day);
    }
    let payoutToday = 0;
    let reinvestedToday = 0;
    if ((day + 1) % config.payouts.everyDays === 0) {
      tally.events += requestPayouts(money, day, allCreators, creators.count, grossByCreator);
      for (let c = 0; c < creators.count; c++) {
        const gross = grossByCreator[c];
        if (gross === 0) continue;
        payoutToday += gross;
        if (creators.firstPayoutDay[c] === 0) {
          creators.firstPayoutDay[c] = day + 1;
          creatorsPaid++;
        }
        // Paid out of the payout, in whole micro-USD: take-home is the rest, exactly.
        const reinvested = reinvestedMicros(gross, share);
        reinvestedToday += reinvested;
        creators.reinvestedMicros[c] += reinvested;
        creators.quality[c] = creators.baseQuality[c] * (1 + qualityPerLogUsd * Math.log1p(creators.reinvestedMicros[c] / 1e6 / scaleUsd));
      }
    } else flushMoney(money);
    cumulativePayout += payoutToday;
    let diamonds = 0;
    for (let c = 0; c < creators.count; c++) diamonds += diamondsEarned(money.ledger, c);
    const previousDiamonds = day > 0 ? tally.dayRows[(day - 1) * TIMESERIES_COLUMNS.length + CUMULATIVE_DIAMONDS_COLUMN] : 0;
    appendRow(tally.dayRows, TIMESERIES_COLUMNS, {
      day,
      streams: tally.dayStreams,
      liveMinutes: tally.dayLiveMinutes,
      activeViewers: tally.dayActive,
      gifts: tally.dayGifts,
      giftedCoins: tally.dayCoins,
      viewerSpendMicros: tally.daySpendMicros,
      creatorDiamonds: diamonds - previousDiamonds,
      creatorPayoutMicros: payoutToday,
      creatorTakeHomeMicros: payoutToday - reinvestedToday,
      cumulativeCreatorDiamonds: diamonds,
      cumulativeCreatorPayoutMicros: cumulativePayout,
      creatorsPaidShare: creatorsPaid / creators.count,
      followers: creators.followerCount.reduce((sum, n) => sum + n, 0),
      coinsPerLiveHour: tally.dayLiveMinutes > 0 ? tally.dayCoins / (tally.dayLiveMinutes / 60) : Number.NaN,
    });
  }
  flushMoney(money);
  const audit = auditLedger(money.ledger);
  const failures = audit.state === "failed" ? audit.failures : [];
  if (money.rejected > 0) failures.push(`the core rejected ${money.rejected} rows the simulation had funded`);
  auditReinvestment(world, failures);
  return { world, part: partOfWorld(world, audit.totals, failures, horizonDays) };
}

/**
 * Reinvestment is the one money flow outside the ledger (the creator spends part of a payout
 * off-platform): each creator's must be whole micro-USD and at most what the ledger paid them,
 * so that take-home (payouts minus reinvestment) is exact and never negative.
 */
function auditReinvestment(world: World, failures: string[]): void {
  const { creators, money } = world;
  for (let c = 0; c < creators.count; c++) {
    const reinvested = creators.reinvestedMicros[c];
    const paid = money.ledger.payoutGrossMicros[c];
    if (!Number.isSafeInteger(reinvested) || reinvested < 0 || reinvested > paid) failures.push(`creator ${c} reinvested ${reinvested} micro-USD of ${paid} paid out`);
  }
}

const CUMULATIVE_DIAMONDS_COLUMN = TIMESERIES_COLUMNS.indexOf("cumulativeCreatorDiamonds");

/**
 * Each creator starts with initialFollowers x (quality / config quality)^elasticity followers
 * (at most half its audience pool): the first viewers of its pool, with habits spread over [0.2, 0.8],
 * last visits spread over the two weeks before day 0, and their budget months already under way.
 */
function seedFollowers(world: World): void {
  const { config, creators, viewers } = world;
  const traits = world.streams.traits;
  const population = config.population;
  for (let c = 0; c < creators.count; c++) {
    const relative = creators.baseQuality[c] / config.creators.quality;
    const wanted = Math.round(population.initialFollowers * Math.pow(relative, config.creators.reachElasticity));
    const poolSize = creators.poolStart[c + 1] - creators.poolStart[c];
    const count = Math.min(wanted, maxInitialFollowers(poolSize));
    for (let i = 0; i < count; i++) {
      const v = creators.poolStart[c] + i;
      const person = viewers.person[v];
      // A person already met through another creator keeps their month as it stands.
      const metBefore = world.people.drawn[person] === 1;
      drawViewer(viewers, world.people, v, config, world.tables, traits, -1, false);
      if (!metBefore) startMidMonth(world.people, person, config.monthDays, population.budget.startSpentShare);
      // Drawn after the viewer's traits, from the stream drawViewer left keyed by the relationship.
      viewers.habit[v] = 0.2 + 0.6 * traits.uniform();
      viewers.lastAttendDay[v] = DAY_BASE - 1 - Math.floor(traits.uniform() * INITIAL_ATTENDANCE_SPREAD_DAYS);
      addFollower(world, c, v);
    }
    world.tally.followersStart += count;
  }
}
