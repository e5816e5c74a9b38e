/**
 * The replicate's metrics, derived once at the end from the ledger's audited totals (money is
 * read from the core, never re-added here) and from the data collector's running sums.
 */
import type { LedgerTotals } from "../core/index.js";
import { concentration } from "./concentration.js";
import { LORENZ_PERCENTS, METRIC_NAMES, PRICE_BUCKETS, RETENTION_MINUTES, type MetricName } from "./metric-names.js";
import { DAY_BASE } from "./viewers.js";
import type { World } from "./world.js";

/** Below this many creators "the top 1% of creators" is a single creator: not measured. */
const MIN_CREATORS_FOR_CONCENTRATION = 200;
/** The Twitch leak's line between small and larger earners (economics.md, creator income). */
const SMALL_EARNER_MICROS = 120_000_000;

/** Values by metric name: an object literal of this type refuses a name that is not a metric. */
type MetricValues = { [Name in MetricName]?: number };

/** Lays `part` on `values`; typed, unlike Object.assign, so a mistyped metric name fails to compile. */
function put(values: MetricValues, part: MetricValues): void {
  Object.assign(values, part);
}

/** The replicate's metric row, in METRIC_NAMES order, from the audited totals and the tally. */
export function replicateMetrics(world: World, totals: LedgerTotals, auditPassed: boolean, horizonDays: number): Float64Array {
  const { tally, people, creators } = world;
  const values: MetricValues = {};
  const num = (value: bigint) => Number(value);

  const viewerSpend = num(totals.fiatPaidMicros);
  const payouts = num(totals.creatorPayoutsMicros);
  const earnings = payouts + num(totals.creatorPendingMicros);
  const reinvested = sum(creators.reinvestedMicros);
  const coinsGifted = num(totals.coinsSpent);
  const coinsPurchased = num(totals.coinsBought);
  const liveHours = tally.liveSeconds / 3600;
  const gifterCoins = coinsPerGifter(world);
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
    purchases: world.money.ledger.applied.purchases,
    gifts: world.money.ledger.applied.gifts,
    payouts: world.money.ledger.applied.payouts,
    streams: tally.streams,
    liveHours,
    coinsPerLiveHour: liveHours > 0 ? coinsGifted / liveHours : Number.NaN,
    creatorEarningsMicrosPerLiveHour: liveHours > 0 ? earnings / liveHours : Number.NaN,
    uniqueViewers: tally.uniqueViewers,
    peakConcurrency: tally.peak,
    meanPeakConcurrency: tally.streams > 0 ? tally.peakSum / tally.streams : Number.NaN,
    meanConcurrency: tally.liveSeconds > 0 ? tally.viewerSeconds / tally.liveSeconds : Number.NaN,
    meanWatchMinutes: tally.visits > 0 ? tally.watchSeconds / tally.visits / 60 : Number.NaN,
    gifters: gifterCoins.length,
    payers: tally.payers,
    viewerToGifterConversion: tally.uniqueViewers > 0 ? gifterCoins.length / tally.uniqueViewers : Number.NaN,
    arppuMicros: tally.payers > 0 ? viewerSpend / tally.payers : Number.NaN,
    spendPerViewerMicros: tally.uniqueViewers > 0 ? viewerSpend / tally.uniqueViewers : Number.NaN,
    nextStreamReturnRate: tally.returnsDenominator > 0 ? tally.returnsNumerator / tally.returnsDenominator : Number.NaN,
    newFollowers: tally.newFollowers,
    followersStart: tally.followersStart,
    followersEnd: creators.followerCount.reduce((sum, n) => sum + n, 0),
    goalsReached: tally.goalsReached,
    battleRounds: tally.battle.rounds,
    battleWinRate: tally.battle.rounds > 0 ? tally.battle.roundsWon / tally.battle.rounds : Number.NaN,
    rejectedRows: world.money.rejected,
    simulatedEvents: tally.events,
    auditPassed: auditPassed ? 1 : 0,
    calibPayingShare: ratio(sum(tally.giftersByMonth), sum(tally.activeByMonth)),
    calibGapCv: tally.gapCvStreams > 0 ? tally.gapCvSum / tally.gapCvStreams : Number.NaN,
    ...herding(world),
    calibBattleRepeatRatio: battleRepeatRatio(world),
    calibCreatorKeepShare: coinsPurchased > 0 && viewerSpend > 0 ? earnings / ((viewerSpend * coinsGifted) / coinsPurchased) : Number.NaN,
  });
  RETENTION_MINUTES.forEach((m, i) => {
    values[`retention${m}m`] = tally.visits > 0 ? tally.retained[i] / tally.visits : Number.NaN;
  });
  PRICE_BUCKETS.forEach((bucket, i) => {
    values[`gifts${bucket.name}`] = tally.giftsByBucket[i];
    values[`coins${bucket.name}`] = tally.coinsByBucket[i];
  });
  put(values, gifterConcentration(world, gifterCoins));
  put(values, gifterRetention(world, horizonDays));
  put(values, creatorPayouts(world));
  let whaleSpend = 0;
  let spend = 0;
  // Per person (whole micro-USD, so the sum is exact in any order): a person spends one budget on all their creators.
  for (let p = 0; p < people.count; p++) {
    spend += people.spentTotalMicros[p];
    if (people.whale[p] === 1) whaleSpend += people.spentTotalMicros[p];
  }
  values.whaleSpendShare = ratio(whaleSpend, spend);
  values.finalMeanQuality = sum(creators.quality) / creators.count;
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

