/**
 * Plausible worlds: which constants a study draws, where they land in their ranges, that every
 * cell of a replicate lives in the same world, and that a worlds run is a pure function of its
 * inputs (the same outputs for any worker count or chunking) while the run at the stated
 * values stays exactly what it was.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { constantValue, loadScenario, resolveScenario, uncertainConstants, worldsPlan, type ScenarioPlan, type WorldDesign } from "../../src/scenario/index.js";
import { replicateInput, type WorkerContext } from "../../src/run/chunk.js";
import { runPlan, type RunOutcome } from "../../src/run/index.js";
import { workerContext } from "../../src/run/run.js";
import { worldValues } from "../../src/run/worlds.js";
import { CONSTANT_PATHS, MODEL_CONSTANTS, constantAt } from "../../src/sim/index.js";
import { runCli } from "../cli.js";
import { fixture, outputFiles, tempDir } from "./helpers.js";

/** Two constants, in table order (a world's columns keep the table's order). */
const TWO = ["attendance.saturation.freeStreams", "formats.challenge.sizeTilt"];

function finished(outcome: RunOutcome) {
  if (outcome.state !== "finished") throw new Error(`run ended ${outcome.state}`);
  return outcome;
}

function problemsOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof GiftsimError) return error.problems ?? [];
    throw error;
  }
  throw new Error("no error");
}

let plan: ScenarioPlan;
let worlds: ScenarioPlan;

beforeAll(() => {
  plan = loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 6, uncertainty: "all" });
  const drawn = worldsPlan(plan);
  if (drawn === null) throw new Error("no worlds plan");
  worlds = drawn;
});

describe("which constants a study draws", () => {
  it("all: every constant of the table the cells share (creators.formats is an arm's decision, not a constant)", () => {
    expect(plan.uncertainty?.constants.map((c) => c.path)).toEqual(CONSTANT_PATHS);
  });

  it("a constant an arm sets is the study's question: left out of all, refused by name", () => {
    const configs = plan.scenario.cells.map((cell, i) => (i === 0 ? cell.config : { ...cell.config, gifting: { ...cell.config.gifting, kappa: 0.9 } }));
    expect(uncertainConstants("all", configs, "f").constants.map((c) => c.path)).not.toContain("gifting.kappa");
    expect(uncertainConstants(["gifting.kappa"], configs, "f").problems).toMatchObject([{ path: "f[0]", value: "gifting.kappa" }]);
  });

  it("a path not in the table is exit 2 naming the field, the value and the paths expected", () => {
    const problems = problemsOf(() => loadScenario(fixture("scenarios/tiny.yaml"), { uncertainty: ["gifting.kappa", "gifting.nope"] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "--uncertainty[1]", value: "gifting.nope" });
    expect(problems[0].expected).toContain("formats.challenge.sizeTilt");
  });

  it("the file's field is checked the same way", () => {
    const raw = { name: "x", question: "q", preset: "tiktok", replicates: 1, seed: 1, uncertainty: { constants: ["model.gifting.kappa"] } };
    expect(problemsOf(() => resolveScenario("x.yaml", raw))).toMatchObject([{ path: "uncertainty.constants[0]", value: "model.gifting.kappa" }]);
  });
});

describe("where a world's constants land", () => {
  it("uniform over each range; whole numbers uniform over low..high", () => {
    expect(constantValue({ path: "a", low: 2, high: 4, integer: false }, 0.25)).toBe(2.5);
    const whole = { path: "b", low: 2, high: 4, integer: true };
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999].map((u) => constantValue(whole, u))).toEqual([2, 2, 3, 3, 4, 4]);
  });

  it("each replicate's values lie in their ranges, whole where they must be, and the worlds spread over each range", () => {
    const design = worlds.scenario.worlds as WorldDesign;
    const values = Array.from({ length: 64 }, (_, r) => worldValues(design, "42", r));
    design.constants.forEach((constant, j) => {
      const column = values.map((v) => v[j]);
      for (const v of column) {
        expect(v).toBeGreaterThanOrEqual(constant.low);
        expect(v).toBeLessThanOrEqual(constant.high);
        if (constant.integer) expect(Number.isInteger(v)).toBe(true);
      }
      // 64 points of a shifted Sobol' sequence: each quarter of every range holds 16 of them.
      if (!constant.integer) {
        const quarters = [0, 0, 0, 0];
        for (const v of column) quarters[Math.min(3, Math.floor(((v - constant.low) / (constant.high - constant.low)) * 4))]++;
        expect(quarters).toEqual([16, 16, 16, 16]);
      }
    });
  });

  it("another master seed shifts the worlds", () => {
    const design = worlds.scenario.worlds as WorldDesign;
    expect(Array.from(worldValues(design, "42", 3))).not.toEqual(Array.from(worldValues(design, "43", 3)));
    expect(Array.from(worldValues(design, "42", 3))).toEqual(Array.from(worldValues(design, "42", 3)));
  });

  it("every cell of a replicate runs in the same world, and only the drawn constants move", () => {
    const context: WorkerContext = workerContext(worldsPlanOf(TWO));
    const [qa, challenge] = [0, 1].map((cell) => replicateInput(context, cell, 5).config);
    for (const path of TWO) expect(constantAt(qa, path)).toBe(constantAt(challenge, path));
    expect(constantAt(qa, TWO[1])).not.toBe(constantAt(context.configs[0], TWO[1]));
    const untouched = MODEL_CONSTANTS.filter((c) => !TWO.includes(c.path));
    for (const c of untouched) expect(constantAt(qa, c.path)).toBe(constantAt(context.configs[0], c.path));
  });
});

