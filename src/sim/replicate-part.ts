/**
 * The mergeable output of part of a replicate (one community, or several merged): everything
 * the replicate's metrics, stream table and day table are derived from, kept in a form two
 * parts can be joined in. Figures that add up are kept as sums (the audited ledger totals in
 * exact bigints, the data collector's running sums); figures that do not (shares, concentration,
 * ratios, means) are kept as the per-creator and per-gifter data they are computed from,
 * concatenated in community order, so that metrics.ts computes them over the whole replicate,
 * never averages them. A part holds no viewer beyond the gifters' coins: once a community's part
 * is taken, its world can go.
 */
import { diamondsEarned, type LedgerTotals } from "../core/index.js";
import { STREAM_COLUMNS, TIMESERIES_COLUMNS } from "./metric-names.js";
import type { BattleTotals } from "./stream-context.js";
import type { ReplicateTally } from "./tally.js";
import { DAY_BASE } from "./viewers.js";
import type { World } from "./world.js";

/** The data collector's running sums that add up across communities. */
const TALLY_SUMS = [
  "events",
  "streams",
  "liveSeconds",
  "uniqueViewers",
  "busyArrivals",
  "visits",
  "watchSeconds",
  "peakSum",
  "viewerSeconds",
  "payers",
  "returnsNumerator",
  "returnsDenominator",
  "newFollowers",
  "followersStart",
  "goalsReached",
  "gapCvSum",
  "gapCvStreams",
  "binCount",
  "binX",
  "binY",
  "binXY",
  "binXX",
] as const satisfies readonly (keyof ReplicateTally)[];

/** The data collector's arrays that add up element by element (per retention minute, price bucket, month). */
const TALLY_ARRAYS = ["retained", "giftsByBucket", "coinsByBucket", "activeByMonth", "giftersByMonth"] as const satisfies readonly (keyof ReplicateTally)[];

type TallySum = (typeof TALLY_SUMS)[number];
type TallyArray = (typeof TALLY_ARRAYS)[number];

/** Per-creator columns, in creator order. */
export interface CreatorColumns {
  /** Whole diamonds earned (paid out or pending): the creator's income in the economy's unit. */
  diamonds: Float64Array;
  /** Payouts, gross of the provider fee, micro-USD. */
  payoutGrossMicros: Float64Array;
  reinvestedMicros: Float64Array;
  quality: Float64Array;
  followerCount: Float64Array;
  /** Day of the first payout + 1 (0 never). */
  firstPayoutDay: Float64Array;
}

const CREATOR_COLUMNS = ["diamonds", "payoutGrossMicros", "reinvestedMicros", "quality", "followerCount", "firstPayoutDay"] as const satisfies readonly (keyof CreatorColumns)[];

/** What a replicate's outputs are derived from, for some of its communities. */
export interface ReplicatePart {
  /** Communities merged into the part. */
  communities: number;
  viewerCount: number;
  /** The ledgers' audited totals, summed (each community floors its own sub-micro remainders). */
  totals: LedgerTotals;
  applied: { purchases: number; gifts: number; payouts: number };
  rejectedRows: number;
  /** Every audit failure, each naming its community when there are several. */
  failures: string[];
  sums: Record<TallySum, number>;
  arrays: Record<TallyArray, Float64Array>;
  battle: BattleTotals;
  /** Most viewers present at once in any stream. */
  peak: number;
  /** Coins gifted by each gifter, in order of first gift within each community. */
  gifterCoins: Float64Array;
  /** Gifters' spend, and that of the whales among them, integer micro-USD. */
  gifterSpendMicros: number;
  whaleSpendMicros: number;
  /** Gifters of the 30-day retention cohort, and those of them who gifted again within 30 days (metrics.ts). */
  retentionCohort: number;
  retentionRetained: number;
  creators: CreatorColumns;
  /** Row-major STREAM_COLUMNS rows; stream ids and creators numbered over the whole replicate. */
  streams: Float64Array;
  /** Row-major TIMESERIES_COLUMNS rows, one per day. */
  timeseries: Float64Array;
}

