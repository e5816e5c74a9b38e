/**
 * The fixed vocabulary of a replicate's output arrays. ReplicateOutput.metrics is one value per
 * METRIC_NAMES entry (in that order), `streams` one row of STREAM_COLUMNS per stream and
 * `timeseries` one row of TIMESERIES_COLUMNS per day. Money is exact where it is a sum: integer
 * micro-USD, coins or diamonds held in float64. A metric that a replicate cannot measure
 * (a battle measure without battles) is NaN, which aggregators skip.
 */

/** How a metric is labelled in reports. */
export interface MetricInfo {
  label: string;
  /** "micro-USD", "coins", "diamonds", "share", "count", "minutes", ... */
  unit: string;
  description: string;
  /** For a creator or platform deciding between arms; absent when neither direction is better. */
  higherIsBetter?: boolean;
}

type Table = ReadonlyArray<readonly [name: string, info: MetricInfo]>;
/** One metric's entry; generated names keep their template type, so MetricName lists them too. */
type Entry<Name extends string> = readonly [name: Name, info: MetricInfo];

const money = (label: string, description: string, higherIsBetter?: boolean): MetricInfo => ({ label, unit: "micro-USD", description, higherIsBetter });
const share = (label: string, description: string, higherIsBetter?: boolean): MetricInfo => ({ label, unit: "share", description, higherIsBetter });
const countOf = (label: string, description: string, higherIsBetter?: boolean): MetricInfo => ({ label, unit: "count", description, higherIsBetter });

/** Minutes of a viewer's own watch time at which the in-stream retention curve is read. */
export const RETENTION_MINUTES = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120] as const;
/** Gifter percentiles (poorest first) at which the Lorenz curve of gifted coins is read. */
export const LORENZ_PERCENTS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;
/** Gift price buckets in coins (lower bounds); the gift-size distribution counts gifts and coins per bucket. */
export const PRICE_BUCKETS = [
  { name: "Price1", min: 1, label: "1 coin" },
  { name: "Price2to9", min: 2, label: "2-9 coins" },
  { name: "Price10to99", min: 10, label: "10-99 coins" },
  { name: "Price100to999", min: 100, label: "100-999 coins" },
  { name: "Price1000to9999", min: 1_000, label: "1,000-9,999 coins" },
  { name: "Price10000plus", min: 10_000, label: "10,000+ coins" },
] as const;

