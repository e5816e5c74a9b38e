// Many creators sharing audiences (docs/model.md "Many creators, shared audiences"): one wallet and
// one month's budget per person across all their creators, one stream at a time, traits shared,
// and a follow graph that puts most of a gifter's coins with a few creators.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMAT_IDS, giftingSpread } from "../../src/sim/index.js";
import { buildFollowGraph } from "../../src/sim/follow-graph.js";
import type { BattleFormat } from "../../src/sim/formats/battle.js";
import { createRandom } from "../../src/sim/random.js";
import { communityConfig, communityCount, communitySeed } from "../../src/sim/community.js";
import { runReplicate, simulate } from "../../src/sim/replicate.js";
import { collectLog, config } from "./helpers.js";

/** A small world of creators of varied quality whose pools share people, on staggered hours. */
const sharedWorld = (extra: Record<string, unknown> = {}, audience: Record<string, unknown> = {}) =>
  config({
    horizonWeeks: 2,
    population: { poolSize: 1500, initialFollowers: 120, budget: { medianUsd: 2 } },
    discovery: { arrivalsPerHour: 300 },
    creators: { count: 5, qualitySigma: 0.6, schedule: { reliability: 1 } },
    audience: { overlap: true, startHours: 2, ...audience },
    ...extra,
  });

describe("people shared by several creators", () => {
  it("never lets a person spend more than their month's budget across all their creators, and passes the audit (property over seeds)", () => {
    let sharedMonths = 0;
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), (seed) => {
        const log = collectLog();
        const { world, output } = simulate(sharedWorld(), seed, { eventLog: log.sink });
        expect(output.audit).toEqual({ state: "passed", failures: [] });
        const { people } = world;
        const spent = new Map<string, { micros: number; creators: Set<number> }>();
        for (const row of log.purchases) {
          const key = `${row.viewer}/${Math.floor((row.day + people.monthPhase[row.viewer]) / world.config.monthDays)}`;
          const month = spent.get(key) ?? { micros: 0, creators: new Set<number>() };
          month.micros += row.priceMicros;
          month.creators.add(row.creator);
          spent.set(key, month);
        }
        for (const [key, month] of spent) {
          const person = Number(key.split("/")[0]);
          expect(month.micros, key).toBeLessThanOrEqual(people.budgetMicros[person]);
          if (month.creators.size > 1) sharedMonths++;
        }
      }),
      { numRuns: 4 },
    );
    // The bound was tested where it binds across creators: people bought for more than one creator in one month.
    expect(sharedMonths).toBeGreaterThan(0);
  });

  it("draws on one wallet for every creator a person gifts to, and reads one person's traits at each of their slots", () => {
    const log = collectLog();
    const { world } = simulate(sharedWorld(), "wallet", { eventLog: log.sink });
    const { people, viewers } = world;
    const bought = new Map<number, number>();
    const gifted = new Map<number, number>();
    const boughtFor = new Map<string, number>();
    const giftedTo = new Map<string, number>();
    for (const row of log.purchases) {
      bought.set(row.viewer, (bought.get(row.viewer) ?? 0) + row.coins);
      boughtFor.set(`${row.viewer}/${row.creator}`, (boughtFor.get(`${row.viewer}/${row.creator}`) ?? 0) + row.coins);
    }
    for (const row of log.gifts) {
      gifted.set(row.viewer, (gifted.get(row.viewer) ?? 0) + row.coins);
      giftedTo.set(`${row.viewer}/${row.creator}`, (giftedTo.get(`${row.viewer}/${row.creator}`) ?? 0) + row.coins);
    }
    for (const [person, coins] of bought) {
      expect(people.wallet[person]).toBe(coins - (gifted.get(person) ?? 0));
      expect(world.money.ledger.walletCoins[person]).toBe(people.wallet[person]);
    }
    // Coins bought in one creator's stream were gifted to another: the wallet is the person's.
    const carried = [...giftedTo].filter(([key, coins]) => coins > (boughtFor.get(key) ?? 0));
    expect(carried.length).toBeGreaterThan(0);
    let sharedSlots = 0;
    for (let v = 0; v < viewers.count; v++) {
      if (viewers.drawn[v] === 0) continue;
      const p = viewers.person[v];
      expect([viewers.region[v], viewers.budgetMicros[v], viewers.generosity[v], viewers.patienceSec[v]]).toEqual([people.region[p], people.budgetMicros[p], people.generosity[p], people.patienceSec[p]]);
      if (p !== v) sharedSlots++;
    }
    expect(sharedSlots).toBeGreaterThan(0);
  });

  it("never has a person present in two streams at once, and counts the arrivals that did not come", () => {
    for (const startHours of [1, 2]) {
      const visits = new Map<number, [number, number][]>();
      const { world, output } = simulate(sharedWorld({}, { startHours }), `presence-${startHours}`, {
        onVisit: (person, _creator, day, from, to) => {
          const list = visits.get(person) ?? [];
          list.push([day * 86_400 + from, day * 86_400 + to]);
          visits.set(person, list);
        },
      });
      expect(output.audit.state).toBe("passed");
      let people = 0;
      for (const list of visits.values()) {
        list.sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < list.length; i++) expect(list[i][0]).toBeGreaterThanOrEqual(list[i - 1][1]);
        if (list.length > 1) people++;
      }
      expect(people).toBeGreaterThan(100);
      expect(world.tally.busyArrivals).toBeGreaterThan(0);
    }
  });

  it("frees a stream's viewers when it ends in the day's time, so streams that do not overlap turn nobody away", () => {
    // Three creators an hour each, at three different hours of the day: nobody is ever busy elsewhere.
    const apart = sharedWorld({ creators: { count: 3, qualitySigma: 0.6, schedule: { reliability: 1, durationMinutes: 60 } } }, { startHours: 24 });
    const { world, output } = simulate(apart, "apart");
    expect(output.audit.state).toBe("passed");
    expect(new Set(world.creators.startSecond).size).toBe(3);
    expect(world.tally.busyArrivals).toBe(0);
    // The same creators live at one hour do turn people away.
    expect(simulate({ ...apart, audience: { ...apart.audience, startHours: 1 } }, "apart").world.tally.busyArrivals).toBeGreaterThan(0);
  });

  it("pairs battles within each community's own world, and the replicate joins them with a clean audit", () => {
    const league = sharedWorld({ creators: { count: 6, qualitySigma: 0.6, formats: ["battle"], schedule: { reliability: 1 } } }, { communitySize: 3, startHours: 1 });
    expect(communityCount(league)).toBe(2);
    for (let k = 0; k < 2; k++) {
      // Each community is a world of its own three creators (community.ts): a battle can only pair them.
      const { world, output } = simulate(communityConfig(league, k), communitySeed(league, "league", k));
      expect(output.audit.state).toBe("passed");
      expect(world.creators.count).toBe(3);
      const battle = world.formats[FORMAT_IDS.indexOf("battle")] as BattleFormat;
      let within = 0;
      for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) within += battle.roundsFought(a, b);
      expect(within).toBeGreaterThan(0);
    }
    expect(runReplicate(league, "league").audit.state).toBe("passed");
  });

  it("is a pure function of config and seed", () => {
    const a = simulate(sharedWorld({ creators: { count: 5, qualitySigma: 0.6, formats: ["qa", "battle"] } }), "pure").output;
    const b = simulate(sharedWorld({ creators: { count: 5, qualitySigma: 0.6, formats: ["qa", "battle"] } }), "pure").output;
    expect(b.metrics).toEqual(a.metrics);
    expect(b.streams).toEqual(a.streams);
  });
});

