import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ledgerDigest, mergeLedgers } from "../../../src/core/index.js";
import { syntheticEconomy } from "../../../src/economy/index.js";
import { DEFAULT_SYNTHETIC_LOAD, ledgerFromSnapshot, ledgerSnapshot, runSyntheticPartition, viewerPartition } from "../../../src/load/index.js";

const small = { ...DEFAULT_SYNTHETIC_LOAD, events: 30_000, viewers: 2_000, creators: 40, batchSize: 7_000 };

/** The ledger of `count` partitions run one after another on this thread, merged. */
function partitioned(options: typeof small, count: number) {
  const runs = Array.from({ length: count }, (_, index) => runSyntheticPartition(options, viewerPartition(options.viewers, index, count)));
  const merged = runs[0].ledger;
  for (const run of runs.slice(1)) mergeLedgers(merged, run.ledger);
  return { merged, runs };
}

describe("partitioning a synthetic load by viewer", () => {
  it("covers every viewer exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 16 }), (viewers, count) => {
        fc.pre(count <= viewers);
        let next = 0;
        for (let index = 0; index < count; index++) {
          const p = viewerPartition(viewers, index, count);
          if (p.lo !== next || p.hi < p.lo) return false;
          next = p.hi;
        }
        return next === viewers;
      }),
    );
  });

  it("merges to a ledger bit-identical to the single-threaded one, for any partition count and seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.string({ minLength: 1, maxLength: 4 }), (count, seed) => {
        const options = { ...small, seed };
        const single = runSyntheticPartition(options, viewerPartition(options.viewers, 0, 1)).ledger;
        const { merged, runs } = partitioned(options, count);
        expect(runs.reduce((sum, run) => sum + run.giftEvents, 0)).toBe(options.events);
        expect(ledgerDigest(merged)).toBe(ledgerDigest(single));
      }),
      { numRuns: 8 },
    );
  });

  it("gives every partition gap-free sequence numbers in each of its streams (regression: with sparse ones, 2 workers were slower than 1)", () => {
    for (const count of [1, 2, 3]) {
      const run = runSyntheticPartition(small, viewerPartition(small.viewers, count - 1, count));
      // Keys held out of order live in pages; in-order keys only move each stream's mark.
      const held = run.ledger.giftKeys.pages.flat().filter((page) => page !== undefined && page.some((word) => word !== 0));
      expect(held, `partition ${count - 1} of ${count}`).toEqual([]);
      expect(run.ledger.giftKeys.marks.filter((_, i) => i % 2 === 1).every((pending) => pending === 0)).toBe(true);
    }
  });

  it("survives the trip through a transferable snapshot", () => {
    const run = runSyntheticPartition(small, viewerPartition(small.viewers, 1, 3));
    const digest = ledgerDigest(run.ledger);
    const { snapshot, buffers } = ledgerSnapshot(run.ledger);
    expect(buffers.length).toBeGreaterThan(10);
    const moved = structuredClone(snapshot, { transfer: buffers });
    expect(run.ledger.walletCoins.length).toBe(0);
    expect(ledgerDigest(ledgerFromSnapshot(syntheticEconomy(small), moved))).toBe(digest);
  });
});
