/** What one replicate returns: compact numbers only, so workers can ship them as transferables. */
export interface ReplicateOutput {
  /** One value per METRIC_NAMES entry, in order. */
  metrics: Float64Array;
  /** Row-major, STREAM_COLUMNS columns, one row per stream held. */
  streams: Float64Array;
  /** Row-major, TIMESERIES_COLUMNS columns, one row per day. */
  timeseries: Float64Array;
  /** Events processed: arrivals, departures, gift candidates, gifts, purchases, timers, payouts. */
  simulatedEvents: number;
  /** The ledger audit at the end of the replicate. */
  audit: { state: "passed" | "failed"; failures: string[] };
}
