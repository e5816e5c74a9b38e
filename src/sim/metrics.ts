/**
 * The replicate's metrics, derived once at the end from its merged part (replicate-part.ts):
 * the ledgers' audited totals (money is read from the core, never re-added here), the data
 * collector's running sums, and the per-creator and per-gifter data that shares and
 * concentration are computed over.
 */
import { concentration } from "./concentration.js";
import { LORENZ_PERCENTS, METRIC_NAMES, PRICE_BUCKETS, RETENTION_MINUTES, type MetricName } from "./metric-names.js";
import type { ReplicatePart } from "./replicate-part.js";

/** Below this many creators "the top 1% of creators" is a single creator: not measured. */
const MIN_CREATORS_FOR_CONCENTRATION = 200;
/** Below this many creators "the top 10% of creators" is a single creator: creator income concentration is not measured. */
const MIN_CREATORS_FOR_INCOME_DISTRIBUTION = 20;
/** The Twitch leak's line between small and larger earners (economics.md, creator income). */
const SMALL_EARNER_MICROS = 120_000_000;

/** Values by metric name: an object literal of this type refuses a name that is not a metric. */
type MetricValues = { [Name in MetricName]?: number };

/** Lays `part` on `values`; typed, unlike Object.assign, so a mistyped metric name fails to compile. */
function put(values: MetricValues, part: MetricValues): void {
  Object.assign(values, part);
}

