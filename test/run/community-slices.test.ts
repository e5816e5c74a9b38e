// One replicate's communities spread over processes (giftsim run --communities i/n, then giftsim
// merge): the merged folder is byte for byte the whole run's, for 2 and 3 slices and after a
// slice is interrupted and resumed; missing, doubled, mismatched, unfinished and damaged slices
// are refused with exit 2, and so are bad --communities values and --communities with --shard.
import { copyFileSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { PARTS_FILE, PARTS_LOG, SLICE_MANIFEST } from "../../src/run/slice-folder.js";
import { fixture, outputFiles, tempDir } from "./helpers.js";

const COMMUNITIES = fixture("scenarios/communities.yaml");
let root: string;
let whole: { dir: string; files: Record<string, string> };

async function cli(args: string[]) {
  return runCli(args, { cwd: root });
}

/** Runs slice `slice` ("i/n") of the fixture into `dir`; fails the test unless it finishes. */
async function slice(dir: string, text: string, extra: string[] = []) {
  const result = await cli(["run", COMMUNITIES, "--quiet", "--workers", "2", "--communities", text, "--out", dir, ...extra]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result;
}

/** The folders of all n slices, run. */
async function slices(label: string, count: number): Promise<string[]> {
  const dirs = Array.from({ length: count }, (_, i) => join(root, `${label}-${i + 1}`));
  for (const [i, dir] of dirs.entries()) await slice(dir, `${i + 1}/${count}`);
  return dirs;
}

async function merge(dirs: string[], out: string) {
  return cli(["merge", ...dirs, "--out", out, "--no-report"]);
}

/** A run folder's final files and its checkpoint header (checkpoint.bin is compared on its own). */
function folderBytes(dir: string): Record<string, string> {
  return { ...outputFiles(dir), checkpoint: readFileSync(join(dir, "checkpoint.json"), "utf8") };
}

beforeAll(async () => {
  root = tempDir("community-slices");
  const dir = join(root, "whole");
  const result = await cli(["run", COMMUNITIES, "--quiet", "--no-report", "--workers", "1", "--out", dir]);
  expect(result.code).toBe(0);
  whole = { dir, files: folderBytes(dir) };
});

describe("giftsim run --communities i/n and giftsim merge", () => {
  it.each([2, 3])("%s slices merged: byte-identical to the whole run", async (count) => {
    const dirs = await slices(`of${count}`, count);
    const out = join(root, `merged-of${count}`);
    const result = await merge(dirs, out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^merged ${count} communities slices: 6 replicates of communities`));
    expect(folderBytes(out)).toEqual(whole.files);
    expect(readFileSync(join(out, "checkpoint.bin"))).toEqual(readFileSync(join(whole.dir, "checkpoint.bin")));
    // Slice i of 3 communities runs community i-1 of every replicate (6 replicates: 2 arms x 3).
    if (count === 3) for (const dir of dirs) expect(PARTS_LOG.read(join(dir, PARTS_FILE)).items.map((p) => p.community)).toEqual(Array(6).fill(dirs.indexOf(dir)));
  });

  it("a slice stopped part-way resumes to the same merge; an unfinished slice is refused", async () => {
    const [first, second] = await slices("resume", 2);
    const cut = join(root, "resume-cut");
    mkdirSync(cut);
    copyFileSync(join(second, "checkpoint.json"), join(cut, "checkpoint.json"));
    copyFileSync(join(second, PARTS_FILE), join(cut, PARTS_FILE));
    // Cut inside a part: what a kill mid-append leaves, and no slice.json.
    truncateSync(join(cut, PARTS_FILE), Math.floor(readFileSync(join(second, PARTS_FILE)).length * 0.6));
    const kept = PARTS_LOG.read(join(cut, PARTS_FILE)).items.length;
    expect(kept).toBeGreaterThan(0);
    const unfinished = await merge([first, cut], join(root, "resume-unfinished"));
    expect(unfinished.code).toBe(2);
    expect(unfinished.stderr).toContain(`communities slice 2/2 in ${cut} is unfinished (${kept} parts so far; finish it with its command plus --resume)`);
    expect(existsSync(join(root, "resume-unfinished"))).toBe(false);
    const resumed = await slice(cut, "2/2", ["--resume"]);
    expect(resumed.stdout).toContain(`12 parts (${kept} resumed)`);
    const out = join(root, "resume-merged");
    expect((await merge([first, cut], out)).code).toBe(0);
    expect(folderBytes(out)).toEqual(whole.files);
  });

  it("refuses a missing, doubled, mismatched or damaged slice, naming the folder and what was expected; writes nothing", async () => {
    const [first, second] = await slices("refuse", 2);
    const out = join(root, "refused");
    const refusal = async (dirs: string[], message: string) => {
      const result = await merge(dirs, out);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(existsSync(out)).toBe(false);
    };
    await refusal([first], "cannot merge: communities slices are incomplete (missing --communities 2/2)");
    await refusal([first, first], `cannot merge: communities slice 1/2 is given twice (${first} named twice)`);
    await refusal([first, whole.dir], `a run or shard (no --communities) in ${whole.dir}`);
    const seven = join(root, "refuse-seed-7");
    await slice(seven, "2/2", ["--seed", "7"]);
    await refusal([first, seven], `cannot merge: seed differs (11 in ${first} vs 7 in ${seven})`);
    const thirds = join(root, "refuse-thirds");
    await slice(thirds, "3/3");
    await refusal([first, thirds], `communities slice count differs (2 in ${first} vs 3 in ${thirds})`);
    const bytes = readFileSync(join(second, PARTS_FILE));
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(join(second, PARTS_FILE), bytes);
    await refusal([first, second], `cannot merge: communities slice 2/2 in ${second} is corrupt: ${PARTS_FILE} does not match the sha256 in ${SLICE_MANIFEST}; rebuild the lost parts`);
    // The slice's own command repairs it (a finished slice of the same inputs reopens; the damaged tail is run again).
    await slice(second, "2/2", ["--resume"]);
    expect((await merge([first, second], out)).code).toBe(0);
    expect(folderBytes(out)).toEqual(whole.files);
  });

  it.each([
    [["--communities", "0/2"], "--communities"],
    [["--communities", "3/2"], "--communities"],
    [["--communities", "half"], "--communities"],
    [["--communities"], "--communities"],
    [["--communities", "1/2", "--shard", "1/2"], "either --shard (many replicates over machines) or --communities"],
    [["--communities", "1/2", "--events-out", "e.csv"], "no --events-out with --communities"],
  ])("%j: exit 2 naming the option, nothing written", async (args, message) => {
    const out = join(root, "bad-option");
    const result = await runCli(["run", COMMUNITIES, "--quiet", "--out", out, ...args], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});

