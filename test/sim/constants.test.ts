// The table of behavioural constants (src/sim/constants.ts): it covers every leaf of the config,
// each range holds its default and every point of it is a config that resolves and runs, every
// source is traceable (quoted passages found in ../shared), and docs/model.md lists the table.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveModel } from "../../src/scenario/index.js";
import {
  CALIBRATION_FACTS,
  CONSTANT_PATHS,
  DEFAULT_SIM_CONFIG,
  EXCLUDED_PATHS,
  MODEL_CONSTANTS,
  SOURCE_FILES,
  constantAt,
  runReplicate,
  withConstant,
  type ModelConstant,
  type SimConfig,
} from "../../src/sim/index.js";

/** The path of every leaf (number, boolean, string, null) of a config tree, arrays by index. */
function leafPaths(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, child]) => leafPaths(child, prefix === "" ? key : `${prefix}.${key}`));
}

const excluded = (path: string) => Object.keys(EXCLUDED_PATHS).some((p) => path === p || path.startsWith(`${p}.`));

/** Leaves of a config that are neither a constant of the table nor excluded. */
function uncovered(config: unknown): string[] {
  return leafPaths(config).filter((path) => !CONSTANT_PATHS.includes(path) && !excluded(path));
}

describe("every leaf of the config is a constant or an exclusion", () => {
  it("DEFAULT_SIM_CONFIG has no leaf outside the table and the exclusions", () => {
    expect(uncovered(DEFAULT_SIM_CONFIG)).toEqual([]);
  });

  it("a new parameter without a row is caught", () => {
    const withDummy = { ...DEFAULT_SIM_CONFIG, gifting: { ...DEFAULT_SIM_CONFIG.gifting, dummyFactor: 1 } };
    expect(uncovered(withDummy)).toEqual(["gifting.dummyFactor"]);
  });

  it("every constant is a number of the defaults and not excluded; every exclusion names a part of the defaults", () => {
    for (const path of CONSTANT_PATHS) {
      expect(() => constantAt(DEFAULT_SIM_CONFIG, path), path).not.toThrow();
      expect(excluded(path), path).toBe(false);
    }
    expect(new Set(CONSTANT_PATHS).size).toBe(CONSTANT_PATHS.length);
    const leaves = leafPaths(DEFAULT_SIM_CONFIG);
    for (const path of Object.keys(EXCLUDED_PATHS)) expect(leaves.some((leaf) => leaf === path || leaf.startsWith(`${path}.`)), path).toBe(true);
  });
});

describe("ranges and sources", () => {
  it("every range holds its default (low <= default <= high, low < high), whole where it must be", () => {
    const bad = MODEL_CONSTANTS.filter(({ range: [low, high], default: value, integer }) => !(low <= value && value <= high && low < high) || (integer && ![low, value, high].every(Number.isInteger)));
    expect(bad).toEqual([]);
  });

  const facts = CALIBRATION_FACTS.map((f) => f.id);
  const shared = new URL("../../../shared/", import.meta.url);
  const normalized = (text: string) => text.replace(/\s+/g, " ");
  const sourceText = new Map<string, string>();
  const read = (file: string) => {
    if (!sourceText.has(file)) sourceText.set(file, normalized(readFileSync(new URL(file, shared), "utf8")));
    return sourceText.get(file) as string;
  };

  it("every source is stated: a tuned constant names a calibration fact; no reason is empty", () => {
    for (const { path, source } of MODEL_CONSTANTS) {
      if (source.kind === "tuned") {
        expect(facts, path).toContain(source.fact);
        expect(source.how.trim(), path).not.toBe("");
      }
      if (source.kind === "assumption") expect(source.why.trim(), path).not.toBe("");
      if (source.kind !== "tuned" && source.quote !== undefined) expect(source.quote.text.trim(), path).not.toBe("");
    }
    expect(Object.values(EXCLUDED_PATHS).every((why) => why.trim() !== "")).toBe(true);
  });

  it.skipIf(!existsSync(new URL("economics.md", shared)))("every quoted passage is in the source it names (../shared)", () => {
    const missing = MODEL_CONSTANTS.flatMap(({ path, source }) => {
      const quote = source.kind === "tuned" ? undefined : source.quote;
      return quote === undefined || read(SOURCE_FILES[quote.ref]).includes(normalized(quote.text)) ? [] : [`${path}: "${quote.text}" not in ${SOURCE_FILES[quote.ref]}`];
    });
    expect(missing).toEqual([]);
  });
});

/**
 * A small world that runs every mechanism the constants feed (all formats in rotation, every
 * tactic, series and promotion on) in one short week: a replicate takes a few milliseconds.
 */
const TINY: SimConfig = resolved({
  horizonWeeks: 1,
  population: { poolSize: 300, initialFollowers: 30 },
  creators: {
    schedule: { days: ["mon", "tue", "wed", "thu", "fri"], durationMinutes: 15 },
    formats: ["casual", "qa", "challenge", "battle", "behind-the-scenes"],
    tactics: { goalBar: { enabled: true, goalCoins: 300 }, shoutOuts: { enabled: true }, topGifterPerk: { enabled: true }, series: { enabled: true, goalCoins: 2_000 } },
  },
  discovery: { arrivalsPerHour: 150 },
  promotion: { enabled: true, arrivalsPerStream: 30 },
});

