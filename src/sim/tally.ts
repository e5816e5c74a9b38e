/**
 * The data collector: running sums the stream loop adds to as events happen, from which
 * metrics.ts derives the replicate's metrics. Stream rows and day rows are appended here too.
 */
import type { SimConfig } from "./config.js";
import { PRICE_BUCKETS, RETENTION_MINUTES } from "./metric-names.js";
import type { BattleTotals } from "./stream-context.js";

/** Running sums of one replicate. */
export interface ReplicateTally {
  streamRows: number[];
  dayRows: number[];
  events: number;
  streams: number;
  liveSeconds: number;
  uniqueViewers: number;
  visits: number;
  watchSeconds: number;
  /** Visits that lasted at least each RETENTION_MINUTES entry. */
  retained: Float64Array;
  peak: number;
  peakSum: number;
  viewerSeconds: number;
  giftsByBucket: Float64Array;
  coinsByBucket: Float64Array;
  /** Viewers who gifted, in order of their first gift. */
  gifters: Int32Array;
  gifterCount: number;
  payers: number;
  /** Arrivals of people already present in another stream (a person watches one at a time), who did not come. */
  busyArrivals: number;
  returnsNumerator: number;
  returnsDenominator: number;
  newFollowers: number;
  followersStart: number;
  goalsReached: number;
  battle: BattleTotals;
  /** Viewers active and viewers who gifted, per month. */
  activeByMonth: Float64Array;
  giftersByMonth: Float64Array;
  gapCvSum: number;
  gapCvStreams: number;
  /** Herding regression over 5-minute bins: x = mean concurrency, y = gifts per viewer-minute. */
  binCount: number;
  binX: number;
  binY: number;
  binXY: number;
  binXX: number;
  /** The current day's sums, written as a timeseries row at the end of the day. */
  dayStreams: number;
  dayLiveMinutes: number;
  dayActive: number;
  dayGifts: number;
  dayCoins: number;
  daySpendMicros: number;
}

/** Empty sums, with one monthly slot per month of the horizon. */
export function createTally(config: SimConfig): ReplicateTally {
  const months = Math.ceil((config.horizonWeeks * 7) / config.monthDays);
  return {
    streamRows: [],
    dayRows: [],
    events: 0,
    streams: 0,
    liveSeconds: 0,
    uniqueViewers: 0,
    visits: 0,
    watchSeconds: 0,
    retained: new Float64Array(RETENTION_MINUTES.length),
    peak: 0,
    peakSum: 0,
    viewerSeconds: 0,
    giftsByBucket: new Float64Array(PRICE_BUCKETS.length),
    coinsByBucket: new Float64Array(PRICE_BUCKETS.length),
    gifters: new Int32Array(1024),
    gifterCount: 0,
    payers: 0,
    busyArrivals: 0,
    returnsNumerator: 0,
    returnsDenominator: 0,
    newFollowers: 0,
    followersStart: 0,
    goalsReached: 0,
    battle: { rounds: 0, roundsWon: 0, repeatRounds: 0, freshGifts: 0, freshViewerSeconds: 0, repeatGifts: 0, repeatViewerSeconds: 0 },
    activeByMonth: new Float64Array(months),
    giftersByMonth: new Float64Array(months),
    gapCvSum: 0,
    gapCvStreams: 0,
    binCount: 0,
    binX: 0,
    binY: 0,
    binXY: 0,
    binXX: 0,
    dayStreams: 0,
    dayLiveMinutes: 0,
    dayActive: 0,
    dayGifts: 0,
    dayCoins: 0,
    daySpendMicros: 0,
  };
}

/** Index of a gift price's bucket in PRICE_BUCKETS. */
export function priceBucket(priceCoins: number): number {
  let bucket = 0;
  while (bucket + 1 < PRICE_BUCKETS.length && priceCoins >= PRICE_BUCKETS[bucket + 1].min) bucket++;
  return bucket;
}

/** Records a viewer's first gift of the replicate. */
export function addGifter(tally: ReplicateTally, viewer: number): void {
  if (tally.gifterCount === tally.gifters.length) {
    const grown = new Int32Array(tally.gifters.length * 2);
    grown.set(tally.gifters);
    tally.gifters = grown;
  }
  tally.gifters[tally.gifterCount++] = viewer;
}

/** Adds one 5-minute bin of a stream to the herding regression. */
export function addHerdingBin(tally: ReplicateTally, viewerSeconds: number, binSeconds: number, gifts: number): void {
  if (viewerSeconds <= 0 || binSeconds <= 0) return;
  const x = viewerSeconds / binSeconds;
  const y = gifts / (viewerSeconds / 60);
  tally.binCount++;
  tally.binX += x;
  tally.binY += y;
  tally.binXY += x * y;
  tally.binXX += x * x;
}

/** Appends a row of `columns`, one value for each (the types make a missing or unknown column a compile error); returns its index. */
export function appendRow<C extends string>(rows: number[], columns: readonly C[], values: Readonly<Record<NoInfer<C>, number>>): number {
  const at = rows.length / columns.length;
  for (const column of columns) rows.push(values[column]);
  return at;
}
