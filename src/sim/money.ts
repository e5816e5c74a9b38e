/**
 * Every purchase, gift and payout of the simulation goes through the conversion core. The core
 * takes batches, so rows are buffered here and flushed together: purchases first, then gifts
 * (a purchase always precedes the gifts it funds, so flushing the purchases of a buffer before
 * its gifts can only make wallets fuller at each gift). The simulation keeps its own wallet
 * mirror and only sends gifts it knows are funded; a rejected row would mean the two disagree,
 * and is counted so tests and the audit metric see it. The event log is filled from the
 * applied rows, so it holds exactly what the ledger holds.
 */
import {
  APPLIED,
  applyGifts,
  applyPayouts,
  applyPurchases,
  createGiftBatch,
  createLedger,
  createPayoutBatch,
  createPurchaseBatch,
  type GiftBatch,
  type Ledger,
  type PayoutBatch,
  type PurchaseBatch,
} from "../core/index.js";
import type { CompiledEconomy } from "../economy/index.js";
import {
  GIFT_LOG_COLUMNS,
  PAYOUT_LOG_COLUMNS,
  PURCHASE_LOG_COLUMNS,
  createLogChunk,
  type EventLogChunk,
  type EventLogSink,
  type GiftLogColumn,
  type PayoutLogColumn,
  type PurchaseLogColumn,
} from "./event-log.js";

/** Rows per core batch: large enough to amortise a call, small enough to stay in cache. */
const BATCH_ROWS = 4096;

/** The replicate's ledger and the batches buffered towards it. */
export interface MoneyFeed {
  readonly ledger: Ledger;
  readonly economy: CompiledEconomy;
  readonly purchases: PurchaseBatch;
  readonly gifts: GiftBatch;
  readonly payouts: PayoutBatch;
  /**
   * Log chunks beside each batch. While rows are buffered only the columns the batch lacks (day,
   * time) are kept, and only when a sink wants the log; the rest is derived from the batch at
   * flush, so a run without an event log does no log work per row.
   */
  readonly purchaseLog: EventLogChunk<PurchaseLogColumn>;
  readonly giftLog: EventLogChunk<GiftLogColumn>;
  readonly payoutLog: EventLogChunk<PayoutLogColumn>;
  readonly sink: EventLogSink | undefined;
  nextOrder: number;
  /** Rows the core rejected (expected 0). */
  rejected: number;
  /** Diamonds per coin as a float, for the log's diamonds column. */
  readonly diamondsPerCoin: number;
}

/** A fresh ledger sized for the population and creators, with empty batches. */
export function createMoneyFeed(economy: CompiledEconomy, viewers: number, creators: number, sink: EventLogSink | undefined): MoneyFeed {
  return {
    ledger: createLedger(economy, { viewers, creators }),
    economy,
    purchases: createPurchaseBatch(BATCH_ROWS),
    gifts: createGiftBatch(BATCH_ROWS),
    payouts: createPayoutBatch(Math.max(creators, 1)),
    purchaseLog: createLogChunk(PURCHASE_LOG_COLUMNS, BATCH_ROWS),
    giftLog: createLogChunk(GIFT_LOG_COLUMNS, BATCH_ROWS),
    payoutLog: createLogChunk(PAYOUT_LOG_COLUMNS, Math.max(creators, 1)),
    sink,
    nextOrder: 0,
    rejected: 0,
    diamondsPerCoin: economy.diamondsPerCoinNum / economy.diamondsPerCoinDen,
  };
}

/** Buffers a bundle purchase (bundle `tier` of the viewer's region and channel). */
export function bufferPurchase(
  feed: MoneyFeed,
  viewer: number,
  region: number,
  channel: number,
  tier: number,
  creator: number,
  day: number,
  timeSecond: number,
): void {
  if (feed.purchases.length === BATCH_ROWS) flushMoney(feed);
  const row = feed.purchases.length++;
  const batch = feed.purchases;
  batch.viewer[row] = viewer;
  batch.region[row] = region;
  batch.channel[row] = channel;
  batch.tier[row] = tier;
  batch.order[row] = feed.nextOrder++;
  if (feed.sink === undefined) return;
  const log = feed.purchaseLog.columns;
  log.day[row] = day;
  log.timeSecond[row] = timeSecond;
  log.creator[row] = creator;
}

/** Buffers a gift row; (stream, seq) is its idempotency key. */
export function bufferGift(
  feed: MoneyFeed,
  viewer: number,
  creator: number,
  gift: number,
  count: number,
  stream: number,
  seq: number,
  day: number,
  timeSecond: number,
): void {
  if (feed.gifts.length === BATCH_ROWS) flushMoney(feed);
  const row = feed.gifts.length++;
  const batch = feed.gifts;
  batch.viewer[row] = viewer;
  batch.creator[row] = creator;
  batch.gift[row] = gift;
  batch.count[row] = count;
  batch.stream[row] = stream;
  batch.seq[row] = seq;
  if (feed.sink === undefined) return;
  const log = feed.giftLog.columns;
  log.day[row] = day;
  log.timeSecond[row] = timeSecond;
}

