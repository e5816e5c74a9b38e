/**
 * Everything one replicate holds: the population, the creators, the money feed into the
 * ledger, the formats' runtimes, the data collector, and the scratch the stream loop reuses.
 */
import { compileEconomy, loadEconomy, type CompiledEconomy } from "../economy/index.js";
import { createArrivalRun, type ArrivalRun } from "./arrival-run.js";
import { SIM_LIMITS, type SimConfig } from "./config.js";
import type { EventLogSink } from "./event-log.js";
import { createEventQueue, type EventQueue } from "./event-queue.js";
import { buildFollowGraph } from "./follow-graph.js";
import { FORMAT_FACTORIES, type StreamFormat } from "./formats/index.js";
import { createMoneyFeed, type MoneyFeed } from "./money.js";
import { lognormal, type Random } from "./random.js";
import { createPeople, type People } from "./people.js";
import { createRandomStreams, type RandomStreams } from "./random-streams.js";
import { createCatalog, type Catalog, type Spending } from "./spending.js";
import type { StreamScratch } from "./stream/scratch.js";
import { createTally, type ReplicateTally } from "./tally.js";
import { FORMAT_IDS } from "./vocabulary.js";
import { createViewers, traitTables, type TraitTables, type Viewers } from "./viewers.js";
import { createWeightedSet, type WeightedSet } from "./weighted-set.js";

/** Creators' state, one typed array per column. */
export interface Creators {
  readonly count: number;
  /** First viewer of each creator's audience pool; entry `count` is the population size. */
  readonly poolStart: Int32Array;
  /** Second of the day (UTC) the creator's streams start at. */
  readonly startSecond: Int32Array;
  /** Quality before reinvestment (lognormal spread around config quality). */
  readonly baseQuality: Float64Array;
  readonly quality: Float64Array;
  /** Payouts reinvested in production so far, integer micro-USD (out of the creator's income). */
  readonly reinvestedMicros: Float64Array;
  /** Live hours not yet recovered from (creator-effort.ts), and the performance they leave for the current stream, in (0, 1]. */
  readonly fatigueHours: Float64Array;
  readonly performance: Float64Array;
  /** Days the creator streamed, as bits (bit k: k days before its latest stream), for audience saturation. */
  readonly recentStreamDays: Int32Array;
  /** Log-units of discovery lost to promotions that looked unnatural (stream/arrivals.ts). */
  readonly discoveryPenalty: Float64Array;
  /** Share of recent scheduled slots held (exponentially weighted), in [0, 1]. */
  readonly regularity: Float64Array;
  /** Follower ids per creator (unordered), and how many. */
  readonly followers: Int32Array[];
  readonly followerCount: Int32Array;
  /** Streams held so far. */
  readonly streamsHeld: Int32Array;
  /** Peak concurrency of the previous stream (its clips bring newcomers). */
  readonly previousPeak: Float64Array;
  /** Format index of the previous stream, -1 before the first. */
  readonly previousFormat: Int32Array;
  /** Row of the previous stream in the stream table, -1 before the first. */
  readonly previousRow: Int32Array;
  /** Viewers of the previous stream, and how many of them have come back to the current one. */
  readonly previousViewers: Float64Array;
  readonly returners: Float64Array;
  /** Coins and live seconds so far: the creator's typical gift rate. */
  readonly coins: Float64Array;
  readonly liveSeconds: Float64Array;
  /** Coins towards the current series goal, and which series (index from day 0) they belong to. */
  readonly seriesCoins: Float64Array;
  readonly seriesIndex: Int32Array;
  /** Day of the first payout + 1 (0 never). */
  readonly firstPayoutDay: Int32Array;
}

/**
 * Called as each visit ends with the person, the creator, the day and the visit's arrival and
 * departure in seconds since midnight UTC of that day (tests check one stream at a time with it).
 */
export type VisitObserver = (person: number, creator: number, day: number, fromSecond: number, toSecond: number) => void;
/** Receives an arrival turned away: the person, the creator they came to, the day and the second of the day. */
export type TurnedAwayObserver = (person: number, creator: number, day: number, second: number) => void;

