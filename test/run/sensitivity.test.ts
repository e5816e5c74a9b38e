/**
 * `giftsim sensitivity` on a tiny study and few samples: the analysis is a pure function of
 * its inputs (1 and 2 workers, and a run stopped and resumed, write the same files), a constant
 * the study never reads gets indices of exactly 0 (every design point shares its seeds), and
 * bad flags are exit 2 naming the flag.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadScenario, type ScenarioPlan } from "../../src/scenario/index.js";
import { runPlan, type RunOutcome } from "../../src/run/index.js";
import { analyseSensitivity, sensitivityPlan, writeSensitivity } from "../../src/run/sensitivity.js";
import { worldSlot, worldValues } from "../../src/run/worlds.js";
import { METRIC_NAMES } from "../../src/sim/index.js";
import { runCli } from "../cli.js";
import { fixture, tempDir } from "./helpers.js";

const PARAMS = ["gifting.kappa", "formats.challenge.sizeTilt", "formats.battle.pride"];

function finished(outcome: RunOutcome) {
  if (outcome.state !== "finished") throw new Error(`run ended ${outcome.state}`);
  return outcome;
}

async function analyse(plan: ScenarioPlan, dir: string, workers: number, resume = false) {
  const outcome = finished(await runPlan(plan, { out: dir, workers, resume }));
  writeSensitivity(dir, analyseSensitivity(plan, outcome.records));
  return { json: readFileSync(join(dir, "sensitivity.json"), "utf8"), csv: readFileSync(join(dir, "sensitivity.csv"), "utf8") };
}

let sobol: ScenarioPlan;
let reference: { json: string; csv: string };

beforeAll(async () => {
  sobol = sensitivityPlan(loadScenario(fixture("scenarios/tiny.yaml")), { method: "sobol", samples: 4, params: PARAMS, replicatesPerPoint: 1 });
  reference = await analyse(sobol, join(tempDir("sens-1"), "run"), 1);
});

describe("giftsim sensitivity", () => {
  it("runs N (k + 2) design points and N noise probes in each of the two compared cells", () => {
    expect(sobol.replicates).toBe(4 * (PARAMS.length + 2) + 4);
    expect(sobol.scenario.cells.map((cell) => cell.arm)).toEqual(["qa", "challenge"]);
  });

  it("writes the same analysis with 2 workers as with 1", async () => {
    expect(await analyse(sobol, join(tempDir("sens-2"), "run"), 2)).toEqual(reference);
  });

  it("a run stopped part-way and resumed writes the same analysis", async () => {
    const dir = join(tempDir("sens-resume"), "run");
    const abort = new AbortController();
    const stopped = await runPlan(sobol, { out: dir, workers: 1, chunk: 3, signal: abort.signal, onProgress: (p) => p.done >= 6 && abort.abort() });
    expect(stopped.state).toBe("interrupted");
    expect(await analyse(sobol, dir, 2, true)).toEqual(reference);
  });

  it("a constant the study never reads (a battle constant in a Q&A vs challenge study) has indices of exactly 0", () => {
    const result = JSON.parse(reference.json) as ReturnType<typeof analyseSensitivity>;
    const pride = result.constants.findIndex((c) => c.path === "formats.battle.pride");
    for (const output of result.outputs) expect(output.sobol?.[pride]).toMatchObject({ firstOrder: 0, total: 0 });
    expect(result.ranking.at(-1)?.constant).toBe("formats.battle.pride");
    expect(result.outputs.map((o) => o.id)).toEqual(["metric:qa", "metric:challenge", "lift"]);
    // The noise probes rerun A's rows with other seeds: the replicates' luck is part of the variance.
    for (const output of result.outputs) expect(output.noiseShare).toBeGreaterThan(0);
  });

  it("Morris: r (k + 1) points, mu* of an unread constant 0, and the same with 2 workers", async () => {
    const morris = sensitivityPlan(loadScenario(fixture("scenarios/tiny.yaml")), { method: "morris", samples: 2, params: PARAMS, replicatesPerPoint: 2 });
    expect(morris.replicates).toBe((2 * (PARAMS.length + 1) + 2) * 2);
    const one = await analyse(morris, join(tempDir("morris-1"), "run"), 1);
    expect(await analyse(morris, join(tempDir("morris-2"), "run"), 2)).toEqual(one);
    const result = JSON.parse(one.json) as ReturnType<typeof analyseSensitivity>;
    expect(result.outputs[2].morris?.[2]).toMatchObject({ mu: 0, muStar: 0 });
    expect(result.outputs[2].noiseShare).not.toBeNull();
  });
});

describe("what the answer hinges on", () => {
  /** Records of `plan` whose challenge arm's primary metric is `f` of the point's constants times `noise` of the replicate, Q&A's 1000. */
  function records(plan: ScenarioPlan, f: (values: Float64Array) => number, noise: (replicate: number) => number) {
    const design = plan.scenario.worlds;
    if (design === undefined) throw new Error("no design");
    const column = METRIC_NAMES.indexOf("coinsPerLiveHour");
    return plan.scenario.cells.flatMap((cell) =>
      Array.from({ length: plan.replicates }, (_, replicate) => {
        const slot = worldSlot(design, replicate);
        const metrics = new Float64Array(METRIC_NAMES.length);
        metrics[column] = cell.index === 0 ? 1000 : f(worldValues(design, plan.seed, slot.point)) * noise(replicate);
        return { cell: cell.index, replicate, simulatedEvents: 0, metrics, streams: new Float64Array(), timeseries: new Float64Array() };
      }),
    );
  }
  const plan64 = () => sensitivityPlan(loadScenario(fixture("scenarios/tiny.yaml")), { method: "sobol", samples: 64, params: PARAMS, replicatesPerPoint: 1 });
  const tilt = (values: Float64Array) => 1000 * Math.exp(2 * values[1]);

  it("names the constant the lift depends on when the replicates add no noise", () => {
    const result = analyseSensitivity(plan64(), records(plan64(), tilt, () => 1));
    expect(result.hinge).toBe("formats.challenge.sizeTilt");
    expect(result.outputs[2].noiseShare).toBe(0);
    expect(result.sentence).toMatch(/hinges most on formats\.challenge\.sizeTilt \(total index (0\.9\d|1\.\d)\)\. Replicate noise is 0% /);
  });

  it("when the noise share drowns every total index, names the first-order index that clears zero", () => {
    // The noise probes' runs (seeds 1..) come out e^1.2 apart from their points': a noise share past the signal's.
    const design = plan64().scenario.worlds;
    if (design === undefined) throw new Error("no design");
    const result = analyseSensitivity(plan64(), records(plan64(), tilt, (replicate) => (worldSlot(design, replicate).seedReplicate === 0 ? 1 : Math.exp(1.2))));
    expect(result.outputs[2].noiseShare).toBeGreaterThan(1);
    expect(result.sentence).toContain("hinges on none of the constants varied through its total index");
    expect(result.sentence).toContain("Alone, formats.challenge.sizeTilt explains the most of it");
    expect(result.hinge).toBe("formats.challenge.sizeTilt");
  });
});