const METRIC_TABLE = [
  ["viewerSpendMicros", money("Viewer spend", "Fiat paid by viewers for coin bundles, micro-USD (exact).")],
  ["storeFeeMicros", money("Store fees", "App-store fees on those purchases, micro-USD (floor of the exact total).")],
  ["platformNetMicros", money("Platform net", "What the platform keeps after store fees and creator earnings, micro-USD.", true)],
  ["creatorEarningsMicros", money("Creator earnings", "The creators' share of the coins gifted, valued exactly in micro-USD (paid out plus pending); it includes the fraction of a diamond not yet whole, so it exceeds creator diamonds x the diamond value by less than one diamond a creator.", true)],
  ["creatorPayoutMicros", money("Creator payouts", "Payouts to creators before the provider fee, micro-USD (exact).", true)],
  ["creatorReinvestedMicros", money("Creator reinvestment", "Payouts reinvested in production (creators.reinvestment.share, in whole basis points, of each payout, floored to whole micro-USD), micro-USD (exact).")],
  ["creatorTakeHomeMicros", money("Creator take-home", "Payouts minus reinvestment: what creators keep, micro-USD (exact; before the payout provider's fee, payoutFeeMicros).", true)],
  ["creatorPendingMicros", money("Creator pending", "Earned but not yet paid out (below threshold or cap), fractions of a diamond included, micro-USD (floor of the exact value).")],
  ["payoutFeeMicros", money("Payout fees", "Payout provider fees, micro-USD.")],
  ["creatorDiamonds", { label: "Creator diamonds", unit: "diamonds", description: "Whole diamonds credited to creators: each creator's coins gifted x the economy's diamonds per coin, rounded down (the fraction waits for the next gift).", higherIsBetter: true }],
  ["coinsPurchased", { label: "Coins purchased", unit: "coins", description: "Coins bought by viewers." }],
  ["coinsGifted", { label: "Coins gifted", unit: "coins", description: "Coins spent on gifts.", higherIsBetter: true }],
  ["coinsInWallets", { label: "Coins in wallets", unit: "coins", description: "Coins bought but not yet gifted at the end." }],
  ["purchases", countOf("Purchases", "Bundle purchases applied by the core.")],
  ["gifts", countOf("Gift events", "Gift rows applied by the core (a combo of one gift is one row).", true)],
  ["payouts", countOf("Payouts", "Payouts applied by the core.")],
  ["streams", countOf("Streams", "Streams held.")],
  ["liveHours", { label: "Live hours", unit: "hours", description: "Hours streamed." }],
  ["coinsPerLiveHour", { label: "Gifted coins per live hour", unit: "coins/hour", description: "Coins gifted divided by hours live.", higherIsBetter: true }],
  ["creatorEarningsMicrosPerLiveHour", money("Creator earnings per live hour", "Creator earnings divided by hours live, micro-USD per hour.", true)],
  ["uniqueViewers", countOf("Unique viewers", "Distinct viewers who watched at least one stream.", true)],
  ["peakConcurrency", countOf("Peak concurrency", "Most viewers present at once in any stream.", true)],
  ["arrivalsTurnedAway", countOf("Arrivals turned away", "Arrivals of a person already watching another creator's stream at that moment (shared audiences: a person watches one stream at a time).")],
  ["meanPeakConcurrency", countOf("Mean peak concurrency", "Peak concurrency averaged over streams.", true)],
  ["meanConcurrency", countOf("Mean concurrency", "Viewers present, averaged over live time.", true)],
  ["meanWatchMinutes", { label: "Mean watch time", unit: "minutes", description: "Mean minutes per stream visit.", higherIsBetter: true }],
  ["gifters", countOf("Gifters", "Distinct viewers who sent at least one gift.", true)],
  ["payers", countOf("Payers", "Distinct viewers who bought at least one bundle.", true)],
  ["viewerToGifterConversion", share("Viewer -> gifter conversion", "Gifters / unique viewers.", true)],
  ["arppuMicros", money("ARPPU", "Viewer spend per paying viewer, micro-USD.", true)],
  ["spendPerViewerMicros", money("Spend per viewer", "Viewer spend per unique viewer, micro-USD.", true)],
  ["top1GifterShare", share("Top-1% gifter share", "Share of gifted coins sent by the top 1% of gifters.")],
  ["top10GifterShare", share("Top-10% gifter share", "Share of gifted coins sent by the top 10% of gifters.")],
  ["gini", share("Gini of gifting", "Gini coefficient of gifted coins over gifters.")],
  ["whaleSpendShare", share("Whale spend share", "Share of viewer spend by whales (budget drawn from the Pareto tail).")],
  ["nextStreamReturnRate", share("Next-stream return", "Share of a stream's viewers who watch the creator's next stream.", true)],
  ["gifter30dRetention", share("Gifter 30-day retention", "Share of gifters who gift again within 30 days of their first gift (window cut at the horizon; cohort: first gift in the first week, or in any day with 30 days left).", true)],
  ["newFollowers", countOf("New followers", "Viewers who started following during the horizon.", true)],
  ["followersStart", countOf("Followers at start", "Followers of all creators on day 0.")],
  ["followersEnd", countOf("Followers at end", "Followers of all creators at the end.", true)],
  ["goalsReached", countOf("Goals reached", "Gift goals (stream goal bar, series goal) completed.", true)],
  ["battleRounds", countOf("Battle rounds", "Battle rounds fought, per creator side (a round between two creators of the world counts once for each).")],
  ["battleWinRate", share("Battle win rate", "Share of battle rounds won, per creator side; a tie wins for neither (NaN without battles).")],
  ["creatorsPaid", countOf("Creators paid", "Creators who received at least one payout.", true)],
  ["creatorsPaidShare", share("Share of creators paid", "Share of all creators who received at least one payout by the horizon (creators never paid count, unlike in days to first payout).", true)],
  ["meanDaysToFirstPayout", { label: "Days to first payout (paid creators)", unit: "days", description: "Mean day of a paid creator's first payout, over paid creators only (NaN when none); read it with the share of creators paid.", higherIsBetter: false }],
  ["top1CreatorIncomeShare", share("Top-1% creator income share", "Share of creator income (diamonds earned, paid out or pending) going to the top 1% of creators (NaN below 200 creators, where the top 1% is one creator).")],
  ["top10CreatorIncomeShare", share("Top-10% creator income share", "Share of creator income (diamonds earned, paid out or pending) going to the top 10% of creators (NaN below 20 creators).")],
  ["creatorIncomeGini", share("Gini of creator income", "Gini coefficient of creator income (diamonds earned) over all creators, earners or not (NaN below 20 creators).")],
  ...LORENZ_PERCENTS.map((p): Entry<`creatorIncomeLorenz${typeof p}`> => [
    `creatorIncomeLorenz${p}`,
    share(`Creator income Lorenz ${p}%`, `Share of creator income (diamonds earned) going to the poorest ${p}% of all creators (NaN below 20 creators).`),
  ]),
  ["finalMeanQuality", { label: "Creator quality at end", unit: "index", description: "Mean creator quality after reinvestment of payouts.", higherIsBetter: true }],
  ["rejectedRows", countOf("Rejected rows", "Rows the core rejected (a correct simulation sends none).", false)],
  ["simulatedEvents", countOf("Simulated events", "Follower decisions, arrivals, departure clocks that ring in the loop (a watcher's, who never pays, rings apart and is not counted), gift candidates, gifts, purchases, timers and payouts processed.")],
  ["auditPassed", { label: "Audit passed", unit: "flag", description: "1 when the ledger audit passed at the end of the replicate, else 0." }],
  ...RETENTION_MINUTES.map((m): Entry<`retention${typeof m}m`> => [
    `retention${m}m`,
    share(`Retention at ${m} min`, `Share of stream visits still watching ${m} minutes after arriving.`, true),
  ]),
  ...LORENZ_PERCENTS.map((p): Entry<`lorenz${typeof p}`> => [
    `lorenz${p}`,
    share(`Lorenz ${p}%`, `Share of gifted coins sent by the poorest ${p}% of gifters.`),
  ]),
  ...PRICE_BUCKETS.map((b): Entry<`gifts${typeof b.name}`> => [`gifts${b.name}`, countOf(`Gifts of ${b.label}`, `Gift events whose gift costs ${b.label}.`)]),
  ...PRICE_BUCKETS.map((b): Entry<`coins${typeof b.name}`> => [
    `coins${b.name}`,
    { label: `Coins in gifts of ${b.label}`, unit: "coins", description: `Coins gifted in gifts costing ${b.label}.` },
  ]),
  ["calibTop20Share", share("Top-20% gifter share", "Share of coins gifted by the top 20% of gifters (calibration: Inke, whose band applies over gifters).")],
  ["calibTop20ViewerShare", share("Top-20% viewer share", "Share of coins gifted by the top 20% of unique viewers, non-gifters counting 0: 1 whenever fewer than 20% of viewers gift (Inke's fact read over all viewers).")],
  ["calibPayingShare", share("Monthly paying share", "Viewers who gifted in a month / viewers active that month (calibration: DouYu).")],
  ["calibGapCv", { label: "Gift gap CV", unit: "ratio", description: "Coefficient of variation of gaps between gifts within a stream, averaged over streams with 10+ gifts (calibration: bursts)." }],
  ["calibHerdingSlope", {
    label: "Herding elasticity",
    unit: "elasticity",
    description: "OLS slope of gifts per viewer-minute on concurrency over 5-minute stream bins, scaled to an elasticity at the means (calibration: herding > 0).",
  }],
  ["calibHerdingPerViewer", {
    label: "Herding per extra viewer",
    unit: "share per viewer",
    description: "The same OLS slope divided by the mean gifts per viewer-minute: the relative change in gifting per viewer-minute per extra concurrent viewer (validation: Lu et al., about +1%).",
  }],
  ["calibBattleRepeatRatio", {
    label: "Repeat / fresh battle gifting",
    unit: "ratio",
    description: "Gift events per viewer-minute in battle rounds against a rival met before, divided by rounds against a fresh rival (NaN without both).",
  }],
  ["calibCreatorTop1PayoutShare", share("Top-1% creator payout share", "Share of payouts (gross, before the provider fee) going to the top 1% of creators, as the Twitch leak counts them (NaN below 200 creators, where the top 1% is one creator).")],
  ["calibPaidCreatorsUnder120Share", share("Paid creators under $120", "Share of the creators paid at least once whose payouts over the horizon total under $120 (validation: Twitch leak, three quarters of earners).")],
  ["calibCreatorKeepShare", share("Creator share of spend", "Share of viewer spend that reaches creators: creator earnings (USD) / the viewer spend on the coins gifted (spend x coins gifted / coins bought, so coins still in wallets are not counted as kept by the platform).")],
] as const satisfies Table;

