/**
 * A creator's stream history: one entry per stream, as a creator's dashboard shows it (date,
 * duration and the observed columns), held column-wise in typed arrays like the simulator's
 * own tables. The CSV form is read by parse-history.ts and written by write-history.ts.
 */

/** The observed columns a history may carry, beside date and durationMinutes. */
export const HISTORY_METRICS = ["viewers", "uniqueViewers", "peakConcurrency", "newFollowers", "gifters", "revenue"] as const;
export type HistoryMetric = (typeof HISTORY_METRICS)[number];

/** The currencies a revenue column can be in; the CSV column is named by its unit. */
export const REVENUE_UNITS = ["diamonds", "coins", "bits", "usd"] as const;
export type RevenueUnit = (typeof REVENUE_UNITS)[number];

/** A creator's streams, oldest first. */
export interface StreamHistory {
  /** The revenue column's unit; null when there is no revenue column. */
  readonly unit: RevenueUnit | null;
  /** The optional columns present, in HISTORY_METRICS order. */
  readonly metrics: readonly HistoryMetric[];
  /** YYYY-MM-DD, non-decreasing. */
  readonly dates: readonly string[];
  /** Days since the first stream. */
  readonly day: Int32Array;
  readonly durationMinutes: Float64Array;
  /** One array per present metric, one entry per stream. */
  readonly values: Readonly<Partial<Record<HistoryMetric, Float64Array>>>;
}

/**
 * Most stream rows a history file may hold: five years of a stream a day with room to spare,
 * and the simulator's horizon limit (260 weeks) caps the span anyway. Past it a file is a
 * mistake (an event log, not a stream summary).
 */
export const MAX_HISTORY_ROWS = 2_000;

/** Largest history file read: 2,000 rows of a dozen columns are about 100 KiB. */
export const MAX_HISTORY_FILE_BYTES = 1024 * 1024;

/** Longest stream a row may record: a day. */
export const MAX_STREAM_MINUTES = 1_440;

/** The CSV column a metric is written in: its own name, or the unit for revenue. */
export function historyColumn(metric: HistoryMetric, unit: RevenueUnit | null): string {
  return metric === "revenue" ? (unit ?? "revenue") : metric;
}

/** Whether a unit's amounts are whole (diamonds, coins and Bits are; dollars have cents). */
export function isWholeUnit(unit: RevenueUnit): boolean {
  return unit !== "usd";
}
