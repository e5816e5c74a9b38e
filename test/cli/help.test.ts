import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { OPTION_ENTRY, helpCommands, sections } from "../cli-help.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** A YAML file named on a command line; `key.yaml=` (kubectl's --from-file key) names no file. */
const YAML_PATH = /[\w./-]+\.ya?ml(?![=\w])/g;

/**
 * Options and positionals of a --help text that have no description: yargs prints an entry's
 * name, its description, then bracketed facts ([number] [default: 1]), so an entry whose first
 * line holds only brackets after its name was given no description.
 */
function undescribed(help: string): { entries: string[]; undescribed: string[] } {
  const parts = sections(help);
  const entry = (pattern: RegExp) => (line: string) => {
    const match = pattern.exec(line);
    return match?.groups === undefined ? [] : [{ name: match.groups.name, rest: match.groups.rest }];
  };
  const entries = [
    ...(parts.get("Options:") ?? []).flatMap(entry(OPTION_ENTRY)),
    ...(parts.get("Positionals:") ?? []).flatMap(entry(/^ {2}(?<name>\w[\w-]*)(?<rest>.*)$/)),
  ];
  return {
    entries: entries.map(({ name }) => name),
    undescribed: entries.filter(({ rest }) => rest.replace(/\[[^\]]*\]/g, "").trim() === "").map(({ name }) => name),
  };
}

let commands: string[];
let helps: Map<string, string>;

beforeAll(async () => {
  const top = await runCli(["--help"]);
  expect(top.code).toBe(0);
  commands = helpCommands(top.stdout);
  const texts = await Promise.all(commands.map((command) => runCli([command, "--help"])));
  helps = new Map(commands.map((command, i) => [command, texts[i].stdout]));
});

describe("giftsim --help", () => {
  it("finds every command, and an entry without a description when there is one", () => {
    expect(commands).toEqual(expect.arrayContaining(["run", "compare", "sweep", "merge", "report", "validate", "scenarios", "load", "serve", "bench"]));
    expect(undescribed("Options:\n      --events                      [number] [default: 1]\n      --batch   events per call  [number]\n").undescribed).toEqual(["--events"]);
  });

  it("describes every option and positional of every command (bench's had none)", () => {
    for (const [command, help] of helps) {
      const { entries, undescribed: missing } = undescribed(help);
      expect(entries.length, command).toBeGreaterThan(2);
      expect(missing, `giftsim ${command} --help`).toEqual([]);
    }
    expect(undescribed(helps.get("bench") ?? "").entries).toEqual(expect.arrayContaining(["--events", "--viewers", "--creators", "--gifts", "--batch", "--json"]));
  });

  it("names only scenario files that exist in its examples (run's named a study.yaml there is none of)", () => {
    const named = [...helps].flatMap(([command, help]) => (sections(help).get("Examples:") ?? []).flatMap((line) => [...line.matchAll(YAML_PATH)].map(([path]) => ({ command, path }))));
    expect(named.filter(({ command }) => command === "run").length).toBeGreaterThan(3);
    expect(named.filter(({ path }) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});

describe("README and docs", () => {
  it("name only scenario files that exist in their code blocks", () => {
    const files = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((name) => name.endsWith(".md")).map((name) => join("docs", name))];
    const named = files.flatMap((file) => codeBlocks(readFileSync(join(ROOT, file), "utf8")).flatMap((block) => [...block.matchAll(YAML_PATH)].map(([path]) => ({ file, path }))));
    expect(named.some(({ file, path }) => file === "README.md" && path === "scenarios/qa-vs-challenge.yaml")).toBe(true);
    expect(named.filter(({ path }) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});

/** Fenced blocks of code a reader runs (shell, TypeScript, Python, SQL); not samples of output or of a scenario file. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(sh|bash|shell|ts|js|python|sql)\n([\s\S]*?)^```$/gm)].map((match) => match[2]);
}
