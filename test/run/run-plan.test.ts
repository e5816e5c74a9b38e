import { spawn } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { loadScenario, type ScenarioPlan } from "../../src/scenario/index.js";
import { mergeRuns, runPlan, type RunOutcome } from "../../src/run/index.js";
import { CHECKPOINT_HEADER, CHECKPOINT_RECORDS, readHeader, readRecords } from "../../src/run/checkpoint.js";
import { FAKE_REPLICATE, fixture, killWhen, outputFiles, tempDir } from "./helpers.js";

let plan: ScenarioPlan;
let reference: { dir: string; checksum: string; files: Record<string, string> };

function finished(outcome: RunOutcome) {
  if (outcome.state !== "finished") throw new Error(`run ended ${outcome.state}: ${JSON.stringify(outcome)}`);
  return outcome;
}

async function runInto(dir: string, options: Partial<Parameters<typeof runPlan>[1]> = {}, p = plan) {
  return runPlan(p, { out: dir, workers: 2, replicateModule: FAKE_REPLICATE, ...options });
}

beforeAll(async () => {
  plan = loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 12 });
  const dir = join(tempDir("reference"), "run");
  const outcome = finished(await runInto(dir, { workers: 1, chunk: 4 }));
  reference = { dir, checksum: outcome.manifest.checksums.results, files: outputFiles(dir) };
});

describe("runPlan determinism", () => {
  it.each([
    [2, undefined],
    [4, undefined],
    [2, 1],
    [4, 7],
  ])("workers %s, chunk %s: same checksum and byte-identical outputs as 1 worker", async (workers, chunk) => {
    const dir = join(tempDir("workers"), "run");
    const outcome = finished(await runInto(dir, { workers, chunk }));
    expect(outcome.manifest.checksums.results).toBe(reference.checksum);
    expect(outputFiles(dir)).toEqual(reference.files);
  });

  it("writes results in plan order whatever order chunks finish in", () => {
    const lines = reference.files["replicates.csv"].trim().split("\n").slice(1);
    const keys = lines.map((line) => line.split(",").slice(0, 3).join(","));
    const expected = ["qa", "challenge"].flatMap((arm) => Array.from({ length: 12 }, (_, r) => `${arm},0,${r}`));
    expect(keys).toEqual(expected);
  });

  it("a different seed gives different numbers", async () => {
    const other = loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 12, seed: "7" });
    const outcome = finished(await runInto(join(tempDir("seed"), "run"), {}, other));
    expect(outcome.manifest.checksums.results).not.toBe(reference.checksum);
  });
});

