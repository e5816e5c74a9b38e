import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { parseShard, replicateSeed, shardReplicates } from "../../src/run/index.js";

describe("replicate seeds", () => {
  const identity = { masterSeed: "42", scenarioHash: "ab".repeat(32), replicate: 0 };

  it("depend on every part of the replicate's identity", () => {
    const seeds = new Set([
      replicateSeed(identity),
      replicateSeed({ ...identity, masterSeed: "43" }),
      replicateSeed({ ...identity, scenarioHash: "cd".repeat(32) }),
      replicateSeed({ ...identity, replicate: 1 }),
    ]);
    expect(seeds.size).toBe(4);
    expect(replicateSeed(identity)).toBe(replicateSeed({ ...identity }));
    expect(replicateSeed(identity)).toMatch(/^[0-9a-f]{32}$/);
  });

  it("do not collide when parts run together", () => {
    expect(replicateSeed({ ...identity, masterSeed: "4", scenarioHash: "2ab" })).not.toBe(replicateSeed({ ...identity, masterSeed: "42", scenarioHash: "ab" }));
  });
});

describe("shards", () => {
  it("parses i/n and refuses anything else with exit 2", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1-3", "1/3/4", ""]) {
      expect(() => parseShard(bad), bad).toThrow(GiftsimError);
    }
  });

  it("slices of any replicate count are contiguous, disjoint and cover every replicate once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 64 }), (replicates, count) => {
        let next = 0;
        for (let index = 1; index <= count; index++) {
          const { from, to } = shardReplicates(replicates, { index, count });
          expect(from).toBe(next);
          expect(to - from).toBeLessThanOrEqual(Math.ceil(replicates / count));
          next = to;
        }
        expect(next).toBe(replicates);
      }),
    );
    expect(shardReplicates(10, null)).toEqual({ from: 0, to: 10 });
  });
});
