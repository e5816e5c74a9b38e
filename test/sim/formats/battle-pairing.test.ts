import { describe, expect, it } from "vitest";
import { pairSeats, type PairingHistory } from "../../../src/sim/formats/battle-pairing.js";
import { createRandom } from "../../../src/sim/random.js";

/** Seats in order of followers: two large creators, two small ones. */
const creator = Int32Array.from([0, 1, 2, 3]);
const logAudience = Float64Array.from([10000, 9000, 100, 90], Math.log1p);

function pairs(history: PairingHistory, freshPreference: number, pairingWindow = 3, count = 4): number[] {
  const partner = new Int32Array(count);
  pairSeats(count, creator, logAudience, history, freshPreference, pairingWindow, createRandom("pairing"), partner);
  return Array.from(partner);
}

const never: PairingHistory = { roundsFought: () => 0 };
/** Creators 0 and 1 have met many times, and 2 and 3. */
const usual: PairingHistory = { roundsFought: (a, b) => (Math.min(a, b) === 0 && Math.max(a, b) === 1) || (Math.min(a, b) === 2 && Math.max(a, b) === 3) ? 20 : 0 };

describe("battle pairing", () => {
  it("pairs creators of similar size", () => {
    expect(pairs(never, 0.5)).toEqual([1, 0, 3, 2]);
  });

  it("with a preference for fresh pairings breaks up pairs that have met often", () => {
    expect(pairs(usual, 0.5)).not.toEqual([1, 0, 3, 2]);
    expect(pairs(usual, 0)).toEqual([1, 0, 3, 2]);
    expect(pairs(usual, -0.5)).toEqual([1, 0, 3, 2]);
  });

  it("only looks pairingWindow seats ahead, and leaves an odd seat to an exogenous rival", () => {
    expect(pairs(usual, 0.5, 1)).toEqual([1, 0, 3, 2]);
    expect(pairs(never, 0.5, 3, 3)).toEqual([1, 0, -1]);
  });

  it("breaks equal costs at random, from the replicate's stream", () => {
    const flat = Float64Array.from([5, 5, 5, 5]);
    const seen = new Set<string>();
    const random = createRandom("ties");
    for (let i = 0; i < 40; i++) {
      const partner = new Int32Array(4);
      pairSeats(4, creator, flat, never, 0.5, 3, random, partner);
      seen.add(partner.join());
    }
    expect(seen.size).toBe(3);
  });
});
