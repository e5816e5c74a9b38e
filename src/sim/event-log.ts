/**
 * The raw event log: every purchase, gift and payout the core applied, as columnar chunks.
 * From the log alone every money total of a replicate can be recomputed exactly:
 * - viewer spend = sum(priceMicros); store fees = floor(sum(priceMicros x storeFeeBps) / 10,000);
 * - coins gifted = sum(coins); a creator's diamonds = floor(sum of its coins x num / den) with the
 *   economy's diamonds-per-coin fraction (the `diamonds` column is coins x num / den, exact when
 *   den = 1, as on the shipped presets);
 * - payouts = sum(grossMicros); payout fees = floor(sum(grossMicros x feeBps) / 10,000);
 * - platform net = viewer spend - store fees - creator earnings (diamonds valued).
 * Chunks reuse their buffers: a sink must copy or write what it needs before it returns.
 */

/** Columns of a purchase chunk; storeFeeBps is the channel's fee rate on priceMicros. */
export const PURCHASE_LOG_COLUMNS = ["day", "timeSecond", "viewer", "creator", "region", "channel", "tier", "coins", "priceMicros", "storeFeeBps"] as const;
/** Columns of a gift chunk; (stream, seq) is the gift's idempotency key in the core. */
export const GIFT_LOG_COLUMNS = ["day", "timeSecond", "stream", "seq", "viewer", "creator", "gift", "count", "coins", "diamonds"] as const;
/** Columns of a payout chunk: one row per applied payout, fee = grossMicros x feeBps / 10,000. */
export const PAYOUT_LOG_COLUMNS = ["day", "creator", "diamonds", "grossMicros", "feeBps"] as const;

export type PurchaseLogColumn = (typeof PURCHASE_LOG_COLUMNS)[number];
export type GiftLogColumn = (typeof GIFT_LOG_COLUMNS)[number];
export type PayoutLogColumn = (typeof PAYOUT_LOG_COLUMNS)[number];

/** `length` rows of named float64 columns (integers except `diamonds` when den > 1). */
export interface EventLogChunk<Column extends string> {
  length: number;
  columns: Readonly<Record<Column, Float64Array>>;
}

/**
 * Receives the log as the replicate runs, in application order: within a flush, purchases
 * before gifts (a purchase always precedes the gifts it funds); payouts at the end of each day.
 * `timeSecond` is seconds since midnight UTC of `day`. Region and channel are indices into
 * the compiled economy's regionIds and channelIds.
 */
export interface EventLogSink {
  purchases?(chunk: EventLogChunk<PurchaseLogColumn>): void;
  gifts?(chunk: EventLogChunk<GiftLogColumn>): void;
  payouts?(chunk: EventLogChunk<PayoutLogColumn>): void;
}

/** Columns sized for `capacity` rows. */
export function createLogChunk<Column extends string>(names: readonly Column[], capacity: number): EventLogChunk<Column> {
  const columns = {} as Record<Column, Float64Array>;
  for (const name of names) columns[name] = new Float64Array(capacity);
  return { length: 0, columns };
}

/** How far a community's viewers, creators and streams are numbered after those of the communities before it. */
export interface EventLogOffsets {
  viewers: number;
  creators: number;
  streams: number;
}

/**
 * A sink that shifts a community's ids past those of the communities before it, then hands
 * the chunk on to `sink` (the chunks are the feed's scratch, rewritten before every flush, so
 * they are shifted in place).
 */
export function renumberedEventLog(sink: EventLogSink, offsets: EventLogOffsets): EventLogSink {
  const shift = (column: Float64Array, length: number, by: number) => {
    for (let i = 0; i < length; i++) column[i] += by;
  };
  return {
    purchases: sink.purchases && ((chunk) => {
      shift(chunk.columns.viewer, chunk.length, offsets.viewers);
      shift(chunk.columns.creator, chunk.length, offsets.creators);
      sink.purchases?.(chunk);
    }),
    gifts: sink.gifts && ((chunk) => {
      shift(chunk.columns.viewer, chunk.length, offsets.viewers);
      shift(chunk.columns.creator, chunk.length, offsets.creators);
      shift(chunk.columns.stream, chunk.length, offsets.streams);
      sink.gifts?.(chunk);
    }),
    payouts: sink.payouts && ((chunk) => {
      shift(chunk.columns.creator, chunk.length, offsets.creators);
      sink.payouts?.(chunk);
    }),
  };
}
