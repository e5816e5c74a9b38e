/**
 * A run second by second, for the summary's charts: requests due, answered, refused and lost,
 * events accepted, and the latency percentiles of the answers that arrived in that second.
 * Answers arrive in time order, so one histogram is enough: it is summarised and reset when
 * the second turns. Beside it, the whole run's latency in log-spaced buckets (ten a decade).
 */
import { createLatencyHistogram, recordMillis } from "../latency-histogram.js";

/** One second of a run, counted from the first due request. Latencies in milliseconds, null when nothing was answered. */
export interface TimelineSecond {
  second: number;
  due: number;
  ok: number;
  /** Requests that ended failed or unanswered in this second. */
  failed: number;
  unresolved: number;
  dropped: number;
  /** Attempts answered 429, 503 or not at all (retried when allowed). */
  refused: number;
  /** Events (gifts and purchases) the answers accepted. */
  events: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

/** Requests whose latency fell in [fromMs, toMs). */
export interface LatencyBucket {
  fromMs: number;
  toMs: number;
  count: number;
}

const BUCKETS_PER_DECADE = 10;

export interface TimelineRecorder {
  due(at: number): void;
  dropped(at: number): void;
  refused(at: number): void;
  /** A request's final outcome at `at`, `latencyMs` from its intended send time. */
  finished(at: number, latencyMs: number, outcome: "ok" | "failed" | "unresolved", events: number): void;
  seconds(): TimelineSecond[];
  buckets(): LatencyBucket[];
}

export function createTimelineRecorder(start: number): TimelineRecorder {
  const rows: TimelineSecond[] = [];
  const histogram = createLatencyHistogram();
  let current = 0;
  const bucketCounts: number[] = [];
  const row = (at: number): TimelineSecond => {
    const second = Math.max(0, Math.floor((at - start) / 1000));
    while (rows.length <= second) {
      rows.push({ second: rows.length, due: 0, ok: 0, failed: 0, unresolved: 0, dropped: 0, refused: 0, events: 0, p50Ms: null, p90Ms: null, p99Ms: null, maxMs: null });
    }
    return rows[second];
  };
  const close = () => {
    if (histogram.totalCount === 0) return;
    const r = row(start + current * 1000);
    r.p50Ms = histogram.getValueAtPercentile(50) / 1000;
    r.p90Ms = histogram.getValueAtPercentile(90) / 1000;
    r.p99Ms = histogram.getValueAtPercentile(99) / 1000;
    r.maxMs = histogram.maxValue / 1000;
    histogram.reset();
  };
  return {
    due: (at) => row(at).due++,
    dropped: (at) => row(at).dropped++,
    refused: (at) => row(at).refused++,
    finished(at, latencyMs, outcome, events) {
      const r = row(at);
      r[outcome === "ok" ? "ok" : outcome]++;
      r.events += events;
      // An answer stamped before the current second (a stop sweeping timers) joins the current one.
      if (r.second > current) {
        close();
        current = r.second;
      }
      recordMillis(histogram, latencyMs);
      const micros = Math.max(1, latencyMs * 1000);
      const bucket = Math.floor(Math.log10(micros) * BUCKETS_PER_DECADE);
      bucketCounts[bucket] = (bucketCounts[bucket] ?? 0) + 1;
    },
    seconds() {
      close();
      return rows;
    },
    buckets() {
      const out: LatencyBucket[] = [];
      bucketCounts.forEach((count, b) => {
        if (count > 0) out.push({ fromMs: 10 ** (b / BUCKETS_PER_DECADE) / 1000, toMs: 10 ** ((b + 1) / BUCKETS_PER_DECADE) / 1000, count });
      });
      return out;
    },
  };
}
