import * as hdr from "hdr-histogram-js";

/** Latency percentiles in microseconds, as every load summary reports them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/** An HDR histogram of latencies in microseconds (1 us .. 1 hour, 3 significant digits). */
export function createLatencyHistogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

/** Records a duration in milliseconds (performance.now() differences) as whole microseconds, at least 1. */
export function recordMillis(histogram: hdr.Histogram, millis: number): void {
  histogram.recordValue(Math.max(1, Math.round(millis * 1000)));
}

/**
 * The latency at `percentile` (0..100) in microseconds, within the recorded min and max. HDR
 * answers with the bounds of the value's bucket (the upper one, the lower one at 0), which
 * can lie past the exact extremes it also keeps: a p99.9 of 91583 us beside a max of
 * 91569 us. Clamping keeps p <= max everywhere a summary shows both.
 */
export function latencyAtPercentile(histogram: hdr.Histogram, percentile: number): number {
  if (histogram.totalCount === 0) return 0;
  return Math.min(Math.max(histogram.getValueAtPercentile(percentile), histogram.minNonZeroValue), histogram.maxValue);
}

/** The percentiles every load summary reports, in microseconds. */
export function summarizeLatency(histogram: hdr.Histogram): LatencySummary {
  return {
    count: histogram.totalCount,
    p50: latencyAtPercentile(histogram, 50),
    p90: latencyAtPercentile(histogram, 90),
    p95: latencyAtPercentile(histogram, 95),
    p99: latencyAtPercentile(histogram, 99),
    p999: latencyAtPercentile(histogram, 99.9),
    max: histogram.maxValue,
    mean: Math.round(histogram.mean),
  };
}

/**
 * A histogram as a compact string (HdrHistogram's compressed base64 format), so workers
 * can send theirs back and the totals are merged exactly, bucket by bucket, rather than
 * averaging percentiles.
 */
export function encodeLatencyHistogram(histogram: hdr.Histogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

/** Adds encoded histograms into `into`. */
export function mergeLatencyHistograms(into: hdr.Histogram, encoded: readonly string[]): void {
  for (const text of encoded) into.add(hdr.decodeFromCompressedBase64(text));
}
