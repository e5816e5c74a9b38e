// The run folder as DuckDB reads it (regression: an all-empty metric column, battleWinRate in a
// run without battles, was sniffed as VARCHAR and `avg()` of it failed with a Binder Error).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { fixture, tempDir } from "./helpers.js";

const TABLES = ["replicates", "streams", "timeseries"] as const;
const TEXT_COLUMNS = new Set(["arm", "seed", "event"]);
const NUMERIC = /^(DOUBLE|INTEGER|BIGINT)$/;
let root: string;
let csvRun: string;
let parquetRun: string;
let duckdb: DuckDBInstance;
let db: DuckDBConnection;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Column name to DuckDB type of what `from` reads. */
async function types(from: string): Promise<Record<string, string>> {
  return Object.fromEntries((await rows(`DESCRIBE SELECT * FROM ${from}`)).map((row) => [row.column_name as string, row.column_type as string]));
}

beforeAll(async () => {
  root = tempDir("duckdb");
  csvRun = join(root, "csv");
  parquetRun = join(root, "parquet");
  const common = ["run", fixture("scenarios/tiny.yaml"), "--replicates", "2", "--quiet", "--no-report"];
  for (const args of [
    ["--out", csvRun, "--events-out", join(csvRun, "events.csv")],
    ["--out", parquetRun, "--events-out", join(parquetRun, "events.parquet"), "--parquet"],
  ]) {
    const result = await runCli([...common, ...args]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }
  duckdb = await DuckDBInstance.create(":memory:");
  db = await duckdb.connect();
  // duckdb.sql names its files relative to the run folder, as `duckdb -init duckdb.sql` there reads them.
  await db.run(`SET file_search_path = '${csvRun}'`);
  await db.run(readFileSync(join(csvRun, "duckdb.sql"), "utf8"));
});

afterAll(() => {
  db?.closeSync();
  duckdb?.closeSync();
});

describe("outputs read by DuckDB", () => {
  it("the run has an all-empty metric column to check (battleWinRate without battles)", async () => {
    expect(await rows("SELECT count(*)::INTEGER AS n, count(battleWinRate)::INTEGER AS measured FROM replicates")).toEqual([{ n: 4, measured: 0 }]);
  });

  it.each(TABLES)("every column of %s.csv but the text keys is numeric through duckdb.sql, and avg() of an empty one is NULL", async (table) => {
    const typed = await types(table);
    const wrong = Object.entries(typed).filter(([name, type]) => !TEXT_COLUMNS.has(name) && !NUMERIC.test(type));
    expect(wrong).toEqual([]);
    if (table === "replicates") expect(await rows("SELECT avg(battleWinRate) AS mean FROM replicates")).toEqual([{ mean: null }]);
  });

  it.each(TABLES)("sniffed without duckdb.sql, %s.csv has every column with a value numeric; only all-empty ones come out VARCHAR", async (table) => {
    const file = `'${join(csvRun, `${table}.csv`)}'`;
    const sniffed = await types(file);
    const [counts] = await rows(`SELECT ${Object.keys(sniffed).map((name) => `count("${name}")::INTEGER AS "${name}"`).join(", ")} FROM ${file}`);
    const wrong = Object.entries(sniffed).filter(([name, type]) => !TEXT_COLUMNS.has(name) && !NUMERIC.test(type) && counts[name] !== 0);
    expect(wrong).toEqual([]);
    if (table === "replicates") expect(sniffed.battleWinRate).toBe("VARCHAR");
  });

  it.each(TABLES)("%s.parquet: every figure a DOUBLE (the all-empty ones too), rows equal to the CSV's", async (table) => {
    const parquet = `'${join(parquetRun, `${table}.parquet`)}'`;
    const typed = await types(parquet);
    expect(Object.entries(typed).filter(([name, type]) => (TEXT_COLUMNS.has(name) ? type !== "VARCHAR" : !NUMERIC.test(type)))).toEqual([]);
    expect(typed).toEqual(await types(table));
    const [{ n }] = await rows(`SELECT count(*)::INTEGER AS n FROM ${parquet}`);
    expect(n).toBeGreaterThan(0);
    expect(await rows(`SELECT count(*)::INTEGER AS n FROM ${table}`)).toEqual([{ n }]);
    // The tables of both runs are the same rows: the run with --parquet changes nothing else.
    for (const [a, b] of [[parquet, table], [table, parquet]]) {
      expect(await rows(`SELECT count(*)::INTEGER AS n FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})`)).toEqual([{ n: 0 }]);
    }
  });

  it("a calibration folder: particles.csv numeric with each generation's weights summing to 1, posterior.csv's intervals inside the priors", async () => {
    const fit = join(root, "calibration");
    const tiny = fixture("fit/tiny-creator.yaml");
    const result = await runCli(["calibrate", "--history", fixture("fit/tiny-creator.csv"), "--scenario", tiny, "--params", "population.initialFollowers,population.payerShare", "--particles", "20", "--generations", "2", "--quiet", "--out", fit]);
    expect(result.code, result.stderr).toBe(0);
    const particles = `'${join(fit, "particles.csv")}'`;
    expect(Object.values(await types(particles)).every((type) => NUMERIC.test(type))).toBe(true);
    const sums = await rows(`SELECT generation::INTEGER AS generation, count(*)::INTEGER AS n, round(sum(weight), 9) AS total FROM ${particles} GROUP BY generation ORDER BY generation`);
    expect(sums).toEqual([{ generation: 0, n: 20, total: 1 }, { generation: 1, n: 20, total: 1 }]);
    const posterior = `'${join(fit, "posterior.csv")}'`;
    const bad = await rows(`SELECT parameter FROM ${posterior} WHERE NOT (prior_low <= q05 AND q05 <= median AND median <= q95 AND q95 <= prior_high AND ci90_low = q05 AND ci90_high = q95)`);
    expect(bad).toEqual([]);
    expect(await rows(`SELECT count(*)::INTEGER AS n FROM '${join(fit, "predictive.csv")}' WHERE inside NOT IN (0, 1)`)).toEqual([{ n: 0 }]);
  }, 120_000);

  it("the Parquet event log is typed and holds the CSV log's rows, value for value", async () => {
    const parquet = `'${join(parquetRun, "events.parquet")}'`;
    const typed = await types(parquet);
    expect(Object.entries(typed).filter(([name, type]) => (TEXT_COLUMNS.has(name) ? type !== "VARCHAR" : !NUMERIC.test(type)))).toEqual([]);
    // Read the CSV log with the Parquet log's types: a kind of event the run never applied leaves its columns empty.
    const csv = `read_csv('${join(csvRun, "events.csv")}', header = true, columns = {${Object.entries(typed).map(([name, type]) => `'${name}': '${type}'`).join(", ")}})`;
    const [{ n }] = await rows(`SELECT count(*)::INTEGER AS n FROM ${parquet}`);
    // Some hundreds of rows; the exact count moves with the seeds, which hash the resolved config.
    expect(n).toBeGreaterThan(100);
    expect(await rows(`SELECT count(*)::INTEGER AS n FROM ${csv}`)).toEqual([{ n }]);
    for (const [a, b] of [[parquet, csv], [csv, parquet]]) {
      expect(await rows(`SELECT count(*)::INTEGER AS n FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})`)).toEqual([{ n: 0 }]);
    }
  });
});
