import { spawn } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { METRIC_NAMES, STREAM_COLUMNS, TIMESERIES_COLUMNS } from "../../src/sim/index.js";
import { CHECKPOINT_RECORDS, readRecords } from "../../src/run/checkpoint.js";
import { BIN, runCli } from "../cli.js";
import { fixture, killWhen, outputFiles, tempDir } from "./helpers.js";

const TINY = fixture("scenarios/tiny.yaml");
const REPLICATES = "4";
let root: string;
let reference: { dir: string; files: Record<string, string>; checksum: string };

/** A CSV file as header and rows of fields (our CSVs quote nothing without a sweep). */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = readFileSync(file, "utf8").trimEnd().split("\n").map((line) => line.split(","));
  return { header, rows };
}

function checksumOf(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { checksums: { results: string } }).checksums.results;
}

async function run(args: string[], env: Record<string, string> = {}) {
  return runCli(["run", TINY, "--replicates", REPLICATES, "--quiet", ...args], { cwd: root, env });
}

beforeAll(async () => {
  root = tempDir("cli-run");
  const dir = join(root, "reference");
  const result = await run(["--workers", "1", "--out", dir]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  reference = { dir, files: outputFiles(dir), checksum: checksumOf(dir) };
});

describe("giftsim run", () => {
  it("same scenario and seed: byte-identical outputs with 2 workers and another chunk size; default folder out/<name>", async () => {
    const result = await runCli(["run", TINY, "--replicates", REPLICATES, "--workers", "2", "--chunk", "3"], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/tiny: 8 replicates, 8 run in/);
    expect(result.stdout).toMatch(/checksum [0-9a-f]{64}/);
    expect(result.stdout).toMatch(/mean \[95% CI\] over 4 replicates per column/);
    expect(result.stdout).toMatch(/\n  Gifted coins per live hour +[\d,.]+ \[/);
    expect(result.stderr).toMatch(/tiny: 8\/8 replicates/);
    const dir = join(root, "out", "tiny");
    expect(checksumOf(dir)).toBe(reference.checksum);
    expect(readFileSync(join(dir, "summary.json"), "utf8")).toBe(reference.files["summary.json"]);
    expect(outputFiles(dir)).toEqual(reference.files);
  });

  it("a different seed gives different numbers; --json prints summary.json", async () => {
    const dir = join(root, "seed-7");
    const result = await run(["--seed", "7", "--json", "--out", dir]);
    expect(result.code).toBe(0);
    const summary = readFileSync(join(dir, "summary.json"), "utf8");
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(summary));
    const mean = (text: string) => (JSON.parse(text) as { cells: Array<{ metrics: Record<string, { mean: number }> }> }).cells[0].metrics.coinsPerLiveHour.mean;
    expect(mean(summary)).not.toBe(mean(reference.files["summary.json"]));
    expect(checksumOf(dir)).not.toBe(reference.checksum);
  });

  it("CSV outputs parse back with the right types and agree with summary.json", () => {
    const replicates = readCsv(join(reference.dir, "replicates.csv"));
    expect(replicates.header).toEqual(["arm", "pointIndex", "replicate", "seed", ...METRIC_NAMES]);
    expect(replicates.rows).toHaveLength(8);
    for (const row of replicates.rows) {
      expect(["qa", "challenge"]).toContain(row[0]);
      expect(row[1]).toBe("0");
      expect(Number.isInteger(Number(row[2]))).toBe(true);
      expect(row[3]).toMatch(/^[0-9a-f]{32}$/);
      for (const field of row.slice(4)) expect(field === "" || Number.isFinite(Number(field)), field).toBe(true);
    }
    const summary = JSON.parse(reference.files["summary.json"]) as { cells: Array<{ arm: string; metrics: Record<string, { mean: number | null }> }> };
    const column = replicates.header.indexOf("coinsPerLiveHour");
    const qa = replicates.rows.filter((r) => r[0] === "qa").map((r) => Number(r[column]));
    expect(summary.cells[0].metrics.coinsPerLiveHour.mean).toBeCloseTo(qa.reduce((a, b) => a + b, 0) / qa.length, 9);
    for (const [file, columns] of [
      ["streams.csv", STREAM_COLUMNS],
      ["timeseries.csv", TIMESERIES_COLUMNS],
    ] as const) {
      const csv = readCsv(join(reference.dir, file));
      expect(csv.header).toEqual(["arm", "pointIndex", "replicate", ...columns]);
      expect(csv.rows.length).toBeGreaterThan(0);
      for (const row of csv.rows) {
        expect(row).toHaveLength(csv.header.length);
        for (const field of row.slice(1)) expect(field === "" || Number.isFinite(Number(field)), `${file}: ${field}`).toBe(true);
      }
    }
    const days = readCsv(join(reference.dir, "timeseries.csv")).rows.filter((r) => r[0] === "qa" && r[2] === "0");
    expect(days).toHaveLength(7);
  });

  it("reruns of the same inputs find the run done and leave identical files; other inputs are refused", async () => {
    const again = await run(["--out", reference.dir]);
    expect(again.code).toBe(0);
    expect(outputFiles(reference.dir)).toEqual(reference.files);
    const otherSeed = await run(["--out", reference.dir, "--seed", "other"]);
    expect(otherSeed.code).toBe(2);
    expect(otherSeed.stderr).toMatch(/already holds a finished run of other inputs/);
    const resumed = await run(["--out", reference.dir, "--resume"]);
    expect(resumed.code).toBe(0);
    expect(outputFiles(reference.dir)).toEqual(reference.files);
  });

  it("refuses a folder whose outputs lost their checkpoint, and leaves it as it was", async () => {
    const dir = join(root, "orphan");
    cpSync(reference.dir, dir, { recursive: true });
    rmSync(join(dir, "checkpoint.json"));
    const before = outputFiles(dir);
    const result = await run(["--out", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/holds run outputs \(manifest.json\) but no checkpoint/);
    expect(outputFiles(dir)).toEqual(before);
  });
});

describe("giftsim run: failures and interruptions", () => {
  it("a throwing replicate fails with its seed and a rerun command, exit 1, no report; the rest are kept", async () => {
    const dir = join(root, "throws");
    const result = await run(["--out", dir], { GIFTSIM_TEST_THROW_REPLICATE: "2" });
    expect(result.code).toBe(1);
    const seeds = readCsv(join(reference.dir, "replicates.csv")).rows.filter((r) => r[2] === "2").map((r) => r[3]);
    expect(result.stderr).toContain(`arm qa, point 0, replicate 2 (seed ${seeds[0]}): test hook: replicate 2 throws`);
    expect(result.stderr).toContain(`rerun one alone with: giftsim run ${TINY} --replicates 4 --replicate 2`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "manifest.json"))).toBe(false);
    expect(existsSync(join(dir, "summary.json"))).toBe(false);
    expect(readRecords(join(dir, CHECKPOINT_RECORDS)).records).toHaveLength(6);

    const alone = await runCli(["run", TINY, "--replicates", "4", "--replicate", "2", "--json"]);
    expect(alone.code).toBe(0);
    const rerun = JSON.parse(alone.stdout) as Array<{ arm: string; seed: string; metrics: Record<string, number | null> }>;
    expect(rerun.map((r) => r.seed)).toEqual(seeds);
    const row = readCsv(join(reference.dir, "replicates.csv")).rows.find((r) => r[0] === "qa" && r[2] === "2") ?? [];
    const column = METRIC_NAMES.indexOf("coinsGifted") + 4;
    expect(String(rerun[0].metrics.coinsGifted ?? "")).toBe(row[column]);

    const finished = await run(["--out", dir, "--resume"]);
    expect(finished.code).toBe(0);
    expect(checksumOf(dir)).toBe(reference.checksum);
  });

  it("kill -9 mid-run, then --resume: exactly the uninterrupted result", async () => {
    const dir = join(root, "killed");
    const child = spawn(process.execPath, [BIN, "run", TINY, "--replicates", "60", "--workers", "1", "--chunk", "1", "--quiet", "--out", dir], { stdio: "ignore" });
    const records = join(dir, CHECKPOINT_RECORDS);
    await killWhen(child, () => existsSync(records) && readRecords(records).records.length >= 3);
    expect(existsSync(join(dir, "manifest.json"))).toBe(false);
    const resumed = await runCli(["run", TINY, "--replicates", "60", "--quiet", "--resume", "--out", dir]);
    expect(resumed.code).toBe(0);
    const uninterrupted = join(root, "uninterrupted");
    expect((await runCli(["run", TINY, "--replicates", "60", "--quiet", "--out", uninterrupted])).code).toBe(0);
    expect(checksumOf(dir)).toBe(checksumOf(uninterrupted));
    expect(outputFiles(dir)).toEqual(outputFiles(uninterrupted));
  });

  it("shards merged by giftsim merge equal the unsharded run; mismatched shards are refused with exit 2", async () => {
    const shards = [1, 2, 3].map((i) => join(root, `shard-${i}`));
    for (const [i, dir] of shards.entries()) expect((await run(["--shard", `${i + 1}/3`, "--out", dir])).code).toBe(0);
    const merged = join(root, "merged");
    const result = await runCli(["merge", ...shards, "--out", merged]);
    expect(result.code).toBe(0);
    expect(outputFiles(merged)).toEqual(reference.files);

    const other = join(root, "shard-2-seed-9");
    cpSync(shards[1], other, { recursive: true });
    const header = join(other, "checkpoint.json");
    writeFileSync(header, readFileSync(header, "utf8").replace('"seed": "42"', '"seed": "9"'));
    const refused = await runCli(["merge", shards[0], other, shards[2], "--out", join(root, "refused")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot merge: seed differs \(42 in .*shard-1 vs 9 in .*shard-2-seed-9\)/);
    expect(existsSync(join(root, "refused"))).toBe(false);

    const noLogs = await runCli(["merge", ...shards, "--out", join(root, "no-logs"), "--events-out", join(root, "no-logs", "events.csv")]);
    expect(noLogs.code).toBe(2);
    expect(noLogs.stderr).toMatch(/shard 1\/3 in .*shard-1 has no event log: run the shard with --events-out inside its folder/);
    expect(existsSync(join(root, "no-logs"))).toBe(false);
  });
});

describe("giftsim run: the output folder", () => {
  it("a second run into a folder in use is refused with exit 2, with or without --resume; SIGTERM then stops the first (regression: both did all the work)", async () => {
    const dir = join(root, "locked");
    const args = ["run", TINY, "--replicates", "20000", "--workers", "1", "--quiet", "--out", dir];
    const first = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let firstErr = "";
    first.stderr.on("data", (d) => (firstErr += d));
    const exited = new Promise<number | null>((resolve) => first.once("exit", resolve));
    const records = join(dir, CHECKPOINT_RECORDS);
    while (!(existsSync(records) && readRecords(records).records.length > 0)) {
      if (first.exitCode !== null) throw new Error(`the first run ended (exit ${first.exitCode}) before the second started: ${firstErr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const extra of [[], ["--resume"]]) {
      const second = await runCli([...args.slice(0, -2), "--out", dir, ...extra], { cwd: root });
      expect(second.code, extra.join(" ")).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`${dir} is in use by another giftsim run \\(pid ${first.pid} on .+\\); wait for it to end, or choose another --out`));
      expect(second.stderr).not.toMatch(/\n\s+at /);
    }
    first.kill("SIGTERM");
    expect(await exited).toBe(1);
    expect(firstErr).toMatch(/interrupted: \d+ of 40000 replicates saved/);
    expect(existsSync(join(dir, ".giftsim.lock"))).toBe(false);
  });

  it("an --out or --events-out that cannot be made is refused at once with exit 2 (regression: /proc/x spun at 100% CPU for ever)", async () => {
    for (const args of [["--out", "/proc/giftsim-x"], ["--out", join(TINY, "sub")], ["--out", join(root, "events-elsewhere"), "--events-out", "/proc/giftsim-x/events.csv"]]) {
      const { code, stdout, stderr } = await run(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(new RegExp(`^giftsim: ${args.at(-2)}: got ".+", expected a folder giftsim can create and write \\((ENOENT|ENOTDIR)\\); nothing was written\n$`));
    }
    expect(existsSync(join(root, "events-elsewhere"))).toBe(false);
  });

  it("an --events-out that is a device or a symbolic link is refused, not replaced by a plain file (regression: /dev/full became one)", async () => {
    const link = join(root, "events-link.csv");
    symlinkSync(join(root, "events-target.csv"), link);
    for (const [file, kind] of [["/dev/null", "a device"], [link, "a symbolic link"]]) {
      const out = join(root, `events-${kind.replace(/\W/g, "")}`);
      const { code, stderr } = await run(["--out", out, "--events-out", file]);
      expect(code, file).toBe(2);
      expect(stderr).toBe(`giftsim: --events-out: got ${JSON.stringify(file)}, expected a new or regular file, not ${kind}; nothing was written\n`);
      expect(existsSync(out)).toBe(false);
    }
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("an --out folder holding other files is refused, not written into (regression: --out /tmp ran)", async () => {
    const dir = join(root, "users-own");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    const { code, stderr } = await run(["--out", dir]);
    expect(code).toBe(2);
    expect(stderr).toBe(`giftsim: --out: ${dir} holds files that are not a giftsim run's (notes.txt); choose an empty or new folder\n`);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });
});

describe("giftsim run --events-out", () => {
  it("writes the raw event log in plan order; gift rows per replicate match the gifts metric", async () => {
    const dir = join(root, "events");
    const log = join(root, "events.csv");
    expect((await run(["--out", dir, "--events-out", log, "--workers", "2", "--chunk", "1"])).code).toBe(0);
    expect(outputFiles(dir)).toEqual({ ...reference.files, "manifest.json": expect.any(String) });
    const events = readCsv(log);
    expect(events.header.slice(0, 4)).toEqual(["event", "arm", "pointIndex", "replicate"]);
    const replicates = readCsv(join(reference.dir, "replicates.csv"));
    const giftsColumn = replicates.header.indexOf("gifts");
    for (const row of replicates.rows) {
      const gifts = events.rows.filter((e) => e[0] === "gift" && e[1] === row[0] && e[3] === row[2]).length;
      expect(gifts, `${row[0]} #${row[2]}`).toBe(Number(row[giftsColumn]));
    }
    const order = events.rows.map((e) => `${e[1] === "qa" ? 0 : 1}-${e[3]}`);
    expect([...order].sort()).toEqual(order);
  });
});
