import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { GiftsimError, formatProblem } from "../../src/errors.js";
import { SIM_LIMITS } from "../../src/sim/index.js";
import { listScenarios, loadScenario, readScenarioFile, resolveScenario } from "../../src/scenario/index.js";
import { fixture, tempDir } from "../run/helpers.js";

/** The problem lines a bad file produces. */
function problemLines(file: string, options = {}): string[] {
  try {
    loadScenario(file, options);
  } catch (error) {
    expect(error).toBeInstanceOf(GiftsimError);
    expect((error as GiftsimError).exitCode).toBe(2);
    return (error as GiftsimError).problems.map(formatProblem);
  }
  throw new Error(`${file} was accepted`);
}

describe("scenario plans", () => {
  it("expands arms into cells, each a fully resolved SimConfig", () => {
    const plan = loadScenario(fixture("scenarios/tiny.yaml"));
    expect(plan.scenario.arms).toEqual([
      { name: "qa", label: "Q&A nights", preset: "tiktok" },
      { name: "challenge", label: "Challenge nights", preset: "tiktok" },
    ]);
    expect(plan.scenario.cells.map((c) => [c.arm, c.pointIndex])).toEqual([
      ["qa", 0],
      ["challenge", 0],
    ]);
    const [qa, challenge] = plan.scenario.cells.map((c) => c.config);
    expect(qa.creators.formats).toEqual(["qa"]);
    expect(challenge.creators.formats).toEqual(["challenge"]);
    expect(qa.horizonWeeks).toBe(1);
    expect(qa.creators.schedule.days).toEqual(["tue", "sat"]);
    expect(qa.platform).toEqual({ preset: "tiktok", overrides: {} });
    expect(plan).toMatchObject({ seed: "42", replicates: 6 });
    expect(plan.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("crosses arms with sweep points, first sweep path slowest, the sweep applied under every arm", () => {
    const dir = tempDir("sweep");
    const file = join(dir, "sweep.yaml");
    const raw = readScenarioFile(fixture("scenarios/tiny.yaml")) as Record<string, unknown>;
    writeFileSync(file, stringify({ ...raw, sweep: { "economy.policy.creatorShareBps": [5000, 6000, 7000], "model.gifting.kappa": [0.5, 1] } }));
    const plan = loadScenario(file);
    expect(plan.scenario.cells).toHaveLength(2 * 3 * 2);
    const third = plan.scenario.cells[3];
    expect(third).toMatchObject({ arm: "qa", pointIndex: 3, point: { "economy.policy.creatorShareBps": 6000, "model.gifting.kappa": 1 } });
    expect(third.config.platform.overrides).toEqual({ policy: { creatorShareBps: 6000 } });
    expect(third.config.gifting.kappa).toBe(1);
    expect(third.config.creators.formats).toEqual(["qa"]);
  });

  it("hashes the resolved scenario: key order and JSON vs YAML do not matter; the model does; seed and replicates stand apart", () => {
    const raw = readScenarioFile(fixture("scenarios/tiny.yaml")) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(raw).reverse());
    const hash = loadScenario(fixture("scenarios/tiny.yaml")).hash;
    expect(resolveScenario("x.json", JSON.parse(JSON.stringify(reordered))).hash).toBe(hash);
    expect(resolveScenario("x", { ...raw, seed: 7, replicates: 100 }).hash).toBe(hash);
    expect(resolveScenario("x", { ...raw, model: { ...(raw.model as object), horizonWeeks: 2 } }).hash).not.toBe(hash);
  });

  it("leaves the audience group out of the hash while it holds its defaults (worlds that do not use it keep their seeds)", () => {
    const raw = readScenarioFile(fixture("scenarios/tiny.yaml")) as Record<string, unknown>;
    const hash = loadScenario(fixture("scenarios/tiny.yaml")).hash;
    const withAudience = (audience: object) => resolveScenario("x", { ...raw, model: { ...(raw.model as object), audience } }).hash;
    expect(withAudience({ overlap: false, communitySize: 0 })).toBe(hash);
    expect(withAudience({ overlap: true })).not.toBe(hash);
    expect(withAudience({ communitySize: 2 })).not.toBe(hash);
  });

  it("command-line seed and replicates replace the file's and are checked", () => {
    expect(loadScenario(fixture("scenarios/tiny.yaml"), { seed: "abc", replicates: 3 })).toMatchObject({ seed: "abc", replicates: 3 });
    expect(problemLines(fixture("scenarios/tiny.yaml"), { replicates: 1e9 })).toEqual([
      "--replicates: got 1000000000, expected at most 100000 replicates per arm and sweep point (fan a larger study out with --shard)",
    ]);
  });
});

describe("the primary metric", () => {
  const file = (fields: Record<string, unknown>) => ({ name: "primary", question: "Which earns more?", preset: "tiktok", model: { horizonWeeks: 1 }, replicates: 2, seed: 1, ...fields });
  const problems = (raw: unknown): string[] => {
    try {
      resolveScenario("primary.yaml", raw);
    } catch (error) {
      expect(error).toBeInstanceOf(GiftsimError);
      expect((error as GiftsimError).exitCode).toBe(2);
      return (error as GiftsimError).problems.map(formatProblem);
    }
    throw new Error("accepted");
  };

  it("defaults to the first of metrics, may name another of them, and leaves the hash alone", () => {
    const metrics = ["coinsPerLiveHour", "creatorEarningsMicros"];
    const plain = resolveScenario("primary.yaml", file({ metrics }));
    expect(plain.scenario.primary).toBe("coinsPerLiveHour");
    const named = resolveScenario("primary.yaml", file({ metrics, primary: "creatorEarningsMicros" }));
    expect(named.scenario.primary).toBe("creatorEarningsMicros");
    expect(named.scenario.metrics).toEqual(metrics);
    expect(named.hash).toBe(plain.hash);
  });

  it("without metrics, a named primary is the one metric of interest", () => {
    const plan = resolveScenario("primary.yaml", file({ primary: "creatorPayoutMicros" }));
    expect(plan.scenario.metrics).toEqual(["creatorPayoutMicros"]);
    expect(resolveScenario("primary.yaml", file({})).scenario.primary).toBe("coinsPerLiveHour");
  });

  it("a primary outside metrics, or no metric at all, is exit 2 naming the field, the value and what was expected", () => {
    expect(problems(file({ metrics: ["coinsPerLiveHour", "uniqueViewers"], primary: "creatorEarningsMicros" }))).toEqual([
      'primary: got "creatorEarningsMicros", expected one of the scenario\'s metrics ("coinsPerLiveHour", "uniqueViewers"), or no primary for the first of them',
    ]);
    const [unknown] = problems(file({ primary: "coinsPerLiveHr" }));
    expect(unknown).toMatch(/^primary: got "coinsPerLiveHr", expected .*coinsPerLiveHour/);
  });
});

describe("per-arm platform presets", () => {
  const small = { horizonWeeks: 1, population: { poolSize: 1000, initialFollowers: 100 } };
  const file = (fields: Record<string, unknown>) => ({ name: "presets", question: "Which platform pays creators most?", preset: "tiktok", model: small, replicates: 2, seed: 1, ...fields });
  const problems = (raw: unknown): string[] => {
    try {
      resolveScenario("presets.yaml", raw);
    } catch (error) {
      expect(error).toBeInstanceOf(GiftsimError);
      return (error as GiftsimError).problems.map(formatProblem);
    }
    throw new Error("accepted");
  };

  it("runs each arm on its own preset, the arm's economy overrides laid on it, the others on the scenario's", () => {
    const plan = resolveScenario(
      "presets.yaml",
      file({
        arms: [
          { name: "tiktok" },
          { name: "youtube", preset: "youtube-superchat" },
          { name: "twitch", preset: "twitch-bits", economy: { policy: { payoutThresholdMicros: 20_000_000 } } },
        ],
      }),
    );
    expect(plan.scenario.arms.map((arm) => arm.preset)).toEqual(["tiktok", "youtube-superchat", "twitch-bits"]);
    expect(plan.scenario.cells.map((cell) => cell.config.platform)).toEqual([
      { preset: "tiktok", overrides: {} },
      { preset: "youtube-superchat", overrides: {} },
      { preset: "twitch-bits", overrides: { policy: { payoutThresholdMicros: 20_000_000 } } },
    ]);
  });

  it("is part of the scenario hash; naming the scenario's own preset changes nothing", () => {
    const arms = (preset?: string) => [{ name: "a" }, { name: "b", ...(preset === undefined ? {} : { preset }) }];
    const hash = resolveScenario("x", file({ arms: arms() })).hash;
    expect(resolveScenario("x", file({ arms: arms("tiktok") })).hash).toBe(hash);
    expect(resolveScenario("x", file({ arms: arms("twitch-bits") })).hash).not.toBe(hash);
  });

  it("an unknown preset is named by its arm's path with the known ids, and its economy is not checked against a guess", () => {
    expect(problems(file({ arms: [{ name: "a" }, { name: "b", preset: "twitch", economy: { policy: { dailyPayoutCapMicros: 7000 } } }] }))).toEqual([
      'arms[1].preset: got "twitch", expected one of "tiktok", "youtube-superchat", "twitch-bits", "custom"',
    ]);
  });

  it("economy overrides are checked against the arm's preset", () => {
    // A $0.007 daily cap holds one TikTok diamond ($0.005) but not one Twitch bit ($0.01).
    const cap = { policy: { dailyPayoutCapMicros: 7000 } };
    expect(problems(file({ arms: [{ name: "a", economy: cap }, { name: "b", preset: "twitch-bits", economy: cap }] }))).toEqual([
      "arms[1].economy.policy.dailyPayoutCapMicros: got 7000, expected at least one diamond's value (10000 micro-USD), or no payout could ever happen",
    ]);
    expect(problems(file({ economy: cap, arms: [{ name: "a" }, { name: "b", preset: "twitch-bits" }] }))).toEqual([
      `economy.policy.dailyPayoutCapMicros: got 7000, expected at least one diamond's value (10000 micro-USD), or no payout could ever happen (with arms[1].preset "twitch-bits")`,
    ]);
    expect(problems(file({ sweep: { "economy.policy.dailyPayoutCapMicros": [20_000, 7000] }, arms: [{ name: "a" }, { name: "b", preset: "twitch-bits" }] }))).toEqual([
      `sweep.economy.policy.dailyPayoutCapMicros[1]: got 7000, expected at least one diamond's value (10000 micro-USD), or no payout could ever happen (with arms[1].preset "twitch-bits")`,
    ]);
  });
});

describe("bad scenario files: every problem, by path, value and expectation", () => {
  const bad = (name: string) => fixture(`scenarios/bad/${name}`);

  it("YAML syntax errors name the line", () => {
    expect(problemLines(bad("syntax.yaml"))).toEqual([
      'line 5, column 1: got "replicates: 2", expected valid YAML or JSON (Flow sequence in block collection must be sufficiently indented and end with a ])',
    ]);
    expect(problemLines(bad("syntax.json"))[0]).toMatch(/^line 4, column 22: got .*expected valid JSON \(Expected double-quoted property name\)/);
  });

  it("wrong types, in the scenario and in the model, in one pass", () => {
    expect(problemLines(bad("wrong-type.yaml"))).toEqual(['replicates: got "many", expected a number', 'model.horizonWeeks: got "four", expected a number']);
  });

  it("unknown keys at any depth, with the keys known there and the likely one meant", () => {
    const lines = problemLines(bad("unknown-key.yaml"));
    expect(lines).toContain(
      'replicate: got 10, expected no such key (did you mean "replicates"? known here: name, description, question, preset, economy, model, arms, sweep, replicates, seed, metrics, primary, base, uncertainty)',
    );
    expect(lines).toContain('economy.polcy: got {"creatorShareBps":6000}, expected no such key (did you mean "policy"? known here: policy, storeFeeBps, regions, bundles, gifts)');
    expect(lines.find((line) => line.startsWith("model.populaton:"))).toMatch(/^model\.populaton: got \{"poolSize":1000\}, expected no such key \(did you mean "population"\? known here: .*population/);
    expect(lines).toHaveLength(3);
  });

  it("unknown preset", () => {
    expect(problemLines(bad("unknown-preset.yaml"))).toEqual(['preset: got "tiktokk", expected one of "tiktok", "youtube-superchat", "twitch-bits", "custom"']);
  });

  it("bad arm overrides carry the arm's path", () => {
    expect(problemLines(bad("bad-arm.yaml"))).toEqual([
      'arms[1].name: got "Challenge Nights", expected an identifier of a-z, 0-9 and -',
      "arms[1].economy.policy.creatorShareBps: got 12000, expected at most 10000",
      'arms[1].model.creators.formats[0]: got "challange", expected one of "casual", "qa", "challenge", "battle", "behind-the-scenes"',
    ]);
  });

  it("absurd sizes are refused with the limit and the reason", () => {
    expect(problemLines(bad("absurd-size.yaml"))).toEqual([
      "replicates: got 1000000000, expected at most 100000 replicates per arm and sweep point (fan a larger study out with --shard)",
      `model.population.poolSize: got 1000000000000, expected at most ${SIM_LIMITS.poolSize} (viewers per creator pool held in memory)`,
    ]);
  });

  it("a bad swept value points at its place in the sweep; an arm may not set a swept path; metrics must exist", () => {
    expect(problemLines(bad("bad-sweep.yaml"))).toEqual([
      'metrics[1]: got "notAMetric", expected one of 105 names such as "viewerSpendMicros", "storeFeeMicros", "platformNetMicros", "creatorEarningsMicros"',
      "arms[1].economy.policy.creatorShareBps: got 7000, expected no value here: economy.policy.creatorShareBps is swept (sweep values apply to every arm)",
      "sweep.economy.policy.creatorShareBps[1]: got 20000, expected at most 10000",
    ]);
  });

  it("a missing file and a file that is not an object", () => {
    expect(problemLines(bad("missing.yaml"))).toEqual([`(file): got ${JSON.stringify(bad("missing.yaml"))}, expected no such file`]);
    const dir = tempDir("scalar");
    writeFileSync(join(dir, "scalar.yaml"), "just a string\n");
    expect(problemLines(join(dir, "scalar.yaml"))).toEqual(['(root): got "just a string", expected an object']);
  });

  it("names a missing file by its whole path, however deep the checkout (regression: paths past 60 characters were cut)", () => {
    const deep = join(tempDir("deep"), "home", "someone", "projects", "clients", "giftsim", "test", "fixtures", "missing.yaml");
    expect(deep.length).toBeGreaterThan(60);
    expect(problemLines(deep)).toEqual([`(file): got ${JSON.stringify(deep)}, expected no such file`]);
  });
});

describe("the base of the comparisons (regression: sweeps were measured from their first value, not the preset's own)", () => {
  const tiny = () => readScenarioFile(fixture("scenarios/tiny.yaml")) as Record<string, unknown>;
  const share = { "economy.policy.creatorShareBps": [4000, 5000, 6000, 7000] };

  it("defaults to the first arm at the preset's own value of each swept parameter", () => {
    expect(resolveScenario("x", tiny()).scenario.base).toEqual({ arm: "qa", pointIndex: 0 });
    // TikTok's creator share is 5000 basis points: the second of the swept values.
    expect(resolveScenario("x", { ...tiny(), sweep: share }).scenario.base).toEqual({ arm: "qa", pointIndex: 1 });
    // A scenario-level override is the scenario's own value; a value the sweep lacks falls back to the first point.
    expect(resolveScenario("x", { ...tiny(), economy: { policy: { creatorShareBps: 7000 } }, sweep: share }).scenario.base.pointIndex).toBe(3);
    expect(resolveScenario("x", { ...tiny(), sweep: { "economy.policy.creatorShareBps": [6000, 7000] } }).scenario.base.pointIndex).toBe(0);
  });

  it("a file names its base arm, its base point, or both; the hash (and so every result) does not change", () => {
    const plain = resolveScenario("x", { ...tiny(), sweep: share });
    expect(resolveScenario("x", { ...tiny(), base: "challenge" }).scenario.base).toEqual({ arm: "challenge", pointIndex: 0 });
    const named = resolveScenario("x", { ...tiny(), sweep: share, base: { arm: "challenge", "economy.policy.creatorShareBps": 7000 } });
    expect(named.scenario.base).toEqual({ arm: "challenge", pointIndex: 3 });
    expect(named.hash).toBe(plain.hash);
  });

  it("a base that names no arm or no swept value is refused with what is allowed", () => {
    const problems = (base: unknown, sweep?: unknown) => {
      try {
        resolveScenario("x", { ...tiny(), base, ...(sweep === undefined ? {} : { sweep }) });
      } catch (error) {
        return (error as GiftsimError).problems.map(formatProblem);
      }
      throw new Error("accepted");
    };
    expect(problems("quiz")).toEqual(['base: got "quiz", expected the name of an arm ("qa", "challenge")']);
    expect(problems({ "economy.policy.creatorShareBps": 4500 }, share)).toEqual(["base.economy.policy.creatorShareBps: got 4500, expected one of the swept values (4000, 5000, 6000, 7000)"]);
    expect(problems({ "model.horizonWeeks": 2 }, share)).toEqual(['base.model.horizonWeeks: got 2, expected "arm" or a swept path (economy.policy.creatorShareBps)']);
    expect(problems(3)).toEqual(["base: got 3, expected an arm name, or an object of swept values such as {arm: ...}"]);
  });
});

describe("problem wording (regressions: messages a user could not act on)", () => {
  const dir = tempDir("wording");
  const lines = (fields: Record<string, unknown>) => {
    const file = join(dir, "wording.yaml");
    writeFileSync(file, stringify({ name: "s", question: "x?", preset: "tiktok", replicates: 2, seed: 1, ...fields }));
    return problemLines(file);
  };

  it("a bad seed is told the forms a seed takes, not 'one of the allowed forms'", () => {
    expect(lines({ seed: 1.5 })).toEqual([`seed: got 1.5, expected an integer 0..${Number.MAX_SAFE_INTEGER} or a string of 1..200 characters`]);
  });

  it("a model that is not an object is told 'an object', not zod's 'a record'", () => {
    expect(lines({ model: [1] })).toEqual(["model: got [1], expected an object"]);
    expect(lines({ arms: [{ name: "a", model: 5 }] })).toEqual(["arms[0].model: got 5, expected an object"]);
  });

  it("one field gets one line, even when its value breaks two rules", () => {
    expect(lines({ replicates: 0 })).toEqual(["replicates: got 0, expected at least 1"]);
    expect(lines({ replicates: 1.5 })).toEqual(["replicates: got 1.5, expected an integer"]);
  });

  it("bounds read 'at most N' and 'at least N', and the safe-integer bound admits 2^53-1 itself", () => {
    expect(lines({ model: { horizonWeeks: 1e20, population: { poolSize: 2 } } })).toEqual([
      `model.horizonWeeks: got 100000000000000000000, expected at most ${Number.MAX_SAFE_INTEGER}`,
      "model.population.poolSize: got 2, expected at least 10",
    ]);
    expect(lines({ metrics: [] })).toEqual(["metrics: got [], expected at least 1 item"]);
  });
});

describe("built-in scenarios", () => {
  it("lists a folder's scenarios with their questions, flagging broken ones", () => {
    const dir = tempDir("builtins");
    writeFileSync(join(dir, "b-tiny.yaml"), readFileSync(fixture("scenarios/tiny.yaml")));
    writeFileSync(join(dir, "a-broken.yaml"), readFileSync(fixture("scenarios/bad/unknown-preset.yaml")));
    writeFileSync(join(dir, "notes.txt"), "not a scenario");
    const list = listScenarios(dir);
    expect(list.map((s) => s.state)).toEqual(["invalid", "valid"]);
    expect(list[1]).toMatchObject({ name: "tiny", question: "Q&A or challenge - which earns more gifted coins per live hour?", cells: 2, replicates: 6 });
  });

  it("every shipped scenario validates", () => {
    for (const entry of listScenarios()) expect(entry, entry.file).toMatchObject({ state: "valid" });
  });
});