function worldsPlanOf(constants: string[]): ScenarioPlan {
  const drawn = worldsPlan(loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 6, uncertainty: constants }));
  if (drawn === null) throw new Error("no worlds plan");
  return drawn;
}

describe("a worlds run", () => {
  it("is the same for 1 and 2 workers, with worlds.csv; the stated-values plan keeps its hash", async () => {
    const small = worldsPlanOf(TWO);
    const one = join(tempDir("worlds-1"), "run");
    const two = join(tempDir("worlds-2"), "run");
    const a = finished(await runPlan(small, { out: one, workers: 1, chunk: 1 }));
    const b = finished(await runPlan(small, { out: two, workers: 2 }));
    expect(b.manifest.checksums.results).toBe(a.manifest.checksums.results);
    expect(outputFiles(two)).toEqual(outputFiles(one));
    const csv = readFileSync(join(one, "worlds.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe(`replicate,point,seedReplicate,${TWO.join(",")}`);
    expect(csv).toHaveLength(7);
    expect(loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 6, uncertainty: TWO }).hash).toBe(loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 6 }).hash);
    expect(small.hash).not.toBe(plan.hash);
  });
});

describe("giftsim run --uncertainty", () => {
  it("answers across worlds too, and shards + merge give the whole run's worlds", async () => {
    const root = tempDir("worlds-cli");
    const args = ["run", fixture("scenarios/tiny.yaml"), "--replicates", "4", "--uncertainty", TWO.join(","), "--no-report"];
    const whole = await runCli([...args, "--out", join(root, "whole")]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(/Across 4 plausible worlds \(2 constants drawn from their ranges\): (Q&A|Challenge) nights did better than (Q&A|Challenge) nights on gifted coins per live hour in \d+% of worlds/);
    for (const shard of ["1/2", "2/2"]) expect((await runCli([...args, "--shard", shard, "--out", join(root, shard[0])])).code).toBe(0);
    const merged = await runCli(["merge", join(root, "1"), join(root, "2"), "--out", join(root, "merged"), "--no-report"]);
    expect(merged.code, merged.stderr).toBe(0);
    const checksum = (dir: string) => (JSON.parse(readFileSync(join(dir, "worlds", "manifest.json"), "utf8")) as { checksums: { results: string } }).checksums.results;
    expect(checksum(join(root, "merged"))).toBe(checksum(join(root, "whole")));
    expect(readFileSync(join(root, "merged", "worlds", "worlds.csv"), "utf8")).toBe(readFileSync(join(root, "whole", "worlds", "worlds.csv"), "utf8"));
  });
});
