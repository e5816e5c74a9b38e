import { describe, expect, it } from "vitest";
import { historySchedule, historySummary, parseHistory } from "../../src/history/index.js";

// 2026-01-06 is a Tuesday: Tue, Thu, Tue (a week on), Sun; the Thursday of the second week is missed.
const TEXT = "date,durationMinutes,uniqueViewers,gifters,diamonds\n2026-01-06,60,99,9,0\n2026-01-08,120,999,9,99\n2026-01-13,90,99,0,99\n2026-01-18,30,9,0,0\n";

describe("historySummary", () => {
  const history = parseHistory(TEXT, "t.csv");
  const summary = historySummary(history);
  const value = (name: string) => summary.values[summary.names.indexOf(name)];

  it("names mean, sd and trend per column (duration first, then HISTORY_METRICS order), then pooled ratios", () => {
    expect(summary.names).toEqual([
      "durationMinutes.mean", "durationMinutes.sd", "durationMinutes.trend",
      "uniqueViewers.mean", "uniqueViewers.sd", "uniqueViewers.trend",
      "gifters.mean", "gifters.sd", "gifters.trend",
      "revenue.mean", "revenue.sd", "revenue.trend",
      "gifters/uniqueViewers", "revenue/gifters",
    ]);
    expect(summary.values).toHaveLength(summary.names.length);
  });

  it("takes means and population spreads on log1p", () => {
    // log1p of 99, 999, 99, 9 is 2 ln 10 ... in units of ln 10: 2, 3, 2, 1.
    const ln10 = Math.log(10);
    expect(value("uniqueViewers.mean")).toBeCloseTo(2 * ln10, 12);
    expect(value("uniqueViewers.sd")).toBeCloseTo(Math.sqrt(0.5) * ln10, 12);
    expect(value("gifters.mean")).toBeCloseTo(0.5 * ln10, 12);
  });

  it("takes the trend as the least-squares slope per week on log1p", () => {
    // Weeks 0, 2/7, 1, 12/7 against 1, 0, 1, 0 (revenue in units of ln 100 ... log1p(99) = 2 ln 10).
    const weeks = [0, 2 / 7, 1, 12 / 7];
    const y = [0, 2, 2, 0].map((v) => v * Math.log(10));
    const mx = weeks.reduce((a, b) => a + b) / 4;
    const my = y.reduce((a, b) => a + b) / 4;
    const slope = weeks.reduce((s, x, i) => s + (x - mx) * (y[i] - my), 0) / weeks.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(value("revenue.trend")).toBeCloseTo(slope, 12);
    expect(historySummary(parseHistory("date,durationMinutes,gifters\n2026-01-06,60,5\n2026-01-06,60,50\n", "t.csv")).values[5]).toBe(0);
  });

  it("gives exactly 0 spread and trend for a column that never changes (every simulated stream has one length)", () => {
    const constant = historySummary(parseHistory("date,durationMinutes,gifters\n2026-01-06,120,5\n2026-01-09,120,7\n2026-01-20,120,6\n", "t.csv"));
    expect(constant.values[1]).toBe(0);
    expect(constant.values[2]).toBe(0);
    expect(constant.values[0]).toBe(Math.log1p(120));
  });

  it("pools ratios over the history: log1p(total) - log1p(total)", () => {
    expect(value("gifters/uniqueViewers")).toBeCloseTo(Math.log1p(18) - Math.log1p(1206), 12);
    expect(value("revenue/gifters")).toBeCloseTo(Math.log1p(198) - Math.log1p(18), 12);
  });

  it("is NaN throughout for a history without streams", () => {
    const empty = { ...history, dates: [], day: new Int32Array(), durationMinutes: new Float64Array(), values: { gifters: new Float64Array() } };
    expect([...historySummary(empty).values].every(Number.isNaN)).toBe(true);
  });
});

describe("historySchedule", () => {
  it("takes every weekday streamed, the share of their dates held, the median length and the weeks spanned", () => {
    // Span 2026-01-06..2026-01-18 (13 days, 2 weeks): Tue, Thu and Sun twice each = 6 slots, 4 held.
    expect(historySchedule(parseHistory(TEXT, "t.csv"))).toEqual({ horizonWeeks: 2, days: ["tue", "thu", "sun"], durationMinutes: 75, reliability: 4 / 6 });
  });

  it("counts two streams on one date as one held slot and keeps the length inside the model's bounds", () => {
    const schedule = historySchedule(parseHistory("date,durationMinutes,gifters\n2026-01-05,2,1\n2026-01-05,3,1\n", "t.csv"));
    expect(schedule).toEqual({ horizonWeeks: 1, days: ["mon"], durationMinutes: 5, reliability: 1 });
  });
});
