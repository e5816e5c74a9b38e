import { describe, expect, it } from "vitest";
import { HISTORY_METRICS, historyFromStreams, historySchedule } from "../../src/history/index.js";
import { runReplicate } from "../../src/sim/index.js";
import { config, streamColumn } from "../sim/helpers.js";

const SMALL = config({ horizonWeeks: 2, creators: { count: 2 }, population: { poolSize: 2_000, initialFollowers: 100 }, discovery: { arrivalsPerHour: 60 } });
const output = runReplicate(SMALL, "history-from-streams");

describe("historyFromStreams", () => {
  const history = historyFromStreams(output, SMALL, { startDate: "2026-01-01", creator: 1, unit: "diamonds", metrics: HISTORY_METRICS });
  const mine = streamColumn(output, "creator").map((c, row) => (c === 1 ? row : -1)).filter((row) => row >= 0);
  const of = (name: Parameters<typeof streamColumn>[1]) => mine.map((row) => streamColumn(output, name)[row]);

  it("holds one entry per stream of the creator, agreeing with the stream table", () => {
    expect(mine.length).toBeGreaterThan(2);
    expect(history.dates).toHaveLength(mine.length);
    expect([...history.durationMinutes]).toEqual(of("durationMinutes"));
    expect([...(history.values.uniqueViewers ?? [])]).toEqual(of("uniqueViewers"));
    expect([...(history.values.peakConcurrency ?? [])]).toEqual(of("peakConcurrency"));
    expect([...(history.values.gifters ?? [])]).toEqual(of("gifters"));
    expect([...(history.values.newFollowers ?? [])]).toEqual(of("newFollowers"));
    expect([...(history.values.revenue ?? [])]).toEqual(of("creatorDiamonds"));
  });

  it("counts views as whole visits, re-entries included: at least one per unique viewer, more where viewers came back", () => {
    const visits = of("meanConcurrency").map((c, i) => (c * of("durationMinutes")[i]) / of("meanWatchMinutes")[i]);
    for (const v of visits) expect(Math.abs(v - Math.round(v))).toBeLessThan(1e-6);
    const views = [...(history.values.viewers ?? [])];
    expect(views).toEqual(visits.map(Math.round));
    views.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(of("uniqueViewers")[i]));
    expect(views.some((v, i) => v > of("uniqueViewers")[i])).toBe(true);
  });

  it("dates streams from the first Monday on or after the start, keeping the simulated weekdays", () => {
    // 2026-01-01 is a Thursday; simulated day 0 is a Monday, 2026-01-05.
    const simDays = of("day");
    expect(history.dates[0]).toBe(new Date(Date.UTC(2026, 0, 5 + simDays[0])).toISOString().slice(0, 10));
    expect([...history.day]).toEqual(simDays.map((d) => d - simDays[0]));
    expect(historySchedule(history).days.every((d) => SMALL.creators.schedule.days.includes(d))).toBe(true);
  });

  it("maps revenue by unit: coins and Bits are coins gifted, usd the creator's earnings in cents", () => {
    const coins = historyFromStreams(output, SMALL, { startDate: "2026-01-05", creator: 1, unit: "coins", metrics: ["revenue"] });
    expect([...(coins.values.revenue ?? [])]).toEqual(of("giftedCoins"));
    const usd = historyFromStreams(output, SMALL, { startDate: "2026-01-05", creator: 1, unit: "usd", metrics: ["revenue"] });
    expect([...(usd.values.revenue ?? [])]).toEqual(of("creatorEarningsMicros").map((m) => Math.round(m / 10_000) / 100));
    const none = historyFromStreams(output, SMALL, { startDate: "2026-01-05", unit: null, metrics: ["gifters", "revenue"] });
    expect(none.metrics).toEqual(["gifters"]);
    expect(none.unit).toBeNull();
  });

  it("refuses a creator the scenario does not have and a start that is not a date", () => {
    expect(() => historyFromStreams(output, SMALL, { startDate: "2026-01-05", creator: 2, unit: null, metrics: ["gifters"] })).toThrow(/creator: got 2, expected an integer 0\.\.1/);
    expect(() => historyFromStreams(output, SMALL, { startDate: "5 Jan", unit: null, metrics: ["gifters"] })).toThrow(/startDate/);
  });
});