/** The part of a finished, audited world (`failures` from its audit), numbered from 0. */
export function partOfWorld(world: World, totals: LedgerTotals, failures: string[], horizonDays: number): ReplicatePart {
  const { tally, viewers, people, creators, money } = world;
  const sums = {} as Record<TallySum, number>;
  for (const key of TALLY_SUMS) sums[key] = tally[key];
  const arrays = {} as Record<TallyArray, Float64Array>;
  for (const key of TALLY_ARRAYS) arrays[key] = Float64Array.from(tally[key]);
  const gifterCoins = coinsPerGifter(world);
  let gifterSpend = 0;
  let whaleSpend = 0;
  // Per person (whole micro-USD, so the sum is exact in any order): a person spends one budget on all their creators.
  for (let p = 0; p < people.count; p++) {
    gifterSpend += people.spentTotalMicros[p];
    if (people.whale[p] === 1) whaleSpend += people.spentTotalMicros[p];
  }
  let cohort = 0;
  let retained = 0;
  // The 30-day cohort: gifters whose first gift left a full window before the horizon, or, for horizons too short for that, those of the first week.
  const lastCohortDay = horizonDays > 37 ? horizonDays - 31 : 6;
  for (let i = 0; i < tally.gifterCount; i++) {
    const v = tally.gifters[i];
    if (viewers.firstGiftDay[v] - DAY_BASE > lastCohortDay) continue;
    cohort++;
    retained += viewers.retainedGifter[v];
  }
  const diamonds = new Float64Array(creators.count);
  for (let c = 0; c < creators.count; c++) diamonds[c] = diamondsEarned(money.ledger, c);
  return {
    communities: 1,
    viewerCount: people.count,
    totals,
    applied: { ...money.ledger.applied },
    rejectedRows: money.rejected,
    failures,
    sums,
    arrays,
    battle: { ...tally.battle },
    peak: tally.peak,
    gifterCoins,
    gifterSpendMicros: gifterSpend,
    whaleSpendMicros: whaleSpend,
    retentionCohort: cohort,
    retentionRetained: retained,
    creators: {
      diamonds,
      payoutGrossMicros: Float64Array.from(money.ledger.payoutGrossMicros),
      reinvestedMicros: Float64Array.from(creators.reinvestedMicros),
      quality: Float64Array.from(creators.quality),
      followerCount: Float64Array.from(creators.followerCount),
      firstPayoutDay: Float64Array.from(creators.firstPayoutDay),
    },
    streams: Float64Array.from(tally.streamRows),
    timeseries: Float64Array.from(tally.dayRows),
  };
}

/**
 * Coins gifted per gifting person: per slot when pools do not overlap (each slot its own person),
 * else summed over each person's creators, since a person who gifts to several is one gifter.
 */
function coinsPerGifter(world: World): Float64Array {
  const { tally, viewers } = world;
  if (!viewers.overlap) return Float64Array.from(tally.gifters.subarray(0, tally.gifterCount), (v) => viewers.giftedCoins[v]);
  const byPerson = new Float64Array(world.people.count);
  let gifters = 0;
  for (let i = 0; i < tally.gifterCount; i++) {
    const v = tally.gifters[i];
    const p = viewers.person[v];
    if (byPerson[p] === 0) gifters++;
    byPerson[p] += viewers.giftedCoins[v];
  }
  const coins = new Float64Array(gifters);
  let at = 0;
  for (let p = 0; p < byPerson.length; p++) if (byPerson[p] > 0) coins[at++] = byPerson[p];
  return coins;
}

/** Creators in a part. */
export function partCreators(part: ReplicatePart): number {
  return part.creators.quality.length;
}

/** Streams in a part. */
export function partStreams(part: ReplicatePart): number {
  return part.sums.streams;
}

/**
 * Joins parts in the order given (community order): sums add left to right, per-creator and
 * per-gifter data concatenate, each part's streams and creators are numbered after those of
 * the parts before it, and the day table adds up column by column, its ratios recomputed from
 * the joined data. One part is returned as it is; no input is changed. Floating-point sums are
 * not associative, so a replicate's parts are always joined in one pass in community order,
 * whatever order they were computed in.
 */
