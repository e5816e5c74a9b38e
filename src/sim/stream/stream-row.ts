/**
 * The end of a stream: its counters go into the replicate's sums, its row into the stream
 * table (typed by StreamRow, so every column is named and none is mistyped), and what the
 * creator's next stream needs (peak, viewers, format, typical gift rate) into the creators.
 */
import { concentration } from "../concentration.js";
import { RETENTION_COLUMNS, STREAM_COLUMNS, type StreamColumn, type StreamRow } from "../metric-names.js";
import { appendRow } from "../tally.js";
import type { StreamState } from "./state.js";

/** Gap statistics are taken from streams with at least this many gifts. */
const MIN_GIFTS_FOR_GAPS = 10;
const NEXT_RETURN_COLUMN = STREAM_COLUMNS.indexOf("nextStreamReturnRate");

type RetentionColumn = (typeof RETENTION_COLUMNS)[number];
/**
 * The columns before the retention shares, which end the row. The row is written as one literal
 * of these and the shares after it: merging the shares into the literal made an object of some
 * fifty properties added one by one, which V8 keeps as a hash table, per stream.
 */
const NAMED_COLUMNS = STREAM_COLUMNS.slice(0, STREAM_COLUMNS.length - RETENTION_COLUMNS.length) as readonly Exclude<StreamColumn, RetentionColumn>[];

/** Adds the finished stream to the tally and appends its row. */
export function finishStream(s: StreamState): void {
  const { world, tally, creators, creator: c, durationSec, visits, gifts, coins, unique, payers, spendMicros } = s;
  const meanWatch = visits > 0 ? s.watchSeconds / visits / 60 : 0;
  const gapCv = giftGapCv(s);
  tally.streams++;
  tally.liveSeconds += durationSec;
  tally.visits += visits;
  tally.watchSeconds += s.watchSeconds;
  tally.peak = Math.max(tally.peak, s.peak);
  tally.peakSum += s.peak;
  tally.viewerSeconds += s.viewerSeconds;
  tally.newFollowers += s.newFollowers;
  tally.goalsReached += s.goalsReached;
  tally.dayStreams++;
  tally.dayLiveMinutes += durationSec / 60;
  tally.dayGifts += gifts;
  tally.dayCoins += coins;
  tally.daySpendMicros += spendMicros;

  // The previous stream's row learns how many of its viewers came back to this one.
  const previousRow = creators.previousRow[c];
  if (previousRow >= 0 && creators.previousViewers[c] > 0) {
    tally.streamRows[previousRow * STREAM_COLUMNS.length + NEXT_RETURN_COLUMN] = creators.returners[c] / creators.previousViewers[c];
    tally.returnsNumerator += creators.returners[c];
    tally.returnsDenominator += creators.previousViewers[c];
  }
  const giftedByGifter = new Float64Array(s.streamGifterCount);
  for (let i = 0; i < s.streamGifterCount; i++) giftedByGifter[i] = s.streamCoins[s.streamGifters[i]];
  const spread = concentration(giftedByGifter);
  const diamonds = coins * s.money.diamondsPerCoin;
  const earnings = diamonds * world.economy.diamondValueMicros;
  const row: Omit<StreamRow, RetentionColumn> = {
    streamId: s.streamId,
    day: s.day,
    creator: c,
    format: s.formatIndex,
    startSecond: s.startSecond,
    durationMinutes: durationSec / 60,
    uniqueViewers: unique,
    followerViewers: s.followerViewers,
    newcomerViewers: s.newcomerViewers,
    promotedViewers: s.promotedViewers,
    peakConcurrency: s.peak,
    meanConcurrency: s.viewerSeconds / durationSec,
    meanWatchMinutes: meanWatch,
    gifts,
    giftedCoins: coins,
    coinsPerLiveHour: coins / (durationSec / 3600),
    gifters: s.gifters,
    firstTimeGifters: s.firstTimeGifters,
    purchases: s.purchases,
    viewerSpendMicros: spendMicros,
    storeFeeMicros: Math.floor(s.feeBpsMicros / 10_000),
    creatorDiamonds: diamonds,
    creatorEarningsMicros: earnings,
    platformNetMicros: spendMicros - s.feeBpsMicros / 10_000 - earnings,
    viewerToGifterConversion: unique > 0 ? s.gifters / unique : Number.NaN,
    payers,
    arppuMicros: payers > 0 ? spendMicros / payers : Number.NaN,
    top1GifterShare: spread.top1,
    top10GifterShare: spread.top10,
    gini: spread.gini,
    newFollowers: s.newFollowers,
    // Known only when the creator's next stream ends (above).
    nextStreamReturnRate: Number.NaN,
    goalsReached: s.goalsReached,
    battleRounds: s.streamBattleRounds,
    battleRoundsWon: s.streamBattleWins,
    battleRepeatRounds: s.streamBattleRepeats,
    gapCv,
  };
  const rows = tally.streamRows;
  creators.previousRow[c] = rows.length / STREAM_COLUMNS.length;
  appendRow(rows, NAMED_COLUMNS, row);
  for (let i = 0; i < RETENTION_COLUMNS.length; i++) rows.push(visits > 0 ? s.retained[i] / visits : Number.NaN);
  creators.previousViewers[c] = unique;
  creators.returners[c] = 0;
  creators.previousPeak[c] = s.peak;
  creators.previousFormat[c] = s.formatIndex;
  creators.coins[c] += coins;
  creators.liveSeconds[c] += durationSec;
}

/** Coefficient of variation of the gaps between the stream's gifts (NaN below MIN_GIFTS_FOR_GAPS), added to the tally's mean. */
function giftGapCv(s: StreamState): number {
  if (s.gapCount + 1 < MIN_GIFTS_FOR_GAPS) return Number.NaN;
  const mean = s.gapSum / s.gapCount;
  const variance = Math.max(0, s.gapSquares / s.gapCount - mean * mean);
  const gapCv = mean > 0 ? Math.sqrt(variance) / mean : Number.NaN;
  if (Number.isFinite(gapCv)) {
    s.tally.gapCvSum += gapCv;
    s.tally.gapCvStreams++;
  }
  return gapCv;
}
