import { describe, expect, it } from "vitest";
import { evaluateThresholds, parseThreshold, type LatencySummary } from "../../../src/load/index.js";

const latency: LatencySummary = { count: 100, p50: 2_000, p90: 8_000, p95: 9_000, p99: 40_000, p999: 120_000, max: 150_000, mean: 3_000 };

describe("thresholds", () => {
  it("parse k6-style expressions into base units", () => {
    expect(parseThreshold("p99<50ms")).toMatchObject({ metric: "p99", operator: "<", limit: 50_000 });
    expect(parseThreshold("p99.9 <= 0.2s")).toMatchObject({ metric: "p999", operator: "<=", limit: 200_000 });
    expect(parseThreshold("errors<0.1%")).toMatchObject({ metric: "errors", limit: 0.001 });
    expect(parseThreshold("errors<0.001")).toMatchObject({ metric: "errors", limit: 0.001 });
    expect(parseThreshold("rps>=900")).toMatchObject({ metric: "rps", operator: ">=", limit: 900 });
    expect(parseThreshold("max<500us")).toMatchObject({ metric: "max", limit: 500 });
  });

  it("refuse what they cannot read, naming the flag, the value and the expected form", () => {
    for (const bad of ["p98<5ms", "p99", "p99<", "errors<5ms", "p99<5%", "rps>5ms", "p99 < fast"]) {
      expect(() => parseThreshold(bad)).toThrow(/--threshold: got .*expected/);
    }
  });

  it("judge a run's figures", () => {
    const results = evaluateThresholds(["p99<50ms", "p99.9<100ms", "errors<0.1%", "rps>=900"].map((t) => parseThreshold(t)), {
      latencyMicros: latency,
      errorRate: 0.002,
      requestsPerSecond: 950,
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(results[1].actualText).toBe("120.000ms");
    expect(results[2].actualText).toBe("0.200%");
  });

  it("do not pass a latency bound when no request was answered", () => {
    const [result] = evaluateThresholds([parseThreshold("p99<50ms")], { latencyMicros: { ...latency, count: 0 }, errorRate: 1, requestsPerSecond: 0 });
    expect(result.ok).toBe(false);
  });
});