describe("shards", () => {
  it("shards 1/3, 2/3 and 3/3 merged equal the unsharded run", async () => {
    const root = tempDir("shards");
    const dirs = [1, 2, 3].map((i) => join(root, `shard-${i}`));
    for (const [i, dir] of dirs.entries()) finished(await runInto(dir, { shard: { index: i + 1, count: 3 } }));
    const merged = join(root, "merged");
    const { manifest } = await mergeRuns(dirs, merged);
    expect(manifest.checksums.results).toBe(reference.checksum);
    expect(outputFiles(merged)).toEqual(reference.files);
  });

  it.each(["events.csv", "events.parquet"])("shard event logs (%s) merged equal the unsharded run's log byte for byte; a changed one is refused", async (name) => {
    const root = tempDir("shard-logs");
    const simulation = { replicateModule: undefined };
    const whole = join(root, "whole");
    finished(await runInto(whole, { ...simulation, eventsOut: join(whole, name), parquet: true }));
    const dirs = [1, 2, 3].map((i) => join(root, `shard-${i}`));
    for (const [i, dir] of dirs.entries()) finished(await runInto(dir, { ...simulation, shard: { index: i + 1, count: 3 }, eventsOut: join(dir, name) }));
    const merged = join(root, "merged");
    const { manifest } = await mergeRuns([dirs[2], dirs[0], dirs[1]], merged, { eventsOut: join(merged, name), parquet: true });
    const wholeLog = readFileSync(join(whole, name));
    expect(wholeLog.length).toBeGreaterThan(10_000);
    expect(readFileSync(join(merged, name)).equals(wholeLog)).toBe(true);
    expect(manifest.eventLog).toEqual(JSON.parse(readFileSync(join(whole, "manifest.json"), "utf8")).eventLog);
    for (const table of ["replicates", "streams", "timeseries"]) expect(readFileSync(join(merged, `${table}.parquet`)).equals(readFileSync(join(whole, `${table}.parquet`)))).toBe(true);

    const refused = join(root, "refused");
    const other = name.endsWith(".csv") ? "events.parquet" : "events.csv";
    await expect(mergeRuns(dirs, refused, { eventsOut: join(refused, other) })).rejects.toThrow(new RegExp(`shard 1/3 .* has a (CSV|Parquet) event log \\(${name}\\): merge into a`));
    appendFileSync(join(dirs[1], name), "gift,qa,0,5\n");
    await expect(mergeRuns(dirs, refused, { eventsOut: join(refused, name) })).rejects.toThrow(/shard 2\/3 .* changed since its run/);
    rmSync(join(dirs[0], name));
    await expect(mergeRuns(dirs, refused, { eventsOut: join(refused, name) })).rejects.toThrow(new RegExp(`shard 1/3 .* has no ${name} in its folder`));
    expect(existsSync(refused)).toBe(false);
  });

  it("the Parquet event log does not depend on worker count, chunk size or an interruption and resume", async () => {
    const root = tempDir("parquet-log");
    const simulation = { replicateModule: undefined };
    const logOf = async (dir: string, options: Partial<Parameters<typeof runPlan>[1]>) => {
      finished(await runInto(dir, { ...simulation, eventsOut: join(dir, "events.parquet"), ...options }));
      return readFileSync(join(dir, "events.parquet"));
    };
    const reference = await logOf(join(root, "one"), { workers: 1, chunk: 5 });
    expect((await logOf(join(root, "two"), { workers: 2, chunk: 1 })).equals(reference)).toBe(true);
    const interrupted = join(root, "interrupted");
    const abort = new AbortController();
    const outcome = await runInto(interrupted, { ...simulation, eventsOut: join(interrupted, "events.parquet"), chunk: 1, signal: abort.signal, onProgress: (p) => p.done >= 5 && abort.abort() });
    expect(outcome.state).toBe("interrupted");
    expect(existsSync(join(interrupted, "events.parquet"))).toBe(false);
    expect((await logOf(interrupted, { resume: true })).equals(reference)).toBe(true);
  });

  it("merge refuses mismatched seeds, missing and doubled shards", async () => {
    const root = tempDir("mismatch");
    const seven = loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 12, seed: "7" });
    finished(await runInto(join(root, "a1"), { shard: { index: 1, count: 2 } }));
    finished(await runInto(join(root, "b2"), { shard: { index: 2, count: 2 } }, seven));
    const attempt = async (dirs: string[]) => {
      try {
        await mergeRuns(dirs.map((d) => join(root, d)), join(root, "out"));
      } catch (error) {
        return error as GiftsimError;
      }
      throw new Error("merge did not refuse");
    };
    const seed = await attempt(["a1", "b2"]);
    expect(seed.exitCode).toBe(2);
    expect(seed.message).toMatch(/seed differs \(42 in .*a1 vs 7 in .*b2\)/);
    expect((await attempt(["a1"])).message).toMatch(/missing shard 2\/2/);
    // Regression: a shard named twice read "shard differs (1/2 in a1 vs 1/2 again in a1)".
    expect((await attempt(["a1", "a1"])).message).toMatch(/^cannot merge: shard 1\/2 is given twice \(.*a1 named twice\); name each shard's folder once$/);
    expect(existsSync(join(root, "out"))).toBe(false);
  });
});

