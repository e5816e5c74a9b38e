/**
 * Scenario replay: the gift stream one replicate of a scenario produces, in simulated time
 * order, through the core in process and over HTTP (loopback, in-process server).
 */
import { fileURLToPath } from "node:url";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_HTTP_LOAD, captureReplayStream, replayTraffic, runHttpLoad, runReplayLoad } from "../../../src/load/index.js";
import { DEFAULT_SERVE, startGiftServer, type ServiceConfig, type ServiceTotals } from "../../../src/serve/index.js";

const BATTLE_NIGHT = fileURLToPath(new URL("../../../scenarios/battle-night.yaml", import.meta.url));
const stream = captureReplayStream({ file: BATTLE_NIGHT, arm: "battle-fresh", replicate: 0 });

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

describe("captureReplayStream", () => {
  it("orders the replicate's purchases and gifts by simulated time, purchases first at equal times, and is the same stream every time", () => {
    expect(stream.gifts.length).toBeGreaterThan(1_000);
    expect(stream.purchases.length).toBeGreaterThan(100);
    expect(stream.timeline.length).toBe(stream.gifts.length + stream.purchases.length);
    for (let e = 1; e < stream.timeSec.length; e++) {
      expect(stream.timeSec[e] >= stream.timeSec[e - 1]).toBe(true);
      if (stream.timeSec[e] === stream.timeSec[e - 1]) expect((stream.timeline[e] & 1) >= (stream.timeline[e - 1] & 1)).toBe(true);
    }
    const again = captureReplayStream({ file: BATTLE_NIGHT, arm: "battle-fresh", replicate: 0 });
    expect(again.timeline).toEqual(stream.timeline);
    expect(again.source.replicateSeed).toBe(stream.source.replicateSeed);
    const other = captureReplayStream({ file: BATTLE_NIGHT, arm: "battle-fresh", replicate: 1 });
    expect(other.source.replicateSeed).not.toBe(stream.source.replicateSeed);
  });

  it("names the flag, the value and what was expected for an unknown arm or replicate", () => {
    expect(() => captureReplayStream({ file: BATTLE_NIGHT, arm: "nope", replicate: 0 })).toThrow(/--arm: got "nope", expected an arm of .*casual, battle-fresh, battle-rematch/);
    expect(() => captureReplayStream({ file: BATTLE_NIGHT, replicate: 100 })).toThrow(/--replicate: got 100, expected a replicate index from 0 to 99/);
  });

  it("refuses a world of several communities (a ledger each), naming the scenario", () => {
    const communities = fileURLToPath(new URL("../../fixtures/scenarios/communities.yaml", import.meta.url));
    expect(() => captureReplayStream({ file: communities, replicate: 0 })).toThrow(/--scenario: got ".*communities.yaml", expected a scenario of one community \(model.audience.communitySize 0, or at least creators.count\)/);
  });
});

describe("runReplayLoad", () => {
  it("builds exactly the simulation's books from purchases and gifts, and N times them with --repeat N on fresh keys", () => {
    const once = runReplayLoad({ file: BATTLE_NIGHT, arm: "battle-fresh", replicate: 0, repeat: 1, batchSize: 997 });
    expect(once.audit.state).toBe("passed");
    expect(once.simulation.state).toBe("equal");
    expect(Object.values(once.rejected).every((n) => n === 0)).toBe(true);
    expect(once.giftEvents).toBe(stream.gifts.length);
    // The batch size changes the batches, not the books.
    const bigBatches = runReplayLoad({ file: BATTLE_NIGHT, arm: "battle-fresh", replicate: 0, repeat: 1, batchSize: 100_000 });
    expect(bigBatches.ledgerDigest).toBe(once.ledgerDigest);

    const thrice = runReplayLoad({ file: BATTLE_NIGHT, arm: "battle-fresh", replicate: 0, repeat: 3, batchSize: 4_096 });
    expect(thrice.simulation).toMatchObject({ state: "equal", repeat: 3 });
    expect(thrice.giftEvents).toBe(3 * stream.gifts.length);
    expect(thrice.rejected.duplicate).toBe(0);
    expect(thrice.audit.totals.coinsSpent).toBe(3 * (once.audit.totals.coinsSpent as number));
  });
});

