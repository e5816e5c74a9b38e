import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { formatInUnit } from "../../src/cli/summary-table.js";
import { buildComparisons, readRunFolder } from "../../src/report/index.js";
import { runCli, runProcess, type CliResult } from "../cli.js";
import { fixture, tempDir } from "../run/helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TINY = fixture("scenarios/tiny.yaml");
const FAST = ["--replicates", "4", "--quiet", "--no-report"];
let root: string;

beforeAll(() => {
  root = tempDir("run-output");
});

/** What a run printed, less what differs between two runs of the same inputs: its folder and elapsed time. */
function comparable(result: CliResult, dir: string): string {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout.replaceAll(dir, "<out>").replace(/ run in [\d.]+ s\n/, " run in <elapsed>\n");
}

/** The report's sentences on the headline metric of finished run folder `dir`. */
function reportSentences(dir: string, metric: string): string[] {
  return buildComparisons(readRunFolder(dir))
    .filter((comparison) => comparison.metric === metric)
    .map((comparison) => comparison.sentence);
}

describe("giftsim run in the terminal", () => {
  it("run and compare print the scenario's question and the report's answer sentence; metrics by label, not id", async () => {
    for (const command of ["run", "compare"]) {
      const dir = join(root, command);
      const result = await runCli([command, TINY, ...FAST, "--out", dir]);
      expect(result.code).toBe(0);
      const [sentence] = reportSentences(dir, "coinsPerLiveHour");
      expect(sentence).toMatch(/Challenge nights .* Q&A nights/);
      // The question, the decision in one sentence, then the comparison's own sentence.
      expect(result.stdout).toMatch(/\n {2}Q&A or challenge - which earns more gifted coins per live hour\?\n {2}[^\n]* did better on gifted coins per live hour in [^\n]* of paired 1-week runs[^\n]*\n {4}[^\n]*\n/);
      expect(result.stdout).toContain(`\n    ${sentence}\n`);
      if (command === "run") expect(result.stdout).toMatch(/\n  Gifted coins per live hour +[\d,.]+ \[[^\n]*\n  Creator payouts +\$[\d,]+\.\d\d \[-?\$/);
      else expect(result.stdout).toMatch(/\n  Gifted coins per live hour: each arm against Q&A nights/);
      expect(result.stdout).not.toMatch(/coinsPerLiveHour|creatorPayoutMicros/);
    }
  });

  it("the summary is the same with COLUMNS unset, 40 or 200, in any time zone and locale", async () => {
    const settings: NodeJS.ProcessEnv[] = [
      { COLUMNS: undefined, TZ: "UTC", LC_ALL: undefined },
      { COLUMNS: "40", TZ: "Pacific/Kiritimati", LC_ALL: "de_DE.UTF-8" },
      { COLUMNS: "200", TZ: "America/Los_Angeles", LC_ALL: "C" },
    ];
    const outputs = await Promise.all(
      settings.map(async (env, i) => {
        const dir = join(root, `width-${i}`);
        return comparable(await runCli(["run", TINY, ...FAST, "--out", dir], { env }), dir);
      }),
    );
    expect(outputs[0]).toMatch(/mean \[95% CI\] over 4 replicates per column/);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it("--replicate K prints money in dollars and metrics by their labels, not raw micro-USD", async () => {
    const args = ["run", "--replicate", "1"];
    const [text, json] = await Promise.all([runCli(args), runCli([...args, "--json"])]);
    expect(text.code).toBe(0);
    const earnings = (JSON.parse(json.stdout) as Array<{ metrics: Record<string, number> }>).map((cell) => cell.metrics.creatorEarningsMicros);
    expect(earnings.every((micros) => micros > 1e6)).toBe(true);
    expect(text.stdout).toMatch(/^qa-vs-challenge: replicate 1 of every arm and point, rerun alone\n  Q&A nights \(seed [0-9a-f]{32}\): [\d,]+ events, audit passed\n/);
    expect(text.stdout).toMatch(/\n  metric +Q&A nights +Challenge nights\n  Gifted coins per live hour +[\d,.]+ +[\d,.]+\n/);
    const dollars = earnings.map((micros) => escapeRegExp(formatInUnit(micros, "micro-USD")));
    expect(text.stdout).toMatch(new RegExp(`\\n  Creator earnings +${dollars[0]} +${dollars[1]}\\n`));
    expect(text.stdout).not.toContain(earnings[0].toLocaleString("en-US"));
  });

  it("npm start runs the default study, as giftsim run does, instead of asking for a command", async () => {
    const dirs = { npm: join(root, "npm-start"), cli: join(root, "default-run") };
    const npmStart = await npm(["start", "--silent", "--", "--replicates", "2", "--quiet", "--no-report", "--out", dirs.npm]);
    const run = await runCli(["run", "--replicates", "2", "--quiet", "--no-report", "--out", dirs.cli]);
    expect(npmStart.stdout).toMatch(/^qa-vs-challenge: 4 replicates/);
    expect(comparable(npmStart, dirs.npm)).toBe(comparable(run, dirs.cli));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Runs npm in the repository: the npm running these tests when there is one, else npm on the PATH. */
function npm(args: string[]): Promise<CliResult> {
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli !== undefined && npmCli.endsWith(".js") ? [process.execPath, [npmCli]] : ["npm", []];
  return runProcess(command, [...prefix, ...args], { cwd: ROOT });
}
