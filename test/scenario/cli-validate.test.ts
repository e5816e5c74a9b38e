import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { fixture, tempDir } from "../run/helpers.js";

const BAD: Array<[string, RegExp[]]> = [
  ["syntax.yaml", [/line 5, column 1: got "replicates: 2", expected valid YAML or JSON/]],
  ["syntax.json", [/line 4, column 22: .*expected valid JSON/]],
  ["wrong-type.yaml", [/replicates: got "many", expected a number/, /model\.horizonWeeks: got "four", expected a number/]],
  ["unknown-key.yaml", [/replicate: got 10, expected no such key \(did you mean "replicates"\?/, /model\.populaton: got .*expected no such key/, /economy\.polcy: got/]],
  ["unknown-preset.yaml", [/preset: got "tiktokk", expected one of "tiktok", "youtube-superchat", "twitch-bits", "custom"/]],
  ["bad-arm.yaml", [/arms\[1\]\.model\.creators\.formats\[0\]: got "challange", expected one of/, /arms\[1\]\.economy\.policy\.creatorShareBps: got 12000/]],
  ["absurd-size.yaml", [/replicates: got 1000000000, expected at most 100000/, /model\.population\.poolSize: got 1000000000000, expected at most \d+ \(viewers/]],
  ["bad-sweep.yaml", [/sweep\.economy\.policy\.creatorShareBps\[1\]: got 20000, expected at most 10000/]],
  // Regressions: valid files that ran out of memory, never finished, or ran with fewer followers than asked.
  ["runaway-discovery.yaml", [/model\.creators\.qualitySigma: got "[\d.e]+ arrivals queued for the best creator's longest stream .*expected at most 16,777,216 \(lower model\.creators\.qualitySigma, model\.creators\.reachElasticity/]],
  [
    "whale-budgets.yaml",
    // The $200 point passes (no problem at [0]); $10,000 and $1,000,000 whales do not.
    [/^(?![\s\S]*whaleMinUsd\[0\])/, /sweep\.model\.population\.budget\.whaleMinUsd\[1\]: got "[\d,]+ estimated events in one community \(the replicate when it is one\), mostly for the [\d,]+ gifts the viewers' budgets could pay for", expected at most 150,000,000/, /whaleMinUsd\[2\]: got "[\d,]+ estimated events/],
  ],
  ["followers-over-half.yaml", [/model\.population\.initialFollowers: got 25000, expected at most half of model\.population\.poolSize 30000, i\.e\. 15000/]],
];

describe("giftsim run / validate with a bad scenario file", () => {
  it.each(BAD)("run %s: exit 2, one line per problem, no stack trace, nothing written", async (name, patterns) => {
    const cwd = tempDir("bad");
    const { code, stdout, stderr } = await runCli(["run", fixture(`scenarios/bad/${name}`), "--out", join(cwd, "out-dir")], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    for (const pattern of patterns) expect(stderr).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("validate prints the same problems", async () => {
    const { code, stdout, stderr } = await runCli(["validate", fixture("scenarios/bad/bad-arm.yaml")]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      `giftsim: ${fixture("scenarios/bad/bad-arm.yaml")}:`,
      '  arms[1].name: got "Challenge Nights", expected an identifier of a-z, 0-9 and -',
      "  arms[1].economy.policy.creatorShareBps: got 12000, expected at most 10000",
      '  arms[1].model.creators.formats[0]: got "challange", expected one of "casual", "qa", "challenge", "battle", "behind-the-scenes"',
    ]);
  });

  it("a good file: OK and the plan", async () => {
    const { code, stdout } = await runCli(["validate", fixture("scenarios/tiny.yaml")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK .*tiny\.yaml: tiny/);
    expect(stdout).toMatch(/2 arms x 1 sweep point x 6 replicates = 12 replicates, seed 42/);
    expect(stdout).toMatch(/\n  base      qa\n/);
    // No `primary` in the file: the first of its metrics.
    expect(stdout).toMatch(/\n  primary   coinsPerLiveHour\n/);
  });

  it("says what a sweep is compared against: the preset's own value unless the file names one (regression: always the first value)", async () => {
    const { code, stdout } = await runCli(["validate", "scenarios/creator-share-sweep.yaml"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n  base      base, economy\.policy\.creatorShareBps 5000\n/);
  });

  it("bad options exit 2 before anything runs", async () => {
    const cwd = tempDir("options");
    for (const args of [["--shard", "4/3"], ["--workers", "0"]]) {
      const { code, stderr } = await runCli(["run", fixture("scenarios/tiny.yaml"), ...args], { cwd });
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toMatch(new RegExp(args[0]));
    }
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("a flag with no value, an empty value or given twice is refused naming the flag (regression: bare --seed and --seed \"\" ran)", async () => {
    const cwd = tempDir("flag-values");
    const tiny = fixture("scenarios/tiny.yaml");
    const cases: Array<[string[], RegExp]> = [
      [["run", tiny, "--seed"], /--seed: got "", expected a value after --seed/],
      [["run", tiny, "--seed", ""], /--seed: got "", expected a value after --seed/],
      [["run", tiny, "--seed", "--quiet"], /--seed: got "", expected a value after --seed/],
      [["run", tiny, "--seed", " "], /--seed: got " ", expected a value after --seed/],
      // Hundreds of worker isolates exhausted the address space: a fatal OOM, not a message.
      [["run", tiny, "--workers", "100000"], /--workers: got 100000, expected at most \d+ \(4 per core on this machine's \d+\)/],
      [["compare", tiny, "--replicates"], /--replicates: got missing, expected a value after --replicates/],
      [["sweep", tiny, "--seed", "1", "--seed", "2"], /--seed: got \["1","2"\], expected one value \(--seed was given 2 times\)/],
      // A number option's bad text is shown as typed, not as yargs' NaN.
      [["run", tiny, "--workers", "x"], /--workers: got "x", expected a number/],
      [["run", tiny, "--out", ""], /--out: got "", expected a value after --out/],
      [["validate", ""], /FILE: got "", expected a non-empty path/],
      [["merge", "a", "b", "--out"], /--out: got "", expected a value after --out/],
      [["report", "a", "--out", ""], /--out: got "", expected a value after --out/],
      // bench checked nothing: a batch of 0 looped for ever, 10^8 gift kinds filled gigabytes, 0 events crashed.
      [["bench", "--batch", "0"], /--batch: got 0, expected an integer 1\.\.2000000/],
      [["bench", "--gifts", "100000000"], /--gifts: got 100000000, expected an integer 1\.\.100000/],
      [["bench", "--events", "0"], /--events: got 0, expected an integer 1\.\.100000000/],
      [["bench", "--viewers=abc"], /--viewers: got "abc", expected a number/],
      // A word that names no command was yargs' "Unknown argument: nope".
      [["nope"], /\(command\): got "nope", expected one of load, serve, bench, run, compare, sweep, sensitivity, merge, report, validate, scenarios/],
      // A bad --viewers was also reported as a --workers problem.
      [["load", "--viewers", "0"], /^giftsim: invalid load options:\n--viewers: got 0, expected an integer 1\.\.200000000\n$/],
      // A bare flag with a default and choices took its default; yargs' refusal was a stack trace.
      [["report", "a", "--format"], /--format: got missing, expected a value after --format/],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args, { cwd })));
    results.forEach(({ code, stdout, stderr }, i) => {
      expect(code, cases[i][0].join(" ")).toBe(2);
      expect(stderr).toMatch(cases[i][1]);
      expect(stdout).toBe("");
    });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("giftsim scenarios lists the built-ins with their questions", async () => {
    const { code, stdout } = await runCli(["scenarios", "--json"]);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Array<{ state: string; question?: string }>;
    for (const entry of list) expect(entry).toMatchObject({ state: "valid", question: expect.any(String) });
  });
});