describe("merge of a damaged shard", () => {
  it("a finished shard with one flipped checkpoint byte is called corrupt, not 'unfinished' (regression), and --resume repairs it", async () => {
    const root = tempDir("corrupt-shard");
    const shards = [1, 2].map((index) => join(root, `s${index}`));
    for (const [i, dir] of shards.entries()) finished(await runInto(dir, { shard: { index: i + 1, count: 2 } }));
    const file = join(shards[0], CHECKPOINT_RECORDS);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file, bytes);
    let refusal: GiftsimError | undefined;
    try {
      await mergeRuns(shards, join(root, "merged"));
    } catch (error) {
      refusal = error as GiftsimError;
    }
    expect(refusal?.exitCode).toBe(2);
    expect(refusal?.message).toMatch(new RegExp(`^cannot merge: shard 1/2 in ${shards[0]} is corrupt: checkpoint.bin fails its checksum at byte \\d+ of ${bytes.length} \\(\\d+ of 12 replicates intact\\); rebuild the lost replicates with the shard's command plus --resume`));
    expect(existsSync(join(root, "merged"))).toBe(false);
    finished(await runInto(shards[0], { shard: { index: 1, count: 2 }, resume: true }));
    expect((await mergeRuns(shards, join(root, "merged"))).manifest.checksums.results).toBe(reference.checksum);
  });
});

