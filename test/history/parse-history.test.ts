import fc from "fast-check";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { HISTORY_METRICS, MAX_HISTORY_ROWS, REVENUE_UNITS, parseHistory, readHistory, writeHistory, type HistoryMetric, type StreamHistory } from "../../src/history/index.js";

/** The problems a refused history reports, as "path: expected" lines. */
function refused(text: string): GiftsimError {
  try {
    parseHistory(text, "h.csv");
  } catch (error) {
    expect(error).toBeInstanceOf(GiftsimError);
    expect((error as GiftsimError).exitCode).toBe(2);
    return error as GiftsimError;
  }
  throw new Error("history was accepted");
}
const paths = (error: GiftsimError) => error.problems.map((p) => p.path);

const GOOD = "date,durationMinutes,viewers,gifters,diamonds\n2026-01-06,90,1200,14,5300\n2026-01-08,75.5,980,9,2100\n";

describe("parseHistory", () => {
  it("reads a good file column-wise, days counted from the first stream", () => {
    const history = parseHistory(GOOD, "h.csv");
    expect(history.unit).toBe("diamonds");
    expect(history.metrics).toEqual(["viewers", "gifters", "revenue"]);
    expect(history.dates).toEqual(["2026-01-06", "2026-01-08"]);
    expect([...history.day]).toEqual([0, 2]);
    expect([...history.durationMinutes]).toEqual([90, 75.5]);
    expect([...(history.values.revenue ?? [])]).toEqual([5300, 2100]);
    expect(history.values.uniqueViewers).toBeUndefined();
  });

  it("takes a byte-order mark, CRLF line ends, quoted fields and trailing blank rows as a spreadsheet writes them", () => {
    const history = parseHistory('\uFEFFdate,durationMinutes,"usd"\r\n2026-01-06,60,"12.50"\r\n,,\r\n', "h.csv");
    expect(history.unit).toBe("usd");
    expect([...(history.values.revenue ?? [])]).toEqual([12.5]);
  });

  it("refuses an empty file and a header without rows", () => {
    expect(paths(refused(""))).toEqual(["(file)"]);
    const headerOnly = refused("date,durationMinutes,gifters\n");
    expect(headerOnly.message).toContain("line 2: got missing, expected at least one stream row");
  });

  it("names a missing required column, an unknown one (listing the known), a duplicate and a second revenue column", () => {
    const error = refused("durationMinutes,views,gifters,gifters,diamonds,coins\n90,1,2,3,4,5\n");
    expect(error.message).toContain('line 1, column 2: got "views", expected a known column (date, durationMinutes, viewers,');
    expect(error.message).toContain('line 1, column 4: got "gifters", expected each column once');
    expect(error.message).toContain("line 1, column date: got missing, expected a date column (required)");
    expect(error.message).toContain('line 1, column coins: got "coins", expected one revenue column only (this file also has diamonds)');
    expect(paths(refused("date,durationMinutes\n2026-01-06,90\n"))).toEqual(["line 1"]);
  });

  it("lists every bad row at once, each with its file line, column, value and what was expected", () => {
    const text = [
      "date,durationMinutes,viewers,uniqueViewers,gifters,usd",
      "2026-01-06,90,1200,800,12,10.5",
      "2026-01-08,90,abc,800,-3,4",
      "2026-01-05,0,1000,80.5,3,-1",
      "2026-02-30,90,1000,800,,4",
      "2026-01-10,90,1000",
      "2026-01-11,90,\"1,200\",800,3,4",
    ].join("\n");
    const error = refused(text);
    expect(error.problems.map((p) => `${p.path} = ${JSON.stringify(p.value)}`)).toEqual([
      'line 3, column viewers = "abc"',
      'line 3, column gifters = "-3"',
      'line 4, column date = "2026-01-05"',
      "line 4, column durationMinutes = 0",
      'line 4, column uniqueViewers = "80.5"',
      'line 4, column usd = "-1"',
      'line 5, column date = "2026-02-30"',
      'line 5, column gifters = ""',
      'line 6 = "3 fields"',
      'line 7, column viewers = "1,200"',
    ]);
    expect(error.message).toContain('line 3, column gifters: got "-3", expected a whole number, 0 or more (this one is negative)');
    expect(error.message).toContain('line 4, column date: got "2026-01-05", expected a date on or after 2026-01-08 (the row above; rows in date order)');
    expect(error.message).toContain('line 5, column date: got "2026-02-30", expected a date YYYY-MM-DD');
    expect(error.message).toContain("(without thousands separators)");
  });

  it("refuses a file over the row limit before reading its rows, and a span past the simulator's horizon", () => {
    const rows = Array.from({ length: MAX_HISTORY_ROWS + 1 }, () => "2026-01-06,90,5");
    const error = refused(["date,durationMinutes,gifters", ...rows].join("\n"));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toContain(`got ${MAX_HISTORY_ROWS + 1}, expected at most ${MAX_HISTORY_ROWS}`);
    expect(parseHistory(["date,durationMinutes,gifters", ...rows.slice(1)].join("\n"), "h.csv").dates).toHaveLength(MAX_HISTORY_ROWS);
    expect(paths(refused("date,durationMinutes,gifters\n2020-01-06,90,5\n2026-01-06,90,5\n"))).toEqual(["line 3, column date"]);
  });
});