describe("giftsim sensitivity: bad input is exit 2 naming the flag", () => {
  it.each([
    [["--method", "fast"], "--method"],
    [["--samples", "1"], "--samples"],
    [["--samples", "x"], "--samples"],
    [["--replicates-per-point", "0"], "--replicates-per-point"],
    [["--params", "gifting.kappa,gifting.nope"], "--params[1]"],
    [["--shard", "3/2"], "--shard"],
  ])("%j", async (flags, named) => {
    const result = await runCli(["sensitivity", fixture("scenarios/tiny.yaml"), "--out", join(tempDir("sens-bad"), "run"), ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(named);
  });
});

describe("giftsim sensitivity across machines (--shard, giftsim merge, --resume)", () => {
  it("two shards merged and analysed with --resume write the analysis one whole run writes", async () => {
    const dir = tempDir("sens-shards");
    const base = ["sensitivity", fixture("scenarios/tiny.yaml"), "--method", "morris", "--samples", "2", "--quiet"];
    expect((await runCli([...base, "--out", join(dir, "whole")])).code).toBe(0);
    for (const shard of ["1/2", "2/2"]) expect((await runCli([...base, "--shard", shard, "--out", join(dir, `shard-${shard[0]}`)])).code).toBe(0);
    expect((await runCli(["merge", join(dir, "shard-1"), join(dir, "shard-2"), "--out", join(dir, "merged")])).code).toBe(0);
    expect((await runCli([...base, "--resume", "--out", join(dir, "merged")])).code).toBe(0);
    for (const file of ["sensitivity.json", "sensitivity.csv"]) {
      expect(readFileSync(join(dir, "merged", file), "utf8"), file).toBe(readFileSync(join(dir, "whole", file), "utf8"));
    }
  });

  it("a shard writes no analysis of its own: the indices need every design point", async () => {
    const out = join(tempDir("sens-one-shard"), "run");
    const result = await runCli(["sensitivity", fixture("scenarios/tiny.yaml"), "--method", "morris", "--samples", "2", "--shard", "1/2", "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("giftsim merge");
    expect(() => readFileSync(join(out, "sensitivity.json"))).toThrow();
  });
});