describe("replay over HTTP", () => {
  it("sends the stream at its simulated timing scaled by speed, and the server's books match the simulation's", async () => {
    const server = await startGiftServer({ ...DEFAULT_SERVE, port: 0, viewers: stream.viewers, creators: stream.creators });
    closers.push(() => server.close());
    // Speed so the whole stream (idle gaps shortened to 60 s) lasts about a second.
    const { arrival, traffic } = replayTraffic(stream, { eventsPerSecond: 8_000, maxGapSeconds: 60, eventsPerRequest: 25, repeat: 1 });
    expect(arrival.events).toBe(stream.timeline.length);
    // The plan's own send times (computed, not measured): their average rate is the one asked for,
    // give or take the shortened idle gaps.
    const plannedEventsPerSecond = arrival.events / (arrival.durationMs / 1000);
    expect(plannedEventsPerSecond).toBeGreaterThan(8_000 / 1.1);
    expect(plannedEventsPerSecond).toBeLessThan(8_000 / 0.6);
    // One connection keeps requests in order, so no gift can overtake the purchase that funds it.
    const summary = await runHttpLoad({ ...DEFAULT_HTTP_LOAD, target: server.url, arrival, giftsPerRequest: 25, connections: 1, graceMs: 5_000 }, {}, traffic);
    expect(summary.requests.failed + summary.requests.dropped + summary.requests.unanswered).toBe(0);
    expect(summary.events).toMatchObject({ giftsAccepted: stream.gifts.length, purchasesAccepted: stream.purchases.length, giftsRejected: {} });
    expect(summary.reconciliation.state).toBe("passed");
    const totals = (await (await request(`${server.url}/v1/totals`)).body.json()) as ServiceTotals;
    const local = runReplayLoad({ file: BATTLE_NIGHT, arm: "battle-fresh", replicate: 0, repeat: 1, batchSize: 10_000 });
    for (const name of ["coinsBought", "coinsSpent", "coinsInWallets", "fiatPaidMicros"]) expect(totals.ledger[name], name).toBe(local.audit.totals[name]);
    // Bursts survive the scaling: the busiest 50 ms of the schedule carry well over the average
    // (deterministic: a seeded stream, whose seed hashes the resolved config, so the margin is kept wide).
    const config = (await (await request(`${server.url}/v1/config`)).body.json()) as ServiceConfig;
    const { schedule } = traffic(config, { stream: 0, order: 0 });
    const bins = new Map<number, number>();
    for (let i = 0; i < schedule.total; i++) {
      if (i > 0) expect(schedule.dueMs(i) >= schedule.dueMs(i - 1)).toBe(true);
      const bin = Math.floor(schedule.dueMs(i) / 50);
      bins.set(bin, (bins.get(bin) ?? 0) + 1);
    }
    expect(Math.max(...bins.values())).toBeGreaterThan((1.5 * schedule.total) / (schedule.durationMs / 50));
  });

  it("refuses a target whose economy or size cannot take the stream, saying how to start one that can", async () => {
    const server = await startGiftServer({ ...DEFAULT_SERVE, port: 0, viewers: 100, creators: 1 });
    closers.push(() => server.close());
    const { arrival, traffic } = replayTraffic(stream, { speed: 1e6, maxGapSeconds: 60, eventsPerRequest: 25, repeat: 1 });
    await expect(runHttpLoad({ ...DEFAULT_HTTP_LOAD, target: server.url, arrival }, {}, traffic)).rejects.toThrow(
      /target viewers: got 100, expected at least 20000: a target serving the scenario's economy, e.g. giftsim serve --preset tiktok --viewers 20000 --creators 1/,
    );
  });
});
