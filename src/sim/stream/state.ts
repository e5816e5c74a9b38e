/**
 * One stream's whole state: what it reads from the world, its constants, the running counters
 * of its output row, the gift clock's bound and the tactics running in it. It is also the
 * StreamContext the format sees, the TacticContext tactics see and the GiftWeightContext the
 * gift weight reads: each is typed against its interface only, so none imports the state.
 *
 * A class rather than a closure's variables: every stream makes one instance of the same
 * shape, the pieces of the loop (arrivals, presence, gift clock, gifts, stream row) are free
 * functions that take it first, and its doubles are fields that V8 updates in place (a double
 * written to a variable that closures share is boxed anew on every write).
 */
import type { ArrivalRun } from "../arrival-run.js";
import type { SimConfig } from "../config.js";
import type { EventQueue } from "../event-queue.js";
import type { StreamFormat } from "../formats/index.js";
import { RETENTION_MINUTES } from "../metric-names.js";
import type { MoneyFeed } from "../money.js";
import type { Random } from "../random.js";
import { restartForStream } from "../random-streams.js";
import type { Catalog, Spending } from "../spending.js";
import type { BattleTotals } from "../stream-context.js";
import type { ReplicateTally } from "../tally.js";
import type { RunningTactics } from "../tactics/index.js";
import type { People } from "../people.js";
import { DAY_BASE, type Viewers } from "../viewers.js";
import { setWeight, type WeightedSet } from "../weighted-set.js";
import type { Creators, World } from "../world.js";
import { giftWeight, type GiftWeightContext } from "./gift-weight.js";
import type { StreamScratch } from "./scratch.js";

/** Width of the herding regression's bins, seconds. */
export const BIN_SECONDS = 300;
/** Largest factor by which the standing gift-candidate bound may overstate herding. */
const HERDING_SLACK = 1.02;

/** The running stream; see the module comment. */
export class StreamState implements GiftWeightContext {
  // --- the world, as the loop reads it ---
  readonly world: World;
  readonly config: SimConfig;
  /** The format's stream (StreamContext.random); the loop's own draws use the two below. */
  readonly random: Random;
  /** Departure clocks and engaged viewers' staying (presence.ts). */
  readonly departureRandom: Random;
  /** The gift clock (gift-clock.ts). */
  readonly giftRandom: Random;
  readonly viewers: Viewers;
  readonly people: People;
  readonly creators: Creators;
  readonly tally: ReplicateTally;
  /** The buffers this stream works in (the world's own, or a day room's: scratch.ts). */
  readonly scratch: StreamScratch;
  readonly queue: EventQueue;
  readonly discovery: ArrivalRun;
  readonly weights: WeightedSet;
  /** Watchers' departure clocks (watchers.ts). */
  readonly watchers: EventQueue;
  /** Whether viewers who never pay are watchers (watchers.ts): not with herding falling in N (a departure would raise the hazard). */
  readonly watchersInBulk: boolean;
  /** The scratch's arrays, read here on the hot path; where one grows, both are updated. */
  slotViewer: Int32Array;
  freeSlots: Int32Array;
  streamGifters: Int32Array;
  /** Viewers present who never pay but keep a departure clock (a question waits), without a slot (presence.ts), and how many. */
  slotless: Int32Array;
  slotlessCount = 0;
  /** Free slots on the stack and slots ever used in this stream. */
  freeCount = 0;
  slotsUsed = 0;
  readonly money: MoneyFeed;
  readonly spending: Spending;
  readonly catalog: Catalog;
  readonly format: StreamFormat;
  /** Per-viewer scratch of the world (see World). */
  readonly slotOf: Int32Array;
  readonly arrivalTime: Float64Array;
  readonly payoffAtArrival: Float64Array;
  readonly streamCoins: Float64Array;
  readonly seenInStream: Int32Array;
  readonly flags: Uint8Array;
  /** Tactics running in this stream, by hook (tactics/running.ts). */
  readonly tactics: RunningTactics;

