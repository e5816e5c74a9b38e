/**
 * A run's latency in log-spaced buckets, ten a decade, for the summary's histogram chart:
 * counts that read at a glance, where the HDR histogram's own buckets are far too fine.
 */

/** Requests whose latency fell in [fromMs, toMs). */
export interface LatencyBucket {
  fromMs: number;
  toMs: number;
  count: number;
}

const BUCKETS_PER_DECADE = 10;

export interface LatencyBuckets {
  record(latencyMs: number): void;
  /** The non-empty buckets, fastest first. */
  buckets(): LatencyBucket[];
}

export function createLatencyBuckets(): LatencyBuckets {
  const counts: number[] = [];
  return {
    record(latencyMs) {
      const micros = Math.max(1, latencyMs * 1000);
      const bucket = Math.floor(Math.log10(micros) * BUCKETS_PER_DECADE);
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    },
    buckets() {
      const out: LatencyBucket[] = [];
      counts.forEach((count, b) => {
        if (count > 0) out.push({ fromMs: 10 ** (b / BUCKETS_PER_DECADE) / 1000, toMs: 10 ** ((b + 1) / BUCKETS_PER_DECADE) / 1000, count });
      });
      return out;
    },
  };
}