describe("checkpoint and resume", () => {
  it("a torn checkpoint tail is dropped and --resume completes to the uninterrupted result", async () => {
    const dir = join(tempDir("torn"), "run");
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(reference.dir, "checkpoint.json"), join(dir, "checkpoint.json"));
    copyFileSync(join(reference.dir, CHECKPOINT_RECORDS), join(dir, CHECKPOINT_RECORDS));
    const size = statSync(join(dir, CHECKPOINT_RECORDS)).size;
    truncateSync(join(dir, CHECKPOINT_RECORDS), Math.floor(size * 0.6) + 5);
    const intact = readRecords(join(dir, CHECKPOINT_RECORDS)).records.length;
    expect(intact).toBeGreaterThan(0);
    expect(intact).toBeLessThan(24);
    const outcome = finished(await runInto(dir, { resume: true }));
    expect(outcome.resumed).toBe(intact);
    expect(outcome.manifest.checksums.results).toBe(reference.checksum);
    expect(outputFiles(dir)).toEqual(reference.files);
  });

  it("a corrupt record (flipped byte) ends the intact prefix", () => {
    const dir = tempDir("corrupt");
    const file = join(dir, CHECKPOINT_RECORDS);
    const bytes = readFileSync(join(reference.dir, CHECKPOINT_RECORDS));
    const all = readRecords(join(reference.dir, CHECKPOINT_RECORDS));
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(reference.dir, CHECKPOINT_RECORDS), file);
    writeFileSync(file, bytes);
    const read = readRecords(file);
    expect(read.records.length).toBeLessThan(all.records.length);
    expect(read.intactBytes).toBeLessThan(read.totalBytes);
  });

  it("refuses to overwrite a finished run of other inputs, with or without --resume; the same inputs find it done", async () => {
    const seven = loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 12, seed: "7" });
    await expect(runInto(reference.dir, {}, seven)).rejects.toMatchObject({ code: "OUTPUT_EXISTS", exitCode: 2 });
    await expect(runInto(reference.dir, { resume: true }, seven)).rejects.toMatchObject({ code: "CHECKPOINT_MISMATCH", exitCode: 2 });
    const same = finished(await runInto(reference.dir));
    expect(same.resumed).toBe(24);
    expect(outputFiles(reference.dir)).toEqual(reference.files);
    const again = finished(await runInto(reference.dir, { resume: true }));
    expect(again.resumed).toBe(24);
    expect(outputFiles(reference.dir)).toEqual(reference.files);
  });

  it("an abort (Ctrl-C) stops cleanly, leaving a folder that --resume completes", async () => {
    const dir = join(tempDir("abort"), "run");
    const abort = new AbortController();
    process.env.FAKE_REPLICATE_MS = "20";
    let outcome: RunOutcome;
    try {
      outcome = await runInto(dir, {
        chunk: 1,
        signal: abort.signal,
        onProgress: (p) => {
          if (p.done >= 5) abort.abort();
        },
      });
    } finally {
      delete process.env.FAKE_REPLICATE_MS;
    }
    expect(outcome.state).toBe("interrupted");
    expect(existsSync(join(dir, "manifest.json"))).toBe(false);
    const resumed = finished(await runInto(dir, { resume: true }));
    expect(resumed.resumed).toBeGreaterThanOrEqual(5);
    expect(resumed.manifest.checksums.results).toBe(reference.checksum);
  });

  it("kill -9 at a random moment leaves a folder that --resume completes exactly", async () => {
    const dir = join(tempDir("kill"), "run");
    const script = `
      const { loadScenario } = await import(${JSON.stringify(new URL("../../dist/src/scenario/index.js", import.meta.url).href)});
      const { runPlan } = await import(${JSON.stringify(new URL("../../dist/src/run/index.js", import.meta.url).href)});
      const plan = loadScenario(${JSON.stringify(fixture("scenarios/tiny.yaml"))}, { replicates: 12 });
      await runPlan(plan, { out: ${JSON.stringify(dir)}, workers: 2, chunk: 1, replicateModule: ${JSON.stringify(FAKE_REPLICATE)} });
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, FAKE_REPLICATE_MS: "150" }, stdio: "ignore" });
    const records = join(dir, CHECKPOINT_RECORDS);
    await killWhen(child, () => existsSync(records) && readRecords(records).records.length >= 4);
    expect(existsSync(join(dir, "manifest.json"))).toBe(false);
    const outcome = finished(await runInto(dir, { resume: true }));
    expect(outcome.resumed).toBeGreaterThanOrEqual(4);
    expect(outcome.resumed).toBeLessThan(24);
    expect(outcome.manifest.checksums.results).toBe(reference.checksum);
    expect(outputFiles(dir)).toEqual(reference.files);
  });
});

describe("failing replicates", () => {
  it("a throwing replicate fails alone, named with its seed; the others are kept for --resume", async () => {
    const dir = join(tempDir("throw"), "run");
    process.env.GIFTSIM_TEST_THROW_REPLICATE = "3";
    let outcome: RunOutcome;
    try {
      outcome = await runInto(dir);
    } finally {
      delete process.env.GIFTSIM_TEST_THROW_REPLICATE;
    }
    if (outcome.state !== "failed") throw new Error(`expected a failed run, got ${outcome.state}`);
    expect(outcome.failures.map((f) => [f.cell, f.replicate, f.kind])).toEqual([
      [0, 3, "threw"],
      [1, 3, "threw"],
    ]);
    expect(outcome.failures[0].seed).toMatch(/^[0-9a-f]{32}$/);
    expect(outcome.failures[0].reason).toMatch(/replicate 3 throws/);
    expect(outcome.done).toBe(22);
    expect(existsSync(join(dir, "manifest.json"))).toBe(false);
    expect(existsSync(join(dir, "summary.json"))).toBe(false);
    const resumed = finished(await runInto(dir, { resume: true }));
    expect(resumed.resumed).toBe(22);
    expect(resumed.manifest.checksums.results).toBe(reference.checksum);
  });

  it("a failed audit fails its replicate (in every arm: replicate 4 of each arm has the same seed)", async () => {
    const dir = join(tempDir("audit"), "run");
    const seed = readFileSync(join(reference.dir, "replicates.csv"), "utf8").split("\n")[5].split(",")[3];
    process.env.FAKE_AUDIT_FAIL_SEEDS = seed;
    let outcome: RunOutcome;
    try {
      outcome = await runInto(dir);
    } finally {
      delete process.env.FAKE_AUDIT_FAIL_SEEDS;
    }
    if (outcome.state !== "failed") throw new Error(`expected a failed run, got ${outcome.state}`);
    expect(outcome.failures).toHaveLength(2);
    expect(outcome.failures[0]).toMatchObject({ cell: 0, replicate: 4, kind: "audit", seed });
    expect(outcome.failures[1]).toMatchObject({ cell: 1, replicate: 4, kind: "audit", seed });
  });
});

afterAll(() => {
  rmSync(reference.dir, { recursive: true, force: true });
});

describe("unreadable run folders", () => {
  it("a corrupt checkpoint.json is bad input naming the folder, not a stack trace (regression)", () => {
    const dir = tempDir("corrupt");
    writeFileSync(join(dir, CHECKPOINT_HEADER), '{"format":');
    expect(() => readHeader(dir)).toThrow(/unreadable checkpoint\.json/);
    writeFileSync(join(dir, CHECKPOINT_HEADER), "null");
    expect(() => readHeader(dir)).toThrow(/not a giftsim run folder \(unknown format null\)/);
  });
});
