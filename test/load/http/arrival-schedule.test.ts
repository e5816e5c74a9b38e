import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../../src/errors.js";
import { createArrivalSchedule, parseDuration, parseStages } from "../../../src/load/index.js";

describe("arrival schedules", () => {
  it("space a constant rate evenly, independent of anything else", () => {
    const schedule = createArrivalSchedule({ kind: "constant", ratePerSecond: 100, durationMs: 10_000 });
    expect(schedule.total).toBe(1_000);
    expect(schedule.dueMs(0)).toBe(0);
    expect(schedule.dueMs(1)).toBeCloseTo(10, 9);
    expect(schedule.dueMs(999)).toBeCloseTo(9_990, 6);
  });

  it("ramp linearly like k6's ramping-arrival-rate: the count due by t is the integral of the rate", () => {
    // 0 -> 100/s over 10 s (500 requests), then 100 -> 300/s over 5 s (1,000 requests).
    const schedule = createArrivalSchedule({ kind: "ramping", startRatePerSecond: 0, stages: [{ durationMs: 10_000, targetPerSecond: 100 }, { durationMs: 5_000, targetPerSecond: 300 }] });
    expect(schedule.total).toBe(1_500);
    expect(schedule.durationMs).toBe(15_000);
    // Rate 10 t: 5 t^2 requests by t, so request 125 is due at 5 s, request 500 at 10 s.
    expect(schedule.dueMs(125)).toBeCloseTo(5_000, 6);
    expect(schedule.dueMs(500)).toBeCloseTo(10_000, 6);
    // In stage 2, 100 t + 20 t^2 requests by t: 280 at 2 s.
    expect(schedule.dueMs(780)).toBeCloseTo(12_000, 6);
    let last = -1;
    for (let i = 781; i < 1_500; i++) {
      const due = schedule.dueMs(i);
      expect(due).toBeGreaterThan(last);
      last = due;
    }
    expect(last).toBeLessThanOrEqual(15_000);
  });

  it("parse stages and durations, refusing what they cannot read with the flag named", () => {
    expect(parseStages("10s:100, 1m30s:500")).toEqual([
      { durationMs: 10_000, targetPerSecond: 100 },
      { durationMs: 90_000, targetPerSecond: 500 },
    ]);
    expect(parseDuration("250ms", "--timeout")).toBe(250);
    for (const bad of ["10", "10 s", "s", "", "1x"]) expect(() => parseDuration(bad, "--duration")).toThrow(/--duration: got .*expected a duration like/);
    for (const bad of ["10s", "10s:", "10s:-1", "x:5", "10s:5:6", "10s:5,"]) expect(() => parseStages(bad)).toThrow(GiftsimError);
  });
});

describe("HTTP load options", () => {
  it("refuse what they cannot use, naming the flag, the value and what was expected", async () => {
    const { DEFAULT_HTTP_LOAD, validateHttpLoad } = await import("../../../src/load/index.js");
    const valid = { ...DEFAULT_HTTP_LOAD, target: "http://127.0.0.1:8787" };
    expect(() => validateHttpLoad(valid)).not.toThrow();
    expect(() => validateHttpLoad({ ...valid, target: "ftp://x" })).toThrow(/--target: got "ftp:\/\/x", expected an http:\/\/ URL/);
    expect(() => validateHttpLoad({ ...valid, arrival: { kind: "constant", ratePerSecond: 0, durationMs: 1_000 } })).toThrow(/--rate: got 0, expected requests per second above 0/);
    expect(() => validateHttpLoad({ ...valid, connections: 0, retries: -1 })).toThrow(/--connections: got 0[\s\S]*--retries: got -1/);
  });
});