/** Top shares, Gini and Lorenz curve of coins gifted per gifting person (`coins`: coinsPerGifter, sorted here). */
function gifterConcentration(world: World, coins: Float64Array): MetricValues {
  const { tally } = world;
  const measured = concentration(coins);
  const out: MetricValues = {
    gini: measured.gini,
    top1GifterShare: measured.top1,
    top10GifterShare: measured.top10,
    calibTop20Share: measured.top20,
    calibTop20ViewerShare: topViewerShare(coins, tally.uniqueViewers, 0.2),
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

/**
 * Share of gifters who gifted again on a later day within 30 days of their first gift. The
 * cohort is gifters whose first gift left a full 30-day window before the horizon, or, for
 * horizons too short for that, gifters of the first week (their window is cut at the horizon).
 */
function gifterRetention(world: World, horizonDays: number): MetricValues {
  const { tally, viewers } = world;
  const lastCohortDay = horizonDays > 37 ? horizonDays - 31 : 6;
  let cohort = 0;
  let retained = 0;
  for (let i = 0; i < tally.gifterCount; i++) {
    const v = tally.gifters[i];
    if (viewers.firstGiftDay[v] - DAY_BASE > lastCohortDay) continue;
    cohort++;
    retained += viewers.retainedGifter[v];
  }
  return { gifter30dRetention: ratio(retained, cohort) };
}

function creatorPayouts(world: World): MetricValues {
  const { creators } = world;
  let paid = 0;
  let firstDays = 0;
  for (let c = 0; c < creators.count; c++) {
    if (creators.firstPayoutDay[c] > 0) {
      paid++;
      firstDays += creators.firstPayoutDay[c] - 1;
    }
  }
  // Payouts, as the Twitch leak counts them (gross, before the provider fee).
  const payouts = Float64Array.from(world.money.ledger.payoutGrossMicros);
  let small = 0;
  for (let c = 0; c < creators.count; c++) if (payouts[c] > 0 && payouts[c] < SMALL_EARNER_MICROS) small++;
  return {
    creatorsPaid: paid,
    creatorsPaidShare: paid / creators.count,
    meanDaysToFirstPayout: paid > 0 ? firstDays / paid : Number.NaN,
    calibCreatorTop1PayoutShare: creators.count >= MIN_CREATORS_FOR_CONCENTRATION ? concentration(payouts).top1 : Number.NaN,
    calibPaidCreatorsUnder120Share: ratio(small, paid),
  };
}

/**
 * OLS slope of gifts per viewer-minute on concurrency over the 5-minute bins, relative to the
 * mean gifts per viewer-minute: per extra viewer (Lu et al.'s unit) and as an elasticity at the means.
 */
function herding(world: World): Pick<Required<MetricValues>, "calibHerdingSlope" | "calibHerdingPerViewer"> {
  const t = world.tally;
  const n = t.binCount;
  const denominator = n * t.binXX - t.binX * t.binX;
  if (n < 3 || !(denominator > 0) || t.binY <= 0) return { calibHerdingSlope: Number.NaN, calibHerdingPerViewer: Number.NaN };
  const slope = (n * t.binXY - t.binX * t.binY) / denominator;
  return { calibHerdingSlope: (slope * (t.binX / n)) / (t.binY / n), calibHerdingPerViewer: slope / (t.binY / n) };
}

function battleRepeatRatio(world: World): number {
  const b = world.tally.battle;
  if (b.freshViewerSeconds <= 0 || b.repeatViewerSeconds <= 0 || b.freshGifts <= 0) return Number.NaN;
  return b.repeatGifts / b.repeatViewerSeconds / (b.freshGifts / b.freshViewerSeconds);
}