  // --- constants of the stream ---
  readonly creator: number;
  readonly day: number;
  /** Index into FORMAT_IDS. */
  readonly formatIndex: number;
  readonly durationSec: number;
  /** Second of the day the stream starts at (UTC). */
  readonly startSecond: number;
  readonly streamId: number;
  /** streamId + 1: what World.seenInStream holds for viewers counted in this stream. */
  readonly streamKey: number;
  /** Streams the creator held before this one. */
  readonly ordinal: number;
  /** Calendar month of the day (the paying share's months; budgets run on each viewer's own month). */
  readonly month: number;
  readonly monthDays: number;
  /** day + DAY_BASE: how per-viewer day fields store the day. */
  readonly dayKey: number;
  /** The creator's performance in this stream (creator-effort.ts), in (0, 1]. */
  readonly performance: number;
  /** Base gift rate per second, times the creator's performance. */
  readonly baseRate: number;
  readonly budgetMedianMicros: number;
  readonly budgetElasticity: number;
  readonly budgetPacing: number;
  readonly channelCount: number;
  readonly contagionStrength: number;
  readonly contagionDecay: number;
  /** With herding falling in N a departure would raise the hazard: then the bound is redrawn after every event. */
  readonly lazyBound: boolean;
  /**
   * Room for more viewers before a redraw, as a share of (scaleViewers + present): as much as
   * raises the herding bound by at most HERDING_SLACK, i.e. at most that many more rejected candidates.
   */
  readonly slackShare: number;
  readonly typicalCoinsPerSecond: number;
  readonly battle: BattleTotals;
  /**
   * The day room's streams, in the order their keys were given (streamKey - peers[0].streamKey),
   * or empty for a stream alone: a watcher of one may have left by the time another's arrival
   * asks (watchers.ts).
   */
  peers: readonly StreamState[] = [];

  // --- what formats see change (StreamContext) ---
  /** Time of the event being handled (reachEvent), read by the loop's steps instead of a boxed argument. */
  now = 0;
  present = 0;
  viewerSeconds = 0;
  coins = 0;
  payoffSum = 0;
  boundUntil = Number.POSITIVE_INFINITY;
  streamBattleRounds = 0;
  streamBattleWins = 0;
  streamBattleRepeats = 0;
  goalsReached = 0;

  // --- counters of the stream row ---
  peak = 0;
  unique = 0;
  followerViewers = 0;
  newcomerViewers = 0;
  promotedViewers = 0;
  visits = 0;
  watchSeconds = 0;
  gifts = 0;
  gifters = 0;
  firstTimeGifters = 0;
  purchases = 0;
  payers = 0;
  spendMicros = 0;
  feeBpsMicros = 0;
  newFollowers = 0;
  /** Visits that lasted at least each RETENTION_MINUTES entry. */
  readonly retained = new Float64Array(RETENTION_MINUTES.length);
  /** Viewers in streamGifters so far. */
  streamGifterCount = 0;
  /** Gift rows sent so far (their sequence number in the money feed). */
  giftSeq = 0;
  lastGiftTime = -1;
  gapCount = 0;
  gapSum = 0;
  gapSquares = 0;

  // --- presence over time: viewer-seconds and the herding regression's bins ---
  lastTime = 0;
  binEnd = BIN_SECONDS;
  binViewerSeconds = 0;
  binGifts = 0;

