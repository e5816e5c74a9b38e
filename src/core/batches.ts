/**
 * Batches are columns (struct of arrays), so a million rows cost six typed arrays rather than
 * a million objects. `length` may be less than the capacity: buffers are reused between calls.
 * Each batch has a `status` column the core fills: 0 applied, otherwise rejection code + 1.
 */

export interface GiftBatch {
  length: number;
  /** Sending viewer's index in the ledger. */
  viewer: Int32Array;
  /** Receiving creator's index in the ledger. */
  creator: Int32Array;
  /** Gift id in the catalog. */
  gift: Int32Array;
  /** How many of the gift were sent at once (1..MAX_GIFT_COUNT). */
  count: Int32Array;
  /** Stream id; with seq, the idempotency key. */
  stream: Int32Array;
  /** Sequence number of the event within its stream. */
  seq: Int32Array;
  status: Uint8Array;
}

export interface PurchaseBatch {
  length: number;
  viewer: Int32Array;
  /** Region index in the compiled economy. */
  region: Int32Array;
  /** Channel index in the compiled economy. */
  channel: Int32Array;
  /** Bundle tier within the (region, channel) price list, smallest first. */
  tier: Int32Array;
  /** Order id: the purchase's idempotency key. */
  order: Int32Array;
  status: Uint8Array;
}

export interface PayoutBatch {
  length: number;
  creator: Int32Array;
  /** Day index of the request: the daily cap resets when it changes. */
  day: Int32Array;
  status: Uint8Array;
}

export type GiftRow = { viewer: unknown; creator: unknown; gift: unknown; count: unknown; stream: unknown; seq: unknown };
export type PurchaseRow = { viewer: unknown; region: unknown; channel: unknown; tier: unknown; order: unknown };
export type PayoutRow = { creator: unknown; day: unknown };

export function createGiftBatch(capacity: number): GiftBatch {
  return {
    length: 0,
    viewer: new Int32Array(capacity),
    creator: new Int32Array(capacity),
    gift: new Int32Array(capacity),
    count: new Int32Array(capacity),
    stream: new Int32Array(capacity),
    seq: new Int32Array(capacity),
    status: new Uint8Array(capacity),
  };
}

export function createPurchaseBatch(capacity: number): PurchaseBatch {
  return {
    length: 0,
    viewer: new Int32Array(capacity),
    region: new Int32Array(capacity),
    channel: new Int32Array(capacity),
    tier: new Int32Array(capacity),
    order: new Int32Array(capacity),
    status: new Uint8Array(capacity),
  };
}

export function createPayoutBatch(capacity: number): PayoutBatch {
  return { length: 0, creator: new Int32Array(capacity), day: new Int32Array(capacity), status: new Uint8Array(capacity) };
}

/**
 * Untrusted values (JSON, user files) become -1 unless they are int32 integers, so NaN, 1.5,
 * "3" or 2^40 can never alias a real id: -1 is out of range for every column and is rejected.
 */
export function toColumnValue(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff ? value : -1;
}

function fill<K extends string>(columns: Record<K, Int32Array>, keys: readonly K[], rows: readonly Record<K, unknown>[]): void {
  rows.forEach((row, i) => {
    for (const key of keys) columns[key][i] = toColumnValue(row[key]);
  });
}

export function giftBatchFromRows(rows: readonly GiftRow[]): GiftBatch {
  const batch = createGiftBatch(rows.length);
  fill(batch, ["viewer", "creator", "gift", "count", "stream", "seq"], rows);
  batch.length = rows.length;
  return batch;
}

export function purchaseBatchFromRows(rows: readonly PurchaseRow[]): PurchaseBatch {
  const batch = createPurchaseBatch(rows.length);
  fill(batch, ["viewer", "region", "channel", "tier", "order"], rows);
  batch.length = rows.length;
  return batch;
}

export function payoutBatchFromRows(rows: readonly PayoutRow[]): PayoutBatch {
  const batch = createPayoutBatch(rows.length);
  fill(batch, ["creator", "day"], rows);
  batch.length = rows.length;
  return batch;
}

/** Copies the first `from.length` rows of every column of a batch into another of the same kind. */
export function copyBatchRows<B extends GiftBatch | PurchaseBatch | PayoutBatch>(from: B, into: B): void {
  const rows = from.length;
  for (const [name, column] of Object.entries(from)) {
    if (column instanceof Int32Array || column instanceof Uint8Array) (into as unknown as Record<string, Int32Array | Uint8Array>)[name].set(column.subarray(0, rows));
  }
  into.length = rows;
}
