/**
 * giftsim calibrate end to end on a tiny creator (test/fixtures/fit): outputs a function of the
 * seed for any worker count, a killed calibration resumed to the same bytes, bad input refused
 * with exit 2 and nothing written, and run --posterior drawing from the fit.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "../cli.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/fit/${name}`, import.meta.url));
const HISTORY = fixture("tiny-creator.csv");
const SCENARIO = fixture("tiny-creator.yaml");
const FIT = ["calibrate", "--history", HISTORY, "--scenario", SCENARIO, "--params", "population.initialFollowers,population.payerShare", "--particles", "20", "--generations", "3", "--quiet"];
const root = mkdtempSync(join(tmpdir(), "giftsim-fit-"));

/** Every file of a folder with its sha256. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, createHash("sha256").update(readFileSync(join(dir, name))).digest("hex")]));
}

let reference: string;

beforeAll(async () => {
  reference = join(root, "reference");
  const result = await runCli([...FIT, "--workers", "2", "--out", reference]);
  if (result.code !== 0) throw new Error(`giftsim calibrate failed (${result.code}): ${result.stderr}`);
}, 120_000);

describe("giftsim calibrate", () => {
  it("writes the particles, the posterior, the predictive check, the report and a manifest that checks them", () => {
    expect(Object.keys(files(reference))).toEqual(["checkpoint.json", "manifest.json", "particles.csv", "posterior.csv", "posterior.json", "predictive.csv", "report.html"]);
    const manifest = JSON.parse(readFileSync(join(reference, "manifest.json"), "utf8"));
    for (const [name, sha] of Object.entries(manifest.checksums.files)) expect(files(reference)[name]).toBe(sha);
    expect(manifest.parameters).toEqual(["population.initialFollowers", "population.payerShare"]);
    expect(readFileSync(join(reference, "particles.csv"), "utf8").split("\n")[0]).toBe("generation,particle,weight,population.initialFollowers,population.payerShare,distance");
    const posterior = readFileSync(join(reference, "posterior.csv"), "utf8").split("\n");
    expect(posterior[0]).toBe("parameter,scale,prior_low,prior_high,mean,median,q05,q95,ci90_low,ci90_high,shrinkage");
    // The prior ends at 1,000, half the tiny creator's pool: the most followers the model seeds.
    expect(posterior[1]).toMatch(/^population\.initialFollowers,log,200,1000,/);
    expect(readFileSync(join(reference, "report.html"), "utf8")).toMatch(/id="verdict" data-verdict="(reproduces|cannot reproduce)"/);
  });

  it("is a function of the seed alone: one worker gives the same bytes as two", async () => {
    const one = join(root, "one-worker");
    expect((await runCli([...FIT, "--workers", "1", "--out", one])).code).toBe(0);
    expect(files(one)).toEqual(files(reference));
  }, 120_000);

  it("killed after a generation, then --resume: exactly the uninterrupted outputs; a rerun without --resume is refused", async () => {
    const dir = join(root, "killed");
    const child = spawn(process.execPath, [BIN, ...FIT, "--workers", "1", "--out", dir], { stdio: "ignore" });
    const checkpoint = join(dir, "checkpoint.json");
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(checkpoint) || child.exitCode !== null) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve();
        }
      }, 20);
    });
    await new Promise((resolve) => child.on("close", resolve));
    expect(existsSync(join(dir, "manifest.json"))).toBe(false);
    const again = await runCli([...FIT, "--out", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/unfinished .*--resume/);
    const mismatched = await runCli([...FIT, "--seed", "9", "--resume", "--out", dir]);
    expect(mismatched.code).toBe(2);
    expect(mismatched.stderr).toMatch(/different seed/);
    expect((await runCli([...FIT, "--resume", "--out", dir])).code).toBe(0);
    expect(files(dir)).toEqual(files(reference));
  }, 120_000);

  it("refuses bad input with exit 2, naming what is wrong, and writes nothing", async () => {
    const bad = join(root, "bad.csv");
    writeFileSync(bad, readFileSync(HISTORY, "utf8").replace(/\n2026-01-07,60,329,/, "\n2026-01-07,60,many,"));
    const cases: Array<[string[], RegExp]> = [
      [["--history", bad], /line 3, column viewers: got "many", expected a whole number/],
      [["--params", "population.initialFollowers,no.such"], /--params\[1\]: got "no.such", expected a fittable parameter, one of: population.initialFollowers, population.poolSize, population.payerShare/],
      [["--arm", "nope"], /--arm: got "nope", expected an arm of tiny-creator, one of: base/],
      [["--particles", "5000", "--generations", "50"], /expected at most 100000/],
      // One generation is the prior alone, which would be reported as a posterior.
      [["--generations", "1"], /--generations: got 1, expected an integer at least 2/],
      [["--scenario", "no-such-study"], /--scenario: got "no-such-study", expected a scenario file or a built-in scenario's name \(.*qa-vs-challenge/],
    ];
    for (const [override, message] of cases) {
      const out = join(root, `refused-${override[0].slice(2)}`);
      const args = [...FIT];
      for (let i = 0; i < override.length; i += 2) {
        const at = args.indexOf(override[i]);
        if (at >= 0) args.splice(at, 2, override[i], override[i + 1]);
        else args.push(override[i], override[i + 1]);
      }
      const result = await runCli([...args, "--out", out]);
      expect(result.code, override.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  }, 120_000);
});

describe("giftsim run --posterior", () => {
  const RUN = ["run", SCENARIO, "--replicates", "6", "--quiet", "--no-report", "--json"];

  it("draws every replicate's world from the posterior, the same for any worker count, recorded in the manifest", async () => {
    const a = join(root, "posterior-a");
    const b = join(root, "posterior-b");
    expect((await runCli([...RUN, "--posterior", reference, "--workers", "1", "--out", a])).code).toBe(0);
    expect((await runCli([...RUN, "--posterior", reference, "--workers", "2", "--out", b])).code).toBe(0);
    const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest(a).checksums.results).toBe(manifest(b).checksums.results);
    const worlds = manifest(a).scenario.resolved.worlds;
    expect(worlds.kind).toBe("posterior");
    expect(worlds.fit).toBe(JSON.parse(readFileSync(join(reference, "manifest.json"), "utf8")).checksums.files["posterior.json"]);
    expect((await runCli(["report", a])).code).toBe(0);
    expect(readFileSync(join(a, "report.html"), "utf8")).toContain(`<th>Worlds</th><td><code>each replicate in a world drawn from a calibration&#39;s posterior (posterior.json sha256 ${worlds.fit})`);
    const rows = readFileSync(join(a, "worlds.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toBe("replicate,point,seedReplicate,population.initialFollowers,population.payerShare");
    const particles = JSON.parse(readFileSync(join(reference, "posterior.json"), "utf8")).particles.values as number[];
    for (const row of rows.slice(1)) {
      const [followers, payers] = row.split(",").slice(3).map(Number);
      expect(particles.some((v, i) => i % 2 === 0 && v === followers && particles[i + 1] === payers)).toBe(true);
    }
  }, 120_000);

  it("draws the worlds by weight: a posterior whose weight is nearly all on one particle puts nearly every replicate in it", async () => {
    const heavy = join(root, "heavy");
    cpSync(reference, heavy, { recursive: true });
    const file = join(heavy, "posterior.json");
    const posterior = JSON.parse(readFileSync(file, "utf8"));
    const n = posterior.particles.weights.length;
    // Particle n - 1 holds 97% of the weight; the others share the rest.
    posterior.particles.weights = posterior.particles.weights.map((_: number, i: number) => (i === n - 1 ? 0.97 : 0.03 / (n - 1)));
    const text = `${JSON.stringify(posterior, null, 2)}\n`;
    writeFileSync(file, text);
    const manifestFile = join(heavy, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    manifest.checksums.files["posterior.json"] = createHash("sha256").update(text).digest("hex");
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const out = join(root, "posterior-heavy");
    const result = await runCli(["run", SCENARIO, "--replicates", "40", "--quiet", "--no-report", "--posterior", heavy, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const [followers, payers] = posterior.particles.values.slice(2 * (n - 1));
    const worlds = readFileSync(join(out, "worlds.csv"), "utf8").trim().split("\n").slice(1).map((row) => row.split(",").slice(3).map(Number));
    const inHeavy = worlds.filter(([f, p]) => f === followers && p === payers).length;
    // Drawn uniformly, about 40 / 20 = 2 of 40 would land there; by weight about 39.
    expect(inHeavy).toBeGreaterThanOrEqual(34);
  }, 120_000);

  it("sensitivity --posterior varies a fitted constant over its 90% credible interval, at the posterior medians", async () => {
    const out = join(root, "sensitivity");
    const result = await runCli(["sensitivity", SCENARIO, "--posterior", reference, "--params", "population.payerShare", "--samples", "2", "--quiet", "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const fitted = JSON.parse(readFileSync(join(reference, "posterior.json"), "utf8")).parameters as Array<{ parameter: string; q05: number; q95: number; median: number }>;
    const payers = fitted.find((p) => p.parameter === "population.payerShare")!;
    const analysis = JSON.parse(readFileSync(join(out, "sensitivity.json"), "utf8"));
    expect(analysis.fit).toBe(JSON.parse(readFileSync(join(reference, "manifest.json"), "utf8")).checksums.files["posterior.json"]);
    const [constant] = analysis.constants;
    expect(constant).toEqual({ path: "population.payerShare", low: payers.q05, high: payers.q95, integer: false });
    const base = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).scenario.resolved.cells[0].config.population;
    expect(base.initialFollowers).toBe(Math.round(fitted.find((p) => p.parameter === "population.initialFollowers")!.median));
  }, 120_000);

  it("refuses a corrupt posterior, a folder that is not a calibration, and a parameter the study compares", async () => {
    const corrupt = join(root, "corrupt");
    cpSync(reference, corrupt, { recursive: true });
    const file = join(corrupt, "posterior.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"weights": [', '"weights": [0.5, '));
    const refused = await runCli([...RUN, "--posterior", corrupt, "--out", join(root, "r1")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--posterior: .*sha256 .*corrupt or was edited/);
    const notFit = await runCli([...RUN, "--posterior", root, "--out", join(root, "r2")]);
    expect(notFit.code).toBe(2);
    expect(notFit.stderr).toMatch(/expected a finished calibration folder/);
    const arms = join(root, "arms.yaml");
    writeFileSync(arms, `${readFileSync(SCENARIO, "utf8")}arms:\n  - name: few\n    model: { population: { payerShare: 0.05 } }\n  - name: many\n    model: { population: { payerShare: 0.1 } }\n`);
    const compared = await runCli(["run", arms, "--replicates", "2", "--quiet", "--posterior", reference, "--out", join(root, "r3")]);
    expect(compared.code).toBe(2);
    expect(compared.stderr).toMatch(/population.payerShare.*differs between its cells/);
    const small = join(root, "small-pool.yaml");
    writeFileSync(small, readFileSync(SCENARIO, "utf8").replace("poolSize: 2000", "poolSize: 400").replace("initialFollowers: 300", "initialFollowers: 150"));
    const capped = await runCli(["run", small, "--replicates", "2", "--quiet", "--posterior", reference, "--out", join(root, "r4")]);
    expect(capped.code).toBe(2);
    expect(capped.stderr).toMatch(/--posterior: got "population.initialFollowers", expected follower counts the scenario tiny-creator can seed, at most 200 \(half of its population.poolSize 400\)/);
    for (const r of ["r1", "r2", "r3", "r4"]) expect(existsSync(join(root, r))).toBe(false);
  }, 120_000);
});
