import { describe, expect, it } from "vitest";
import { createLatencyBuckets, createTimelineRecorder } from "../../../src/load/index.js";

describe("load timeline", () => {
  it("gives every second with answers its percentiles: a start of 100.1 ms put second 1's into second 0 and left second 1 null", () => {
    // (100.1 + 1000) - 100.1 is a hair under 1000: turning a second back into a time lost it.
    const start = 100.1;
    const timeline = createTimelineRecorder(start);
    for (let second = 0; second < 4; second++) {
      for (let i = 0; i < 10; i++) timeline.finished(start + second * 1000 + 25 + i * 50, 10 * (second + 1), "ok", 1);
    }
    const rows = timeline.seconds();
    expect(rows.map((r) => r.ok)).toEqual([10, 10, 10, 10]);
    expect(rows.map((r) => r.p50Ms)).toEqual([10, 20, 30, 40]);
    expect(rows.map((r) => r.maxMs)).toEqual([10, 20, 30, 40]);
  });

  it("leaves a second without answers null and keeps each second's percentiles at most its max", () => {
    const timeline = createTimelineRecorder(0);
    timeline.due(10);
    for (let i = 0; i < 99; i++) timeline.finished(100 + i, 1, "ok", 0);
    timeline.finished(900, 91.569, "ok", 0);
    timeline.finished(2_500, 5, "failed", 0);
    const rows = timeline.seconds();
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ second: 1, ok: 0, p50Ms: null, p99Ms: null, maxMs: null });
    expect(rows[0].p99Ms).toBeLessThanOrEqual(rows[0].maxMs!);
    expect(rows[0].maxMs).toBe(91.569);
    expect(rows[2]).toMatchObject({ failed: 1, p50Ms: 5 });
  });
});

describe("latency buckets", () => {
  it("count each latency once, ten log-spaced buckets a decade", () => {
    const buckets = createLatencyBuckets();
    for (const ms of [1, 1.1, 10, 10, 250]) buckets.record(ms);
    const out = buckets.buckets();
    expect(out.reduce((sum, b) => sum + b.count, 0)).toBe(5);
    expect(out[0]).toMatchObject({ fromMs: 1, count: 2 });
    for (const b of out) expect(b.toMs / b.fromMs).toBeCloseTo(10 ** 0.1, 6);
  });
});