describe("the follow graph", () => {
  it("puts most people in one or two pools, caps them at maxPools, and never lists a person twice in a pool", () => {
    // One community's graph: a world cut into communities builds one per community's own world (community.ts).
    const simConfig = config({ population: { poolSize: 2000, initialFollowers: 150 }, creators: { count: 12 }, audience: { overlap: true, maxPools: 4 } });
    const graph = buildFollowGraph(simConfig, new Float64Array(12).fill(1), createRandom("graph"));
    const pools = new Int32Array(graph.people);
    for (let c = 0; c < 12; c++) {
      const members = graph.person.subarray(graph.poolStart[c], graph.poolStart[c + 1]);
      expect(new Set(members).size).toBe(members.length);
      for (const p of members) pools[p]++;
    }
    const share = (k: number) => pools.filter((n) => n <= k).length / graph.people;
    expect(share(1)).toBeGreaterThan(0.5);
    expect(share(4)).toBe(1);
    expect(share(3)).toBeLessThan(1);
    expect(pools.filter((n) => n === 0).length).toBe(0);
  });

  it("spreads a gifter's coins over a few creators with overlap, over exactly one without (the documented direction)", () => {
    const withOverlap = giftingSpread(simulate(sharedWorld({ horizonWeeks: 3 }), "spread").world);
    const without = giftingSpread(simulate(sharedWorld({ horizonWeeks: 3 }, { overlap: false }), "spread").world);
    expect(without).toMatchObject({ atMostThreeCreators: 1, topThreeCoinShare: 1, meanCreators: 1 });
    expect(withOverlap.meanCreators).toBeGreaterThan(1.2);
    expect(withOverlap.atMostThreeCreators).toBeLessThan(1);
    // Most gifters' coins stay with a few creators (Inke: 77% gift only to their top three).
    expect(withOverlap.atMostThreeCreators).toBeGreaterThan(0.6);
    expect(withOverlap.topThreeCoinShare).toBeGreaterThan(0.85);
  });
});