  // --- the gift clock ---
  /** The format's next timer. */
  timer = Number.POSITIVE_INFINITY;
  /** The candidate gift time, and whether it is a candidate (false: only the end of the bound). */
  giftTime = Number.POSITIVE_INFINITY;
  giftReal = false;
  /** Time of the next event, as the loop hands it to the handler (stream.ts handleDue). */
  due = 0;
  /** Contagion at its last jump, and when that was; it decays between gifts. */
  contagionValue = 0;
  /** Contagion just before the gift candidate being handled. */
  contagionNow = 0;
  contagionTime = 0;
  /** The bound's factors other than the total weight, when the candidate was drawn. */
  boundProduct = 0;
  /** Total weight W when the candidate was drawn; departures since have lowered the total. */
  boundTotal = 0;
  /** Viewers present up to which the candidate's herding bound holds. */
  presentLimit = 0;
  /** The tactics' boost on every present viewer's gift hazard, when the candidate was drawn. */
  goalBoost = 1;

  constructor(world: World, creator: number, day: number, formatIndex: number, format: StreamFormat, tactics: RunningTactics, scratch: StreamScratch) {
    const { config, creators } = world;
    const { gifting, creators: creatorConfig } = config;
    this.world = world;
    this.config = config;
    restartForStream(world.streams, creator, day);
    this.random = world.streams.format;
    this.departureRandom = world.streams.departures;
    this.giftRandom = world.streams.giftClock;
    this.viewers = world.viewers;
    this.people = world.people;
    this.creators = creators;
    this.tally = world.tally;
    this.scratch = scratch;
    this.queue = scratch.queue;
    this.discovery = scratch.discovery;
    this.weights = scratch.weights;
    this.watchers = scratch.watchers;
    this.slotViewer = scratch.slotViewer;
    this.freeSlots = scratch.freeSlots;
    this.slotless = scratch.slotless;
    this.streamGifters = scratch.streamGifters;
    this.money = world.money;
    this.spending = world.spending;
    this.catalog = world.catalog;
    this.format = format;
    this.slotOf = world.slotOf;
    this.arrivalTime = world.arrivalTime;
    this.payoffAtArrival = world.payoffAtArrival;
    this.streamCoins = world.streamCoins;
    this.seenInStream = world.seenInStream;
    this.flags = world.flags;
    this.tactics = tactics;
    this.creator = creator;
    this.day = day;
    this.formatIndex = formatIndex;
    this.durationSec = creatorConfig.schedule.durationMinutes * 60 * format.durationFactor;
    this.startSecond = creators.startSecond[creator];
    this.streamId = world.nextStreamId++;
    this.streamKey = this.streamId + 1;
    this.ordinal = creators.streamsHeld[creator]++;
    this.month = Math.floor(day / config.monthDays);
    this.monthDays = config.monthDays;
    this.dayKey = day + DAY_BASE;
    this.performance = creators.performance[creator];
    this.baseRate = (gifting.baseRatePerHour / 3600) * this.performance;
    this.budgetMedianMicros = config.population.budget.medianUsd * 1e6;
    this.budgetElasticity = gifting.budgetElasticity;
    this.budgetPacing = gifting.budgetPacing;
    this.channelCount = world.economy.channelIds.length;
    this.contagionStrength = gifting.contagion.strength;
    this.contagionDecay = gifting.contagion.decaySeconds;
    const herdingElasticity = gifting.herding.elasticity;
    this.lazyBound = herdingElasticity >= 0;
    // A watcher leaving between events must not raise the hazard above the standing bound.
    this.watchersInBulk = world.watchersInBulk && this.lazyBound;
    this.slackShare = herdingElasticity > 0 ? Math.pow(HERDING_SLACK, 1 / herdingElasticity) - 1 : 1;
    this.typicalCoinsPerSecond = creators.liveSeconds[creator] > 0 ? creators.coins[creator] / creators.liveSeconds[creator] : 0;
    this.battle = world.tally.battle;
  }

  isPresent(viewer: number): boolean {
    return this.slotOf[viewer] !== 0;
  }

  refreshWeight(viewer: number): void {
    // A viewer who never pays (a watcher, or held without a slot: slotOf below 0) has no weight to refresh.
    if (this.slotOf[viewer] > 0) setWeight(this.weights, this.slotOf[viewer] - 1, giftWeight(this, viewer));
  }
}