/** Applies the buffered purchases, then the buffered gifts, and hands applied rows to the log. */
export function flushMoney(feed: MoneyFeed): void {
  if (feed.purchases.length > 0) {
    const result = applyPurchases(feed.ledger, feed.purchases);
    feed.rejected += result.rejected;
    if (feed.sink !== undefined) {
      completePurchaseLog(feed);
      emit(feed.purchaseLog, feed.purchases.status, feed.purchases.length, feed.sink.purchases?.bind(feed.sink));
    }
    feed.purchases.length = 0;
  }
  if (feed.gifts.length > 0) {
    const result = applyGifts(feed.ledger, feed.gifts);
    feed.rejected += result.rejected;
    if (feed.sink !== undefined) {
      completeGiftLog(feed);
      emit(feed.giftLog, feed.gifts.status, feed.gifts.length, feed.sink.gifts?.bind(feed.sink));
    }
    feed.gifts.length = 0;
  }
}

/** Fills the purchase log's columns that follow from the batch and the price book. */
function completePurchaseLog(feed: MoneyFeed): void {
  const { economy, purchases: batch } = feed;
  const log = feed.purchaseLog.columns;
  for (let row = 0; row < batch.length; row++) {
    const bundle = economy.bundleGroupStart[batch.region[row] * economy.channelIds.length + batch.channel[row]] + batch.tier[row];
    log.viewer[row] = batch.viewer[row];
    log.region[row] = batch.region[row];
    log.channel[row] = batch.channel[row];
    log.tier[row] = batch.tier[row];
    log.coins[row] = economy.bundleCoins[bundle];
    log.priceMicros[row] = economy.bundlePriceMicros[bundle];
    log.storeFeeBps[row] = economy.bundleStoreFeeBps[bundle];
  }
}

/** Fills the gift log's columns that follow from the batch and the price book. */
function completeGiftLog(feed: MoneyFeed): void {
  const batch = feed.gifts;
  const log = feed.giftLog.columns;
  for (let row = 0; row < batch.length; row++) {
    const coins = feed.economy.giftPriceCoins[batch.gift[row]] * batch.count[row];
    log.stream[row] = batch.stream[row];
    log.seq[row] = batch.seq[row];
    log.viewer[row] = batch.viewer[row];
    log.creator[row] = batch.creator[row];
    log.gift[row] = batch.gift[row];
    log.count[row] = batch.count[row];
    log.coins[row] = coins;
    log.diamonds[row] = coins * feed.diamondsPerCoin;
  }
}

/**
 * Requests a payout for each listed creator on `day` (money flushed first, so the day's gifts
 * count). Returns the number applied; `grossByCreator` receives each creator's gross payout.
 */
export function requestPayouts(feed: MoneyFeed, day: number, creators: Int32Array, count: number, grossByCreator: Float64Array): number {
  flushMoney(feed);
  if (count === 0) return 0;
  const batch = feed.payouts;
  const ledger = feed.ledger;
  const log = feed.payoutLog.columns;
  for (let i = 0; i < count; i++) {
    const c = creators[i];
    batch.creator[i] = c;
    batch.day[i] = day;
    log.day[i] = day;
    log.creator[i] = c;
    // Totals before the batch; after it, the difference is what this payout paid.
    log.diamonds[i] = ledger.diamondsPaid[c];
    log.grossMicros[i] = ledger.payoutGrossMicros[c];
    log.feeBps[i] = feed.economy.payoutFeeBps;
  }
  batch.length = count;
  applyPayouts(ledger, batch);
  let applied = 0;
  for (let i = 0; i < count; i++) {
    const c = creators[i];
    const gross = batch.status[i] === APPLIED ? ledger.payoutGrossMicros[c] - log.grossMicros[i] : 0;
    log.diamonds[i] = ledger.diamondsPaid[c] - log.diamonds[i];
    log.grossMicros[i] = gross;
    grossByCreator[c] = gross;
    if (gross > 0) applied++;
  }
  // Below-threshold requests are the normal case of a daily request, not a fault.
  emit(feed.payoutLog, batch.status, count, feed.sink?.payouts?.bind(feed.sink));
  return applied;
}

/** Compacts the applied rows of a log chunk to its front and hands it to the sink. */
function emit<Column extends string>(chunk: EventLogChunk<Column>, status: Uint8Array, length: number, sink: ((chunk: EventLogChunk<Column>) => void) | undefined): void {
  if (sink === undefined) return;
  let kept = 0;
  const columns = Object.values(chunk.columns) as Float64Array[];
  for (let row = 0; row < length; row++) {
    if (status[row] !== APPLIED) continue;
    if (kept !== row) for (const column of columns) column[kept] = column[row];
    kept++;
  }
  chunk.length = kept;
  sink(chunk);
}