export function joinParts(parts: readonly ReplicatePart[]): ReplicatePart {
  if (parts.length === 1) return parts[0];
  const [first, ...rest] = parts;
  const sums = { ...first.sums };
  const arrays = {} as Record<TallyArray, Float64Array>;
  for (const key of TALLY_ARRAYS) arrays[key] = Float64Array.from(first.arrays[key]);
  const battle = { ...first.battle };
  const totals = { ...first.totals };
  const applied = { ...first.applied };
  const joined = { ...first, sums, arrays, battle, totals, applied, failures: [...first.failures] };
  for (const part of rest) {
    joined.communities += part.communities;
    joined.viewerCount += part.viewerCount;
    for (const key of TALLY_SUMS) sums[key] += part.sums[key];
    for (const key of TALLY_ARRAYS) for (let i = 0; i < arrays[key].length; i++) arrays[key][i] += part.arrays[key][i];
    for (const key of Object.keys(battle) as (keyof BattleTotals)[]) battle[key] += part.battle[key];
    for (const key of Object.keys(totals) as (keyof LedgerTotals)[]) if (key !== "fiatRemainderDen") totals[key] += part.totals[key];
    applied.purchases += part.applied.purchases;
    applied.gifts += part.applied.gifts;
    applied.payouts += part.applied.payouts;
    joined.rejectedRows += part.rejectedRows;
    joined.failures.push(...part.failures);
    joined.peak = Math.max(joined.peak, part.peak);
    joined.gifterSpendMicros += part.gifterSpendMicros;
    joined.whaleSpendMicros += part.whaleSpendMicros;
    joined.retentionCohort += part.retentionCohort;
    joined.retentionRetained += part.retentionRetained;
  }
  const creators = {} as CreatorColumns;
  for (const key of CREATOR_COLUMNS) creators[key] = concat(parts.map((part) => part.creators[key]));
  joined.creators = creators;
  joined.gifterCoins = concat(parts.map((part) => part.gifterCoins));
  joined.streams = joinStreams(parts);
  joined.timeseries = joinDays(parts, creators.firstPayoutDay);
  return joined;
}

/** Names a community's audit failures after it (its creators are numbered from its first, `firstCreator`), when the replicate has several. */
export function inCommunity(part: ReplicatePart, k: number, firstCreator: number): ReplicatePart {
  return { ...part, failures: part.failures.map((failure) => `community ${k} (creators numbered from ${firstCreator}): ${failure}`) };
}

function concat(arrays: readonly Float64Array[]): Float64Array {
  const joined = new Float64Array(arrays.reduce((length, array) => length + array.length, 0));
  let at = 0;
  for (const array of arrays) {
    joined.set(array, at);
    at += array.length;
  }
  return joined;
}

const STREAM_WIDTH = STREAM_COLUMNS.length;
const STREAM_ID = STREAM_COLUMNS.indexOf("streamId");
const STREAM_CREATOR = STREAM_COLUMNS.indexOf("creator");

/** The parts' stream rows end to end, each part's stream ids and creators shifted past those of the parts before. */
function joinStreams(parts: readonly ReplicatePart[]): Float64Array {
  const out = concat(parts.map((part) => part.streams));
  let at = 0;
  let streams = 0;
  let creators = 0;
  for (const part of parts) {
    for (const end = at + part.streams.length; at < end; at += STREAM_WIDTH) {
      out[at + STREAM_ID] += streams;
      out[at + STREAM_CREATOR] += creators;
    }
    streams += partStreams(part);
    creators += partCreators(part);
  }
  return out;
}

const DAY_WIDTH = TIMESERIES_COLUMNS.length;
const PAID_SHARE = TIMESERIES_COLUMNS.indexOf("creatorsPaidShare");
const COINS_PER_HOUR = TIMESERIES_COLUMNS.indexOf("coinsPerLiveHour");
const COINS = TIMESERIES_COLUMNS.indexOf("giftedCoins");
const LIVE_MINUTES = TIMESERIES_COLUMNS.indexOf("liveMinutes");
const DAY = TIMESERIES_COLUMNS.indexOf("day");

/**
 * The parts' day rows added column by column (the day kept), and the two ratios recomputed
 * from the joined data as the replicate computes them: the share of all creators first paid on
 * or before the day, and coins per live hour.
 */
function joinDays(parts: readonly ReplicatePart[], firstPayoutDay: Float64Array): Float64Array {
  const out = Float64Array.from(parts[0].timeseries);
  for (const part of parts.slice(1)) for (let i = 0; i < out.length; i++) if (i % DAY_WIDTH !== DAY) out[i] += part.timeseries[i];
  const days = out.length / DAY_WIDTH;
  const firstPaid = new Float64Array(days + 1);
  for (const first of firstPayoutDay) if (first > 0) firstPaid[first - 1]++;
  let paid = 0;
  for (let day = 0; day < days; day++) {
    const row = day * DAY_WIDTH;
    paid += firstPaid[day];
    out[row + PAID_SHARE] = paid / firstPayoutDay.length;
    const liveMinutes = out[row + LIVE_MINUTES];
    out[row + COINS_PER_HOUR] = liveMinutes > 0 ? out[row + COINS] / (liveMinutes / 60) : Number.NaN;
  }
  return out;
}
