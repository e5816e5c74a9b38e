import { afterEach, describe, expect, it, vi } from "vitest";
import { METRIC_NAMES, STREAM_COLUMNS, TIMESERIES_COLUMNS, runReplicate, type TimeseriesColumn } from "../../src/sim/index.js";
import { config, metric, streamColumn } from "./helpers.js";

const small = config({ horizonWeeks: 2, creators: { formats: ["qa", "battle", "challenge"] } });

describe("replicates are pure functions of (config, seed)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("gives bit-identical output for the same config and seed", () => {
    const a = runReplicate(small, "seed-a");
    const b = runReplicate(structuredClone(small), "seed-a");
    expect(Buffer.from(a.metrics.buffer).equals(Buffer.from(b.metrics.buffer))).toBe(true);
    expect(Buffer.from(a.streams.buffer).equals(Buffer.from(b.streams.buffer))).toBe(true);
    expect(Buffer.from(a.timeseries.buffer).equals(Buffer.from(b.timeseries.buffer))).toBe(true);
    expect(a.simulatedEvents).toBe(b.simulatedEvents);
  });

  it("gives different numbers for a different seed", () => {
    const a = runReplicate(small, "seed-a");
    const b = runReplicate(small, "seed-b");
    expect(metric(a, "coinsGifted")).not.toBe(metric(b, "coinsGifted"));
    expect(metric(a, "uniqueViewers")).not.toBe(metric(b, "uniqueViewers"));
  });

  it("draws no randomness outside the seeded stream", () => {
    const spy = vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random used");
    });
    expect(() => runReplicate(small, "seed-a")).not.toThrow();
    expect(spy).not.toHaveBeenCalled();
  });

  it("shapes its arrays by the exported column lists", () => {
    const out = runReplicate(small, "seed-a");
    expect(out.metrics.length).toBe(METRIC_NAMES.length);
    expect(out.streams.length % STREAM_COLUMNS.length).toBe(0);
    expect(out.streams.length / STREAM_COLUMNS.length).toBe(metric(out, "streams"));
    expect(out.timeseries.length).toBe(14 * TIMESERIES_COLUMNS.length);
    expect(new Set(METRIC_NAMES).size).toBe(METRIC_NAMES.length);
    for (const name of [...METRIC_NAMES, ...STREAM_COLUMNS, ...TIMESERIES_COLUMNS]) expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it("adds up: stream rows and day rows sum to the replicate's totals", () => {
    const payingOut = config({ horizonWeeks: 2, platform: { preset: "tiktok", overrides: { policy: { payoutThresholdMicros: 5_000_000 } } } });
    const out = runReplicate(payingOut, "sums");
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(streamColumn(out, "giftedCoins"))).toBe(metric(out, "coinsGifted"));
    expect(sum(streamColumn(out, "gifts"))).toBe(metric(out, "gifts"));
    expect(sum(streamColumn(out, "viewerSpendMicros"))).toBe(metric(out, "viewerSpendMicros"));
    expect(sum(streamColumn(out, "creatorDiamonds"))).toBe(metric(out, "creatorDiamonds"));
    const width = TIMESERIES_COLUMNS.length;
    const day = (column: TimeseriesColumn) => Array.from({ length: out.timeseries.length / width }, (_, d) => out.timeseries[d * width + TIMESERIES_COLUMNS.indexOf(column)]);
    expect(sum(day("creatorPayoutMicros"))).toBe(metric(out, "creatorPayoutMicros"));
    expect(metric(out, "creatorPayoutMicros")).toBeGreaterThan(0);
    expect(day("cumulativeCreatorDiamonds").at(-1)).toBe(metric(out, "creatorDiamonds"));
    expect(sum(day("creatorDiamonds"))).toBe(metric(out, "creatorDiamonds"));
    expect(sum(day("giftedCoins"))).toBe(metric(out, "coinsGifted"));
  });
});