/** A metric's name: a key of a replicate's metric row, so a mistyped name fails to compile. */
export type MetricName = (typeof METRIC_TABLE)[number][0];

/** Names of ReplicateOutput.metrics, in order. */
export const METRIC_NAMES: readonly string[] = METRIC_TABLE.map(([name]) => name);

/** Labels, units and descriptions of the metrics, by name. */
export const METRIC_INFO: Readonly<Record<string, MetricInfo>> = Object.fromEntries(METRIC_TABLE);

/** Stream-table columns of the in-stream retention curve, one per RETENTION_MINUTES entry. */
export const RETENTION_COLUMNS = RETENTION_MINUTES.map((m) => `retention${m}m` as const);

/**
 * Columns of ReplicateOutput.streams, one row per stream held. A const tuple, so that a row
 * (StreamRow) must name every column and a mistyped name fails to compile.
 */
export const STREAM_COLUMNS = [
  "streamId",
  "day",
  "creator",
  /** Index into FORMAT_IDS. */
  "format",
  "startSecond",
  "durationMinutes",
  "uniqueViewers",
  "followerViewers",
  "newcomerViewers",
  "promotedViewers",
  "peakConcurrency",
  "meanConcurrency",
  "meanWatchMinutes",
  "gifts",
  "giftedCoins",
  "coinsPerLiveHour",
  "gifters",
  "firstTimeGifters",
  "purchases",
  "viewerSpendMicros",
  "storeFeeMicros",
  /** Coins gifted x the economy's diamonds per coin (exact rational; whole on the shipped presets). */
  "creatorDiamonds",
  "creatorEarningsMicros",
  /** Spend on bundles bought in the stream - their store fees - earnings from coins gifted in it. */
  "platformNetMicros",
  "viewerToGifterConversion",
  "payers",
  "arppuMicros",
  "top1GifterShare",
  "top10GifterShare",
  "gini",
  "newFollowers",
  "nextStreamReturnRate",
  "goalsReached",
  "battleRounds",
  "battleRoundsWon",
  "battleRepeatRounds",
  "gapCv",
  ...RETENTION_COLUMNS,
] as const;

/** A column of the stream table. */
export type StreamColumn = (typeof STREAM_COLUMNS)[number];
/** One stream's row, by column. */
export type StreamRow = Record<StreamColumn, number>;

/** Columns of ReplicateOutput.timeseries, one row per simulated day (a const tuple, as STREAM_COLUMNS). */
export const TIMESERIES_COLUMNS = [
  "day",
  "streams",
  "liveMinutes",
  "activeViewers",
  "gifts",
  "giftedCoins",
  "viewerSpendMicros",
  "creatorDiamonds",
  "creatorPayoutMicros",
  /** The day's payouts minus what was reinvested out of them. */
  "creatorTakeHomeMicros",
  "cumulativeCreatorDiamonds",
  "cumulativeCreatorPayoutMicros",
  /** Creators with a first payout on or before the day, over all creators: the payout survival curve. */
  "creatorsPaidShare",
  "followers",
  "coinsPerLiveHour",
] as const;

/** A column of the day table. */
export type TimeseriesColumn = (typeof TIMESERIES_COLUMNS)[number];
