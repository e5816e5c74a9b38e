import { describe, expect, it } from "vitest";
import { DEFAULT_SYNTHETIC_LOAD, runSyntheticLoad, validateSyntheticLoad } from "../../../src/load/index.js";

const options = { ...DEFAULT_SYNTHETIC_LOAD, events: 200_000, viewers: 20_000, creators: 100, batchSize: 50_000 };

describe("synthetic load across piscina workers", () => {
  it("merges partial ledgers to the single-thread ledger (same digest) and merges the workers' histograms", async () => {
    const one = await runSyntheticLoad({ ...options, workers: 1 });
    const two = await runSyntheticLoad({ ...options, workers: 2 });
    expect(two.ledgerDigest).toBe(one.ledgerDigest);
    expect(two.audit.state).toBe("passed");
    expect(two.purchaseEvents).toBe(one.purchaseEvents);
    expect(two.partitions.map((p) => p.viewers)).toEqual([
      [0, 10_000],
      [10_000, 20_000],
    ]);
    expect(two.partitions.reduce((sum, p) => sum + p.giftEvents, 0)).toBe(options.events);
    // Every worker timed its share of each of the 4 batches.
    expect(one.batchLatencyMicros.count).toBe(4);
    expect(two.batchLatencyMicros.count).toBe(8);
    expect(two.batchLatencyMicros.max).toBeGreaterThan(0);
  });

  it("refuses a worker count it cannot use, naming the flag", () => {
    expect(() => validateSyntheticLoad({ ...options, workers: 0 })).toThrow(/--workers: got 0, expected an integer 1\.\.64/);
    expect(() => validateSyntheticLoad({ ...options, viewers: 3, workers: 4 })).toThrow(/--workers: got 4, expected at most --viewers/);
  });
});
