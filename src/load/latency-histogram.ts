import * as hdr from "hdr-histogram-js";

/** Latency percentiles in microseconds, as every load summary reports them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/** An HDR histogram of latencies in microseconds (1 us .. 1 hour, 3 significant digits). */
export function createLatencyHistogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

export function summarizeLatency(histogram: hdr.Histogram): LatencySummary {
  return {
    count: histogram.totalCount,
    p50: histogram.getValueAtPercentile(50),
    p90: histogram.getValueAtPercentile(90),
    p99: histogram.getValueAtPercentile(99),
    p999: histogram.getValueAtPercentile(99.9),
    max: histogram.maxValue,
    mean: Math.round(histogram.mean),
  };
}