/** The replicate's metric row, in METRIC_NAMES order, from its merged part. */
export function replicateMetrics(part: ReplicatePart): Float64Array {
  const { sums: tally, arrays, totals, creators } = part;
  const auditPassed = part.failures.length === 0;
  const values: MetricValues = {};
  const num = (value: bigint) => Number(value);

  const viewerSpend = num(totals.fiatPaidMicros);
  const payouts = num(totals.creatorPayoutsMicros);
  const earnings = payouts + num(totals.creatorPendingMicros);
  const reinvested = sum(creators.reinvestedMicros);
  const coinsGifted = num(totals.coinsSpent);
  const coinsPurchased = num(totals.coinsBought);
  const liveHours = tally.liveSeconds / 3600;
  put(values, {
    viewerSpendMicros: viewerSpend,
    storeFeeMicros: num(totals.storeFeeMicros),
    platformNetMicros: num(totals.platformNetMicros),
    creatorEarningsMicros: earnings,
    creatorPayoutMicros: payouts,
    creatorReinvestedMicros: reinvested,
    creatorTakeHomeMicros: payouts - reinvested,
    creatorPendingMicros: num(totals.creatorPendingMicros),
    payoutFeeMicros: num(totals.payoutFeeMicros),
    creatorDiamonds: num(totals.diamondsEarned),
    coinsPurchased,
    coinsGifted,
    coinsInWallets: num(totals.coinsInWallets),
    purchases: part.applied.purchases,
    gifts: part.applied.gifts,
    payouts: part.applied.payouts,
    streams: tally.streams,
    liveHours,
    coinsPerLiveHour: liveHours > 0 ? coinsGifted / liveHours : Number.NaN,
    creatorEarningsMicrosPerLiveHour: liveHours > 0 ? earnings / liveHours : Number.NaN,
    uniqueViewers: tally.uniqueViewers,
    peakConcurrency: part.peak,
    arrivalsTurnedAway: tally.busyArrivals,
    meanPeakConcurrency: tally.streams > 0 ? tally.peakSum / tally.streams : Number.NaN,
    meanConcurrency: tally.liveSeconds > 0 ? tally.viewerSeconds / tally.liveSeconds : Number.NaN,
    meanWatchMinutes: tally.visits > 0 ? tally.watchSeconds / tally.visits / 60 : Number.NaN,
    gifters: part.gifterCoins.length,
    payers: tally.payers,
    viewerToGifterConversion: tally.uniqueViewers > 0 ? part.gifterCoins.length / tally.uniqueViewers : Number.NaN,
    arppuMicros: tally.payers > 0 ? viewerSpend / tally.payers : Number.NaN,
    spendPerViewerMicros: tally.uniqueViewers > 0 ? viewerSpend / tally.uniqueViewers : Number.NaN,
    nextStreamReturnRate: tally.returnsDenominator > 0 ? tally.returnsNumerator / tally.returnsDenominator : Number.NaN,
    newFollowers: tally.newFollowers,
    followersStart: tally.followersStart,
    followersEnd: sum(creators.followerCount),
    goalsReached: tally.goalsReached,
    battleRounds: part.battle.rounds,
    battleWinRate: part.battle.rounds > 0 ? part.battle.roundsWon / part.battle.rounds : Number.NaN,
    rejectedRows: part.rejectedRows,
    simulatedEvents: tally.events,
    auditPassed: auditPassed ? 1 : 0,
    calibPayingShare: ratio(sum(arrays.giftersByMonth), sum(arrays.activeByMonth)),
    calibGapCv: tally.gapCvStreams > 0 ? tally.gapCvSum / tally.gapCvStreams : Number.NaN,
    ...herding(part),
    calibBattleRepeatRatio: battleRepeatRatio(part),
    calibCreatorKeepShare: coinsPurchased > 0 && viewerSpend > 0 ? earnings / ((viewerSpend * coinsGifted) / coinsPurchased) : Number.NaN,
  });
  RETENTION_MINUTES.forEach((m, i) => {
    values[`retention${m}m`] = tally.visits > 0 ? arrays.retained[i] / tally.visits : Number.NaN;
  });
  PRICE_BUCKETS.forEach((bucket, i) => {
    values[`gifts${bucket.name}`] = arrays.giftsByBucket[i];
    values[`coins${bucket.name}`] = arrays.coinsByBucket[i];
  });
  put(values, gifterConcentration(part));
  values.gifter30dRetention = ratio(part.retentionRetained, part.retentionCohort);
  put(values, creatorPayouts(part));
  put(values, creatorIncomeConcentration(part));
  values.whaleSpendShare = ratio(part.whaleSpendMicros, part.gifterSpendMicros);
  values.finalMeanQuality = sum(creators.quality) / creators.quality.length;
  return Float64Array.from(METRIC_NAMES as readonly MetricName[], (name) => values[name] ?? Number.NaN);
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

/** Top shares, Gini and Lorenz curve of coins gifted per gifter. */
function gifterConcentration(part: ReplicatePart): MetricValues {
  const coins = Float64Array.from(part.gifterCoins);
  const measured = concentration(coins);
  const out: MetricValues = {
    gini: measured.gini,
    top1GifterShare: measured.top1,
    top10GifterShare: measured.top10,
    calibTop20Share: measured.top20,
    calibTop20ViewerShare: topViewerShare(coins, part.sums.uniqueViewers, 0.2),
  };
  LORENZ_PERCENTS.forEach((percent, i) => {
    out[`lorenz${percent}`] = measured.lorenz[i];
  });
  return out;
}

/**
 * Share of coins from the top `fraction` of all viewers (non-gifters gave 0), from the gifters'
 * coins sorted ascending: 1 whenever gifters are fewer than that top.
 */
function topViewerShare(ascending: Float64Array, viewerCount: number, fraction: number): number {
  const k = Math.min(ascending.length, Math.ceil(fraction * viewerCount));
  let top = 0;
  let total = 0;
  for (let i = 0; i < ascending.length; i++) {
    total += ascending[i];
    if (i >= ascending.length - k) top += ascending[i];
  }
  return ratio(top, total);
}

function creatorPayouts(part: ReplicatePart): MetricValues {
  const { creators } = part;
  const count = creators.firstPayoutDay.length;
  let paid = 0;
  let firstDays = 0;
  for (let c = 0; c < count; c++) {
    if (creators.firstPayoutDay[c] > 0) {
      paid++;
      firstDays += creators.firstPayoutDay[c] - 1;
    }
  }
  // Payouts, as the Twitch leak counts them (gross, before the provider fee).
  const payouts = Float64Array.from(creators.payoutGrossMicros);
  let small = 0;
  for (let c = 0; c < count; c++) if (payouts[c] > 0 && payouts[c] < SMALL_EARNER_MICROS) small++;
  return {
    creatorsPaid: paid,
    creatorsPaidShare: paid / count,
    meanDaysToFirstPayout: paid > 0 ? firstDays / paid : Number.NaN,
    calibCreatorTop1PayoutShare: count >= MIN_CREATORS_FOR_CONCENTRATION ? concentration(payouts).top1 : Number.NaN,
    calibPaidCreatorsUnder120Share: ratio(small, paid),
  };
}

/** Top shares, Gini and Lorenz curve of creator income (diamonds earned) over all the replicate's creators. */
function creatorIncomeConcentration(part: ReplicatePart): MetricValues {
  const count = part.creators.diamonds.length;
  if (count < MIN_CREATORS_FOR_INCOME_DISTRIBUTION) return {};
  const measured = concentration(Float64Array.from(part.creators.diamonds));
  const out: MetricValues = {
    top1CreatorIncomeShare: count >= MIN_CREATORS_FOR_CONCENTRATION ? measured.top1 : Number.NaN,
    top10CreatorIncomeShare: measured.top10,
    creatorIncomeGini: measured.gini,
  };
  LORENZ_PERCENTS.forEach((percent, i) => {
    out[`creatorIncomeLorenz${percent}`] = measured.lorenz[i];
  });
  return out;
}

/**
 * OLS slope of gifts per viewer-minute on concurrency over the 5-minute bins, relative to the
 * mean gifts per viewer-minute: per extra viewer (Lu et al.'s unit) and as an elasticity at the means.
 */
function herding(part: ReplicatePart): Pick<Required<MetricValues>, "calibHerdingSlope" | "calibHerdingPerViewer"> {
  const t = part.sums;
  const n = t.binCount;
  const denominator = n * t.binXX - t.binX * t.binX;
  if (n < 3 || !(denominator > 0) || t.binY <= 0) return { calibHerdingSlope: Number.NaN, calibHerdingPerViewer: Number.NaN };
  const slope = (n * t.binXY - t.binX * t.binY) / denominator;
  return { calibHerdingSlope: (slope * (t.binX / n)) / (t.binY / n), calibHerdingPerViewer: slope / (t.binY / n) };
}

function battleRepeatRatio(part: ReplicatePart): number {
  const b = part.battle;
  if (b.freshViewerSeconds <= 0 || b.repeatViewerSeconds <= 0 || b.freshGifts <= 0) return Number.NaN;
  return b.repeatGifts / b.repeatViewerSeconds / (b.freshGifts / b.freshViewerSeconds);
}
