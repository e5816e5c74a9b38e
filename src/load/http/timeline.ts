/**
 * A run second by second, for the summary's charts: requests due, answered, refused and lost,
 * events accepted, and the latency percentiles of the answers that arrived in that second.
 * Answers arrive in time order, so one histogram is enough: it is summarised into its
 * second's row and reset when the second turns. Rows are found by their index, never by
 * turning a second back into a time: (start + s * 1000) - start can come out a hair under
 * s * 1000 and land in the second before, which left one second of every run without
 * percentiles (and overwrote the one before it).
 */
import { createLatencyHistogram, latencyAtPercentile, recordMillis } from "../latency-histogram.js";

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

export interface TimelineRecorder {
  due(at: number): void;
  dropped(at: number): void;
  refused(at: number): void;
  /** A request's final outcome at `at`, `latencyMs` from its intended send time. */
  finished(at: number, latencyMs: number, outcome: "ok" | "failed" | "unresolved", events: number): void;
  seconds(): TimelineSecond[];
}

/** A timeline whose second 0 starts at `start` (performance.now() scale, as every `at` is). */
export function createTimelineRecorder(start: number): TimelineRecorder {
  const rows: TimelineSecond[] = [];
  const histogram = createLatencyHistogram();
  let current = 0;
  const rowOf = (second: number): TimelineSecond => {
    while (rows.length <= second) {
      rows.push({ second: rows.length, due: 0, ok: 0, failed: 0, unresolved: 0, dropped: 0, refused: 0, events: 0, p50Ms: null, p90Ms: null, p99Ms: null, maxMs: null });
    }
    return rows[second];
  };
  const row = (at: number) => rowOf(Math.max(0, Math.floor((at - start) / 1000)));
  const close = () => {
    if (histogram.totalCount === 0) return;
    const r = rowOf(current);
    r.p50Ms = latencyAtPercentile(histogram, 50) / 1000;
    r.p90Ms = latencyAtPercentile(histogram, 90) / 1000;
    r.p99Ms = latencyAtPercentile(histogram, 99) / 1000;
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
    },
    seconds() {
      close();
      return rows;
    },
  };
}
