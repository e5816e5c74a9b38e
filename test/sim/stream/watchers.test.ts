/**
 * Watchers in bulk (src/sim/stream/watchers.ts) against the one-by-one path they replace: the
 * same model, so over independent replicates the two must agree in distribution on what the
 * watchers shape (watch time, retention, followers, presence) and on the gifts. The worlds are
 * chosen so that the crowd's engagement matters a lot (a quarter of the departure hazard while
 * engaged, long engaged windows), and a control shows the comparison would catch a bulk path
 * that ignored it: with engagement switched off the same statistics move far outside the bounds.
 */
import { describe, expect, it } from "vitest";
import { mean, variance } from "simple-statistics";
import { runReplicate, type ReplicateOutput, type SimConfig } from "../../../src/sim/index.js";
import { config, metric } from "../helpers.js";

const REPLICATES = 60;
/** |z| beyond which two samples' means are called different: about 1 in 15,000 by chance for each statistic. */
const Z_LIMIT = 4;

/** Independent replicates: seeded apart per sample, since equal seeds would pair the samples and hide a difference. */
function run(simConfig: SimConfig, watchersInBulk: boolean, sample: string): ReplicateOutput[] {
  return Array.from({ length: REPLICATES }, (_, i) => runReplicate(simConfig, `watchers-${sample}-${i}`, { watchersInBulk }));
}

/** Welch's z of the difference of two samples' means. */
function welchZ(a: readonly number[], b: readonly number[]): number {
  return (mean(a) - mean(b)) / Math.sqrt(variance(a) / a.length + variance(b) / b.length);
}

const STATISTICS = ["meanWatchMinutes", "peakConcurrency", "uniqueViewers", "newFollowers", "gifts", "retention10m", "arrivalsTurnedAway"] as const;

/** Welch's z per statistic; 0 where neither sample varies (no arrival turned away in a world of one creator). */
function zScores(a: readonly ReplicateOutput[], b: readonly ReplicateOutput[]): Record<string, number> {
  return Object.fromEntries(STATISTICS.map((name) => [name, welchZ(a.map((o) => metric(o, name)), b.map((o) => metric(o, name))) || 0]));
}

/** Worlds where the crowd's engagement holds viewers often: a battle's long last stretch, and a goal bar with small goals. */
const WORLDS: Record<string, unknown> = {
  "battle rounds' last stretch": { horizonWeeks: 2, creators: { formats: ["battle"] }, formats: { battle: { engagedSeconds: 120 } } },
  "goal bar near its goal": { horizonWeeks: 2, creators: { formats: ["challenge"], tactics: { goalBar: { enabled: true, goalCoins: 400 } } } },
  // Most non-payers ask: held without a slot while their question waits, on a departure clock of the loop.
  "Q&A questions of non-payers": { horizonWeeks: 2, creators: { formats: ["qa"], tactics: { goalBar: { enabled: true, goalCoins: 400 } } }, formats: { qa: { askProbability: 1 } } },
  // A person in several pools, every stream at the same hour: arrivals ask whether a watcher of another stream has left.
  "shared audiences in one day room": { horizonWeeks: 1, population: { poolSize: 3000 }, creators: { count: 4, tactics: { goalBar: { enabled: true, goalCoins: 400 } } }, audience: { overlap: true } },
};