/** One replicate's whole state. */
export interface World {
  readonly config: SimConfig;
  /** The replicate's random streams, one per purpose (random-streams.ts). */
  readonly streams: RandomStreams;
  readonly economy: CompiledEconomy;
  /** Pool slots (relationships); `viewers.person` maps each to its person. */
  readonly viewers: Viewers;
  /** The people the slots belong to (people.ts): traits, wallets and budgets shared across their creators. */
  readonly people: People;
  readonly tables: TraitTables;
  readonly creators: Creators;
  readonly money: MoneyFeed;
  readonly catalog: Catalog;
  readonly spending: Spending;
  /** Format runtimes by FORMAT_IDS index, made for the formats the config uses. */
  readonly formats: (StreamFormat | undefined)[];
  readonly tally: ReplicateTally;
  readonly queue: EventQueue;
  readonly watchers: EventQueue;
  readonly discovery: ArrivalRun;
  readonly weights: WeightedSet;
  /** Present viewer of each weighted-set slot. */
  slotViewer: Int32Array;
  /** Slot + 1 of each present viewer, WATCHING (stream/watchers.ts) for a watcher, -index - 2 for one held without a slot (stream/presence.ts), 0 absent. */
  readonly slotOf: Int32Array;
  /** Viewers present without a slot (stream/presence.ts). */
  slotless: Int32Array;
  /** Free slots (a stack). */
  freeSlots: Int32Array;
  /** Per-viewer scratch of the current stream. */
  readonly arrivalTime: Float64Array;
  readonly payoffAtArrival: Float64Array;
  readonly streamCoins: Float64Array;
  /** Stream id + 1 of the last stream the viewer was counted in. */
  readonly seenInStream: Int32Array;
  /** Bit flags of the viewer in the current stream (see stream.ts). */
  readonly flags: Uint8Array;
  /** Viewers who gifted in the current stream, in order of their first gift there. */
  streamGifters: Int32Array;
  /** Buffers of the streams a day room runs beside the one in the fields above (stream/scratch.ts). */
  readonly roomScratch: StreamScratch[];
  /** Format runtimes of those streams, by room place - 1 and FORMAT_IDS index, made on first use (day-room.ts). */
  readonly roomFormats: (StreamFormat | undefined)[][];
  /** Herding factor by viewers present (NaN until first needed). */
  herding: Float64Array;
  nextStreamId: number;
  /** Promotions run so far. */
  promotedStreams: number;
  /** Promotion's target region index, or -1. */
  readonly promotedRegion: number;
  /** Receives every visit as it ends (ReplicateOptions.onVisit), or undefined. */
  readonly onVisit: VisitObserver | undefined;
  /** Receives every arrival turned away because the person watches another stream (ReplicateOptions.onTurnedAway), or undefined. */
  readonly onTurnedAway: TurnedAwayObserver | undefined;
  /** Events after which the replicate is stopped with an error (ReplicateOptions.eventBudget). */
  readonly eventBudget: number;
  /** Whether viewers who never pay are watchers (stream/watchers.ts): ReplicateOptions.watchersInBulk. */
  readonly watchersInBulk: boolean;
}

/** Economies compiled so far, by preset and overrides: compiling validates, which costs more than a replicate's setup. */
const economyCache = new Map<string, CompiledEconomy>();

function compiledEconomy(config: SimConfig): CompiledEconomy {
  const key = JSON.stringify(config.platform);
  let economy = economyCache.get(key);
  if (economy === undefined) {
    economy = compileEconomy(loadEconomy(config.platform.preset, config.platform.overrides));
    if (economyCache.size > 64) economyCache.clear();
    economyCache.set(key, economy);
  }
  return economy;
}

