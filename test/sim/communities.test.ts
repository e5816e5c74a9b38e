// A replicate as a sum of communities (community.ts, replicate-part.ts): one community is the
// unpartitioned replicate exactly; several are closed worlds with their own random streams,
// joined in order; and the metrics that are not sums are computed over the whole replicate's
// creators and gifters (checked against the event log), never averaged over communities.
import { describe, expect, it } from "vitest";
import { STREAM_COLUMNS, TIMESERIES_COLUMNS, communityCount, joinParts, replicateOutput, runCommunity, runReplicate, type ReplicateOutput } from "../../src/sim/index.js";
import { collectLog, config, metric, streamColumn } from "./helpers.js";

const SMALL = {
  horizonWeeks: 1,
  population: { poolSize: 150, initialFollowers: 15 },
  creators: { count: 24, qualitySigma: 1.2, reachElasticity: 2, formats: ["casual", "battle"], schedule: { days: ["tue", "sat"], durationMinutes: 45 } },
  discovery: { arrivalsPerHour: 60 },
  // A $1 threshold, so that some creators are paid within the week and some not.
  platform: { overrides: { policy: { payoutThresholdMicros: 1_000_000 } } },
};

const bytes = (output: ReplicateOutput) => [output.metrics, output.streams, output.timeseries].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("hex"));

/** Share of the total held by the top `fraction` of holders (at least one), by a plain sort. */
function topShare(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  const k = Math.max(1, Math.ceil(fraction * sorted.length));
  const total = sorted.reduce((a, b) => a + b, 0);
  return sorted.slice(0, k).reduce((a, b) => a + b, 0) / total;
}

/** Gini by the mean absolute difference over all pairs. */
function gini(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  let differences = 0;
  for (const x of values) for (const y of values) differences += Math.abs(x - y);
  return differences / (2 * values.length * values.length * mean);
}

describe("one community", () => {
  it("communitySize 0, equal to the creator count or above it: the unpartitioned replicate, bit for bit", () => {
    const whole = bytes(runReplicate(config(SMALL), "communities-1"));
    for (const communitySize of [24, 100]) {
      const one = config({ ...SMALL, audience: { communitySize } });
      expect(communityCount(one)).toBe(1);
      expect(bytes(runReplicate(one, "communities-1"))).toEqual(whole);
    }
  });
});

// Both with disjoint pools and with shared audiences (a gifter is then a person, whose id the log gives).
for (const overlap of [false, true]) {
  describe(`a world of three communities${overlap ? ", audiences shared within each" : ""}`, () => {
    const split = config({ ...SMALL, audience: { communitySize: 8, overlap } });
    const log = collectLog();
    const output = runReplicate(split, "communities-3", { eventLog: log.sink });
    const parts = [0, 1, 2].map((k) => runCommunity(split, "communities-3", k));

    it("is three closed worlds with their own draws, joined in order, audited clean", () => {
      expect(communityCount(split)).toBe(3);
      expect(output.audit).toEqual({ state: "passed", failures: [] });
      expect(bytes(replicateOutput(joinParts(parts)))).toEqual(bytes(output));
      // The same config in each community, other random streams: other worlds.
      expect(parts[0].creators.quality).not.toEqual(parts[1].creators.quality);
      // Creators and streams numbered over the whole replicate, community after community.
      const creators = streamColumn(output, "creator");
      expect(Math.max(...creators)).toBe(23);
      expect(creators.slice(0, parts[0].sums.streams).every((c) => c < 8)).toBe(true);
      expect(streamColumn(output, "streamId")).toEqual(creators.map((_, i) => i));
    });

    it("sums add up over the communities", () => {
      for (const name of ["gifts", "streams", "uniqueViewers", "viewerSpendMicros", "platformNetMicros", "creatorPayoutMicros", "battleRounds"]) {
        const alone = parts.map((part) => metric(replicateOutput(part), name));
        expect(metric(output, name), name).toBe(alone.reduce((a, b) => a + b, 0));
      }
    });

    it("shares, concentration and ratios are computed over all creators and gifters, as the event log gives them, not averaged", () => {
      // Per-creator income and per-gifter coins from the log alone (ids numbered over the whole replicate).
      const diamonds = new Array<number>(24).fill(0);
      const coins = new Map<number, number>();
      for (const gift of log.gifts) {
        diamonds[gift.creator] += gift.diamonds;
        coins.set(gift.viewer, (coins.get(gift.viewer) ?? 0) + gift.coins);
      }
      const income = diamonds.map(Math.floor);
      const paid = new Set(log.payouts.map((payout) => payout.creator));
      const gifterCoins = [...coins.values()];
      expect(gifterCoins.length).toBe(metric(output, "gifters"));
      expect(paid.size).toBeGreaterThan(0);
      expect(paid.size).toBeLessThan(24);
      expect(metric(output, "creatorsPaidShare")).toBe(paid.size / 24);
      expect(metric(output, "top10CreatorIncomeShare")).toBeCloseTo(topShare(income, 0.1), 12);
      expect(metric(output, "creatorIncomeGini")).toBeCloseTo(gini(income), 12);
      const ascending = [...income].sort((a, b) => a - b);
      const total = ascending.reduce((a, b) => a + b, 0);
      expect(metric(output, "creatorIncomeLorenz50")).toBeCloseTo(ascending.slice(0, 12).reduce((a, b) => a + b, 0) / total, 12);
      expect(metric(output, "top10GifterShare")).toBeCloseTo(topShare(gifterCoins, 0.1), 12);
      expect(metric(output, "gini")).toBeCloseTo(gini(gifterCoins), 12);
      expect(metric(output, "viewerToGifterConversion")).toBe(gifterCoins.length / metric(output, "uniqueViewers"));
      // Not the mean of the communities' own figures.
      const meanGini = parts.reduce((sum, part) => sum + metric(replicateOutput(part), "gini"), 0) / 3;
      expect(metric(output, "gini")).not.toBeCloseTo(meanGini, 6);
    });

    it("the day table adds up, its paid share recomputed over all creators", () => {
      const width = TIMESERIES_COLUMNS.length;
      const lastDay = output.timeseries.subarray(6 * width, 7 * width);
      expect(lastDay[TIMESERIES_COLUMNS.indexOf("creatorsPaidShare")]).toBe(metric(output, "creatorsPaidShare"));
      const gifts = TIMESERIES_COLUMNS.indexOf("gifts");
      let dayGifts = 0;
      for (let day = 0; day < 7; day++) dayGifts += output.timeseries[day * width + gifts];
      expect(dayGifts).toBe(metric(output, "gifts"));
    });

    it("the event log names each gift's stream as the stream table does", () => {
      const width = STREAM_COLUMNS.length;
      const creatorOf = new Map<number, number>();
      for (let at = 0; at < output.streams.length; at += width) creatorOf.set(output.streams[at], output.streams[at + 2]);
      expect(log.gifts.length).toBe(metric(output, "gifts"));
      for (const gift of log.gifts) expect(creatorOf.get(gift.stream)).toBe(gift.creator);
      const viewers = parts.reduce((sum, part) => sum + part.viewerCount, 0);
      expect(Math.max(...log.gifts.map((gift) => gift.viewer))).toBeLessThan(viewers);
      expect(Math.max(...log.gifts.map((gift) => gift.viewer))).toBeGreaterThanOrEqual(parts[0].viewerCount);
    });
  });
}