function resolved(overrides: unknown): SimConfig {
  const resolution = resolveModel(overrides);
  if (resolution.kind !== "resolved") throw new Error(`does not resolve: ${JSON.stringify(resolution)}`);
  return resolution.config;
}

describe("every end of every range is a config that resolves and runs", () => {
  it.each([
    ["low", 0],
    ["high", 1],
  ] as const)("each constant alone at its %s end: the default config resolves; the small world runs and its audit passes", (_, end) => {
    const failures: string[] = [];
    for (const constant of MODEL_CONSTANTS) {
      const value = constant.range[end];
      const full = resolveModel(withConstant(DEFAULT_SIM_CONFIG, constant.path, value));
      if (full.kind !== "resolved") failures.push(`${constant.path} = ${value}: ${full.kind}`);
      const output = runReplicate(resolved(withConstant(TINY, constant.path, value)), `constants/${constant.path}/${end}`);
      if (output.audit.state !== "passed") failures.push(`${constant.path} = ${value}: audit ${output.audit.state}`);
    }
    expect(failures).toEqual([]);
  });

  it("all constants together at their lows, at their highs, and at 12 mixed corners of the box resolve and run", () => {
    // Mixed corners from a fixed linear congruential sequence: constant i of corner k at its low or high end.
    let state = 12_345;
    const bit = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) >> 16) & 1;
    const corners = [MODEL_CONSTANTS.map(() => 0 as const), MODEL_CONSTANTS.map(() => 1 as const), ...Array.from({ length: 12 }, () => MODEL_CONSTANTS.map(() => bit() as 0 | 1))];
    const failures: string[] = [];
    corners.forEach((ends, k) => {
      const at = (config: SimConfig) => MODEL_CONSTANTS.reduce((c, constant, i) => withConstant(c, constant.path, constant.range[ends[i]]), config);
      const full = resolveModel(at(DEFAULT_SIM_CONFIG));
      if (full.kind !== "resolved") failures.push(`corner ${k}: ${full.kind}`);
      const output = runReplicate(resolved(at(TINY)), `constants/corner/${k}`);
      if (output.audit.state !== "passed" || output.simulatedEvents === 0) failures.push(`corner ${k}: audit ${output.audit.state}, ${output.simulatedEvents} events`);
    });
    expect(failures).toEqual([]);
  });
});

describe("constantAt and withConstant", () => {
  it("read and replace one number, leaving the input untouched", () => {
    const changed = withConstant(DEFAULT_SIM_CONFIG, "formats.challenge.sizeTilt", 0.9);
    expect(constantAt(changed, "formats.challenge.sizeTilt")).toBe(0.9);
    expect(DEFAULT_SIM_CONFIG.formats.challenge.sizeTilt).toBe(0.35);
    expect(changed.gifting).toBe(DEFAULT_SIM_CONFIG.gifting);
    expect(constantAt(withConstant(DEFAULT_SIM_CONFIG, "population.regions.1.weight", 0.3), "population.regions.1.weight")).toBe(0.3);
  });

  it("refuse a path that holds no number", () => {
    expect(() => constantAt(DEFAULT_SIM_CONFIG, "gifting.nothing")).toThrow(/gifting.nothing/);
    expect(() => withConstant(DEFAULT_SIM_CONFIG, "gifting.contagion", 1)).toThrow(/gifting.contagion/);
  });
});

describe('docs/model.md "Constants, sources and ranges"', () => {
  const doc = readFileSync(new URL("../../docs/model.md", import.meta.url), "utf8");
  const heading = "\n## Constants, sources and ranges\n";

  /** The table row docs/model.md shows for a constant. */
  const docRow = (c: ModelConstant) => {
    const cell = (text: string) => text.replace(/\|/g, "\\|");
    const quoted = (quote: { ref: keyof typeof SOURCE_FILES; text: string }) => `${SOURCE_FILES[quote.ref]}: "${cell(quote.text)}"`;
    const from =
      c.source.kind === "source"
        ? quoted(c.source.quote)
        : c.source.kind === "tuned"
          ? `tuned to \`${c.source.fact}\`: ${cell(c.source.how)}`
          : `assumption: ${cell(c.source.why)}${c.source.quote === undefined ? "" : `; after ${quoted(c.source.quote)}`}`;
    return `| \`${c.path}\` | ${c.default} | ${c.range[0]} - ${c.range[1]}${c.integer ? " (whole)" : ""} | ${from} |`;
  };

  const start = doc.indexOf(heading);
  const end = doc.indexOf("\n## ", start + 1);
  const [constants, exclusions] = doc.slice(start, end < 0 ? undefined : end).split("\n### Not sampled\n");
  const rowsOf = (text: string | undefined) => (text ?? "").split("\n").filter((line) => line.startsWith("| `"));

  it("lists every constant as the table has it, and nothing else", () => {
    expect(start, "docs/model.md has the section").toBeGreaterThanOrEqual(0);
    const expected = MODEL_CONSTANTS.map(docRow);
    expect(rowsOf(constants), `the section's rows should read:\n${expected.join("\n")}`).toEqual(expected);
  });

  it('lists every exclusion with its reason under "Not sampled"', () => {
    const expected = Object.entries(EXCLUDED_PATHS).map(([path, why]) => `| \`${path}\` | ${why} |`);
    expect(rowsOf(exclusions), `the rows under "### Not sampled" should read:\n${expected.join("\n")}`).toEqual(expected);
  });
});
