import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readHistory } from "../../src/history/index.js";
import { resolveSimConfig } from "../../src/scenario/index.js";
import { DEFAULT_SIM_CONFIG } from "../../src/sim/index.js";
import { valueAt, pathSegments } from "../../src/errors.js";
import { runCli } from "../cli.js";
import { tempDir } from "../run/helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLE = join(ROOT, "examples/history");
const dir = tempDir("history-cli");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("giftsim history", () => {
  it("re-makes the shipped synthetic example byte for byte with the command its truth file names", async () => {
    const truth = parse(readFileSync(join(EXAMPLE, "synthetic-creator.truth.yaml"), "utf8"));
    expect(truth.synthetic).toBe(true);
    const out = join(dir, "remade.csv");
    const args = (truth.command as string).split(" ").slice(1).map((word) => (word === "examples/history/synthetic-creator.csv" ? out : word));
    const result = await runCli(args, { cwd: ROOT });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${out}: 25 streams, 2026-01-07 to 2026-02-22 (47 days), columns date, durationMinutes, viewers, uniqueViewers, peakConcurrency, newFollowers, gifters, diamonds`);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(join(EXAMPLE, truth.history), "utf8"));
  });

  it("states true values that are the example scenario's own and differ from the defaults", () => {
    const truth = parse(readFileSync(join(EXAMPLE, "synthetic-creator.truth.yaml"), "utf8"));
    const scenario = parse(readFileSync(join(EXAMPLE, truth.scenario), "utf8"));
    expect(String(scenario.seed)).toBe(truth.seed);
    expect(scenario.description).toMatch(/^SYNTHETIC/);
    const config = resolveSimConfig(scenario.model);
    for (const [path, value] of Object.entries(truth.truth as Record<string, number>)) {
      expect(valueAt(config, pathSegments(path)), path).toBe(value);
      expect(valueAt(DEFAULT_SIM_CONFIG, pathSegments(path)), path).toBe(truth.defaults[path]);
      expect(value, path).not.toBe(truth.defaults[path]);
    }
  });

  it("writes the chosen columns of a built-in study's arm, revenue in the platform's unit", async () => {
    const out = join(dir, "two.csv");
    const result = await runCli(["history", "--scenario", "schedule-2-vs-4", "--arm", "two-a-week", "--metrics", "uniqueViewers,revenue", "--out", out]);
    expect(result.code).toBe(0);
    const history = readHistory(out);
    expect(history.metrics).toEqual(["uniqueViewers", "revenue"]);
    expect(history.unit).toBe("diamonds");
    expect(new Set(history.dates.map((d) => new Date(`${d}T00:00:00Z`).getUTCDay()))).toEqual(new Set([2, 6]));
  });

  it("refuses bad options with exit 2, naming each, and writes nothing", async () => {
    const out = join(dir, "bad.csv");
    const result = await runCli(["history", "--scenario", "schedule-2-vs-4", "--arm", "three", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--arm: got "three", expected one of the scenario\'s arms (two-a-week, four-a-week)');
    const options = await runCli(["history", "--scenario", "no-such-study", "--metrics", "gifters,likes", "--unit", "euros", "--start-date", "2026-13-01", "--out", out]);
    expect(options.code).toBe(2);
    expect(options.stderr).toContain('--metrics: got "likes"');
    expect(options.stderr).toContain('--unit: got "euros"');
    expect(options.stderr).toContain('--start-date: got "2026-13-01"');
    const scenario = await runCli(["history", "--scenario", "no-such-study", "--out", out]);
    expect(scenario.stderr).toContain('--scenario: got "no-such-study", expected a scenario file or a built-in scenario\'s name (battle-league,');
    const folder = await runCli(["history", "--scenario", "schedule-2-vs-4", "--out", dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("expected a file name (this is a folder)");
    expect(readdirSync(dir).filter((name) => name.startsWith("bad"))).toEqual([]);
  });
});

describe("giftsim validate --history", () => {
  it("prints a one-line summary of a good history", async () => {
    const result = await runCli(["validate", "--history", "examples/history/synthetic-creator.csv"], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("OK examples/history/synthetic-creator.csv: 25 streams, 2026-01-07 to 2026-02-22 (47 days), columns date, durationMinutes, viewers, uniqueViewers, peakConcurrency, newFollowers, gifters, diamonds\n");
  });

  it("exits 2 naming the row and column of each problem, and writes nothing", async () => {
    const file = join(dir, "bad-history.csv");
    writeFileSync(file, "date,durationMinutes,viewers,gifters\n2026-01-06,90,1200,12\n2026-01-04,90,-5,seven\n");
    const before = readdirSync(dir).sort();
    const result = await runCli(["validate", "--history", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("line 3, column date: got \"2026-01-04\", expected a date on or after 2026-01-06");
    expect(result.stderr).toContain('line 3, column viewers: got "-5"');
    expect(result.stderr).toContain('line 3, column gifters: got "seven"');
    expect(readdirSync(dir).sort()).toEqual(before);
    const missing = await runCli(["validate", "--history", join(dir, "none.csv")]);
    expect(missing.code).toBe(2);
    expect(existsSync(join(dir, "none.csv"))).toBe(false);
    const neither = await runCli(["validate"]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain("a scenario file or --history FILE");
  });
});
