import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { METRIC_NAMES } from "../../src/sim/index.js";
import { mergeOverrides, resolveSimConfig } from "../../src/scenario/index.js";

const dir = join(import.meta.dirname, "../../scenarios");
const BUILT_INS = [
  "qa-vs-challenge",
  "battle-night",
  "schedule-2-vs-4",
  "goal-bar-effect",
  "web-vs-app-pricing",
  "payout-threshold",
  "creator-share-sweep",
  "drip-feed-vs-spike",
  "platform-compare",
  "four-week-series",
  "whale-dependence",
];

interface ScenarioFile {
  name: string;
  question: string;
  preset: string;
  economy?: Record<string, unknown>;
  model?: Record<string, unknown>;
  arms?: { name: string; preset?: string; model?: Record<string, unknown>; economy?: Record<string, unknown> }[];
  sweep?: Record<string, unknown[]>;
  replicates: number;
  seed: number | string;
  metrics?: string[];
}

describe("built-in scenarios", () => {
  it("ship one file per built-in question", () => {
    const names = readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));
    expect(names.sort()).toEqual([...BUILT_INS].sort());
  });

  it.each(BUILT_INS)("%s resolves for every arm and sweep point", (name) => {
    const scenario = parse(readFileSync(join(dir, `${name}.yaml`), "utf8")) as ScenarioFile;
    expect(scenario.name).toBe(name);
    expect(scenario.question.endsWith("?")).toBe(true);
    for (const metric of scenario.metrics ?? []) expect(METRIC_NAMES).toContain(metric);
    const arms: NonNullable<ScenarioFile["arms"]> = scenario.arms ?? [{ name: "base" }];
    const points = Object.entries(scenario.sweep ?? {}).flatMap(([path, values]) => values.map((value) => ({ path, value })));
    for (const arm of arms) {
      for (const point of points.length > 0 ? points : [undefined]) {
        let economy = mergeOverrides(scenario.economy ?? {}, arm.economy ?? {}) as Record<string, unknown>;
        let model = mergeOverrides(scenario.model ?? {}, arm.model ?? {}) as Record<string, unknown>;
        if (point !== undefined) {
          const [domain, ...tail] = point.path.split(".");
          const patch = tail.reduceRight<unknown>((value, key) => ({ [key]: value }), point.value);
          if (domain === "economy") economy = mergeOverrides(economy, patch) as Record<string, unknown>;
          else model = mergeOverrides(model, patch) as Record<string, unknown>;
        }
        const preset = arm.preset ?? scenario.preset;
        const config = resolveSimConfig({ ...model, platform: { preset, overrides: economy } }, `arms.${arm.name}.model`);
        expect(config.platform.preset).toBe(preset);
      }
    }
  });
});