/** The world at day 0 for a config and seed (followers are seeded by the replicate). */
export function createWorld(config: SimConfig, seed: string, options: { eventLog?: EventLogSink; eventBudget?: number; economy?: CompiledEconomy; onVisit?: VisitObserver; onTurnedAway?: TurnedAwayObserver; watchersInBulk?: boolean }): World {
  const streams = createRandomStreams(seed);
  const economy = options.economy ?? compiledEconomy(config);
  const sink = options.eventLog;
  const creatorCount = config.creators.count;
  const baseQuality = new Float64Array(creatorCount);
  for (let c = 0; c < creatorCount; c++) baseQuality[c] = config.creators.qualitySigma > 0 ? lognormal(streams.creators, config.creators.quality, config.creators.qualitySigma) : config.creators.quality;
  const startSecond = creatorStartSeconds(config, streams.creators);
  const graph = buildFollowGraph(config, baseQuality, streams.audience);
  const poolStart = graph.poolStart;
  const people = createPeople(graph.people);
  const viewers = createViewers(graph.person, people, config.audience.overlap);
  // The ledger keeps one wallet per person: a person's creators draw on it alike.
  const money = createMoneyFeed(economy, people.count, creatorCount, sink);
  const catalog = createCatalog(config, economy);
  const formats: (StreamFormat | undefined)[] = FORMAT_IDS.map((id) =>
    config.creators.formats.includes(id) ? FORMAT_FACTORIES[id](config, viewers.count, creatorCount) : undefined,
  );
  const n = viewers.count;
  const geo = config.promotion.geoRegion;
  return {
    config,
    streams,
    economy,
    viewers,
    people,
    tables: traitTables(config, economy),
    creators: {
      count: creatorCount,
      poolStart,
      startSecond,
      baseQuality,
      quality: Float64Array.from(baseQuality),
      reinvestedMicros: new Float64Array(creatorCount),
      fatigueHours: new Float64Array(creatorCount),
      performance: new Float64Array(creatorCount).fill(1),
      recentStreamDays: new Int32Array(creatorCount),
      discoveryPenalty: new Float64Array(creatorCount),
      regularity: new Float64Array(creatorCount).fill(config.creators.schedule.reliability),
      followers: Array.from({ length: creatorCount }, () => new Int32Array(64)),
      followerCount: new Int32Array(creatorCount),
      streamsHeld: new Int32Array(creatorCount),
      previousPeak: new Float64Array(creatorCount),
      previousFormat: new Int32Array(creatorCount).fill(-1),
      previousRow: new Int32Array(creatorCount).fill(-1),
      previousViewers: new Float64Array(creatorCount),
      returners: new Float64Array(creatorCount),
      coins: new Float64Array(creatorCount),
      liveSeconds: new Float64Array(creatorCount),
      seriesCoins: new Float64Array(creatorCount),
      seriesIndex: new Int32Array(creatorCount),
      firstPayoutDay: new Int32Array(creatorCount),
    },
    money,
    catalog,
    spending: { config, economy, catalog, viewers, people, money, random: streams.giftChoice, purchases: 0, purchaseMicros: 0, purchaseFeeBpsMicros: 0 },
    formats,
    tally: createTally(config),
    queue: createEventQueue(4096),
    discovery: createArrivalRun(),
    weights: createWeightedSet(1024),
    watchers: createEventQueue(4096),
    slotViewer: new Int32Array(1024),
    slotOf: new Int32Array(n),
    freeSlots: new Int32Array(1024),
    slotless: new Int32Array(256),
    arrivalTime: new Float64Array(n),
    payoffAtArrival: new Float64Array(n),
    streamCoins: new Float64Array(n),
    seenInStream: new Int32Array(n),
    flags: new Uint8Array(n),
    streamGifters: new Int32Array(256),
    roomScratch: [],
    roomFormats: [],
    herding: new Float64Array(1024).fill(Number.NaN),
    nextStreamId: 0,
    promotedStreams: 0,
    promotedRegion: geo === null ? -1 : economy.regionIds.indexOf(geo),
    onVisit: options.onVisit,
    onTurnedAway: options.onTurnedAway,
    eventBudget: options.eventBudget ?? SIM_LIMITS.replicateEventBudget,
    watchersInBulk: options.watchersInBulk !== false,
  };
}

/**
 * Each creator's start second: the schedule's hour, or with audience.startHours h > 1 one of h
 * whole hours from it, drawn per creator after the qualities (so worlds with one hour draw as
 * before). A late hour runs past midnight and still belongs to its day (and its day room).
 */
function creatorStartSeconds(config: SimConfig, random: Random): Int32Array {
  const { startHourUtc } = config.creators.schedule;
  const hours = config.audience.startHours;
  return Int32Array.from({ length: config.creators.count }, () => Math.round((startHourUtc + (hours > 1 ? Math.floor(random.uniform() * hours) : 0)) * 3600));
}

/** Adds a viewer to a creator's followers. */
export function addFollower(world: World, creator: number, viewer: number): void {
  const creators = world.creators;
  let list = creators.followers[creator];
  const count = creators.followerCount[creator];
  if (count === list.length) {
    const grown = new Int32Array(list.length * 2);
    grown.set(list);
    creators.followers[creator] = list = grown;
  }
  list[count] = viewer;
  creators.followerCount[creator] = count + 1;
  world.viewers.follower[viewer] = 1;
}
