// docs/outputs.md against what a run actually writes (regression: 19 streams.csv columns were
// undocumented, and the old check only asked whether a name appeared anywhere in the page).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { fixture, tempDir } from "./helpers.js";

const doc = readFileSync(new URL("../../docs/outputs.md", import.meta.url), "utf8");
let dir: string;

/** The text of the `## heading` section, up to the next `## `. */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, `docs/outputs.md has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

const undocumented = (columns: readonly string[], text: string) => columns.filter((column) => !text.includes(`\`${column}\``));
const csvHeader = (file: string) => readFileSync(file, "utf8").split("\n", 1)[0].split(",");
const parquetColumns = async (file: string) => (await parquetMetadataAsync(await asyncBufferFromFile(file))).schema.slice(1).map((element) => element.name);

beforeAll(async () => {
  dir = join(tempDir("outputs-doc"), "run");
  const run = ["run", fixture("scenarios/tiny.yaml"), "--replicates", "1", "--quiet", "--out", dir];
  for (const args of [
    [...run, "--parquet", "--events-out", join(dir, "events.csv")],
    [...run, "--replicate", "0", "--events-out", join(dir, "events.parquet")],
  ]) {
    const result = await runCli(args);
    expect(result.code, result.stderr).toBe(0);
  }
});

describe("docs/outputs.md documents every column written", () => {
  it.each([
    ["replicates.csv", "replicates"],
    ["streams.csv", "streams"],
    ["timeseries.csv", "timeseries"],
    ["Event log (`--events-out FILE`)", "events"],
  ])("%s: every column of the CSV file and of its Parquet twin", async (heading, name) => {
    const columns = csvHeader(join(dir, `${name}.csv`));
    expect(columns.length).toBeGreaterThan(5);
    expect(undocumented(columns, section(heading))).toEqual([]);
    expect(await parquetColumns(join(dir, `${name}.parquet`))).toEqual(columns);
  });

  it("every file a run folder holds is in the table of files", () => {
    const files = doc.slice(0, doc.indexOf("\n## "));
    const missing = readdirSync(dir).filter((file) => !file.startsWith("events.") && !files.includes(`\`${file}\``));
    expect(missing).toEqual([]);
  });
});