describe("watchers in bulk against every departure clock one by one", () => {
  it.each(Object.entries(WORLDS))("%s: the same distribution, and the control would tell them apart", (_name, overrides) => {
    const engaging = config({ ...(overrides as object), gifting: { engagedDepartureFactor: 0.25 } });
    const bulk = run(engaging, true, "bulk");
    const oneByOne = run(engaging, false, "one-by-one");
    const agreement = zScores(bulk, oneByOne);
    for (const name of STATISTICS) expect(Math.abs(agreement[name]), `${name}: z ${agreement[name].toFixed(2)}`).toBeLessThan(Z_LIMIT);

    // Control: a bulk path that let watchers leave as if nobody were engaged would look like this.
    const unengaged = run(config({ ...(overrides as object), gifting: { engagedDepartureFactor: 1 } }), false, "control");
    const control = zScores(bulk, unengaged);
    expect(control.meanWatchMinutes, `control z ${control.meanWatchMinutes.toFixed(2)}`).toBeGreaterThan(2 * Z_LIMIT);
  });

  it("counts a watcher's visit as one event: fewer events, the same audit", () => {
    const simConfig = config({ horizonWeeks: 1, creators: { tactics: { goalBar: { enabled: true } } } });
    const bulk = runReplicate(simConfig, "watchers-events", { watchersInBulk: true });
    const oneByOne = runReplicate(simConfig, "watchers-events", { watchersInBulk: false });
    expect(bulk.simulatedEvents).toBeLessThan(0.9 * oneByOne.simulatedEvents);
    expect(bulk.audit.state).toBe("passed");
    expect(oneByOne.audit.state).toBe("passed");
  });

  it.each([
    ["herding falling in the crowd (a watcher leaving would raise the hazard above the standing bound)", { gifting: { herding: { elasticity: -0.2 } } }],
  ])("keeps every departure as an event where %s", (_why, overrides) => {
    const simConfig = config({ horizonWeeks: 1, ...overrides });
    const bulk = runReplicate(simConfig, "watchers-off", { watchersInBulk: true });
    const oneByOne = runReplicate(simConfig, "watchers-off", { watchersInBulk: false });
    expect(bulk.simulatedEvents).toBe(oneByOne.simulatedEvents);
    expect(Array.from(bulk.metrics)).toEqual(Array.from(oneByOne.metrics));
  });

  it("turns a person away only while they watch another stream: a watcher who left since that stream's last event is free", () => {
    // Few events per stream (no payers, few arrivals), so a watcher's clock often rings long before their stream's next event.
    const simConfig = config({
      horizonWeeks: 1,
      population: { poolSize: 400, initialFollowers: 20, payerShare: 0 },
      discovery: { arrivalsPerHour: 90 },
      creators: { count: 3 },
      audience: { overlap: true },
    });
    /** Each person's visits of a day: [creator, from, to] in seconds of the day. */
    const visits = new Map<string, [number, number, number][]>();
    const turnedAway: [string, number, number][] = [];
    runReplicate(simConfig, "watchers-busy", {
      onVisit: (person, creator, day, from, to) => {
        const key = `${day}/${person}`;
        visits.set(key, [...(visits.get(key) ?? []), [creator, from, to]]);
      },
      onTurnedAway: (person, creator, day, second) => turnedAway.push([`${day}/${person}`, creator, second]),
    });
    expect(turnedAway.length).toBeGreaterThan(10);
    for (const [key, creator, second] of turnedAway) {
      const watching = (visits.get(key) ?? []).some(([other, from, to]) => other !== creator && from <= second && second < to);
      expect(watching, `${key} turned away from creator ${creator} at ${second}`).toBe(true);
    }
  });

  it("a viewer's visits to one stream never overlap, and watchers come back as often as one by one", () => {
    const simConfig = config({ horizonWeeks: 1, creators: { formats: ["battle"] }, discovery: { arrivalsPerHour: 3000 } });
    /** Visits that began after the same viewer's earlier visit to the same stream ended. */
    const returns = (watchersInBulk: boolean): number => {
      const visits = new Map<string, [number, number][]>();
      runReplicate(simConfig, "watchers-visits", {
        watchersInBulk,
        onVisit: (person, creator, day, from, to) => {
          const key = `${person}/${creator}/${day}`;
          visits.set(key, [...(visits.get(key) ?? []), [from, to]]);
        },
      });
      let again = 0;
      for (const list of visits.values()) {
        list.sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < list.length; i++) {
          again++;
          expect(list[i][0]).toBeGreaterThanOrEqual(list[i - 1][1]);
        }
      }
      return again;
    };
    // Watchers held until the stream's end would come back only as payers do: a small fraction.
    const bulk = returns(true);
    const oneByOne = returns(false);
    expect(oneByOne).toBeGreaterThan(100);
    expect(bulk / oneByOne).toBeGreaterThan(0.8);
    expect(bulk / oneByOne).toBeLessThan(1.25);
  });
});