describe("readHistory and writeHistory", () => {
  const dir = mkdtempSync(join(tmpdir(), "giftsim-history-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names the file when it is missing", () => {
    expect(() => readHistory(join(dir, "none.csv"))).toThrow(/none\.csv: no such file/);
  });

  it("round-trips any history through the file exactly", () => {
    const metricsArb = fc.subarray([...HISTORY_METRICS], { minLength: 1 });
    const historyArb = fc
      .record({
        metrics: metricsArb,
        unit: fc.constantFrom(...REVENUE_UNITS),
        gaps: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 30 }),
        start: fc.integer({ min: 0, max: 20_000 }),
      })
      .chain(({ metrics, unit, gaps, start }) =>
        fc.record({
          durations: fc.array(fc.double({ min: 0.01, max: 1440, noNaN: true }), { minLength: gaps.length, maxLength: gaps.length }),
          columns: fc.tuple(
            ...metrics.map((m) =>
              fc.array(m === "revenue" && unit === "usd" ? fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100) : fc.integer({ min: 0, max: 2_000_000_000 }), {
                minLength: gaps.length,
                maxLength: gaps.length,
              }),
            ),
          ),
        }).map(({ durations, columns }): StreamHistory => {
          const day = new Int32Array(gaps.length);
          for (let i = 1; i < gaps.length; i++) day[i] = day[i - 1] + gaps[i];
          const values: Partial<Record<HistoryMetric, Float64Array>> = {};
          metrics.forEach((m, i) => (values[m] = Float64Array.from(columns[i])));
          return {
            unit: metrics.includes("revenue") ? unit : null,
            metrics,
            dates: [...day].map((d) => new Date((start + d) * 86_400_000).toISOString().slice(0, 10)),
            day,
            durationMinutes: Float64Array.from(durations),
            values,
          };
        }),
      );
    let n = 0;
    fc.assert(
      fc.property(historyArb, (history) => {
        const file = join(dir, `h${n++}.csv`);
        writeHistory(file, history);
        expect(readHistory(file)).toEqual(history);
      }),
      { numRuns: 60 },
    );
    expect(readdirSync(dir).every((name) => name.endsWith(".csv"))).toBe(true);
  });

  it("refuses a file larger than the size limit, naming the limit of a history file", () => {
    const file = join(dir, "big.csv");
    writeFileSync(file, "x".repeat(1024 * 1024 + 1));
    expect(() => readHistory(file)).toThrow(/the size limit of a history file/);
  });
});
