import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinScenarioDir, loadScenario } from "../../src/scenario/index.js";
import { METRIC_NAMES } from "../../src/sim/index.js";

const BUILT_INS = [
  "qa-vs-challenge",
  "qa-vs-challenge-as-guided",
  "battle-night",
  "battle-league",
  "schedule-2-vs-4",
  "goal-bar-effect",
  "web-vs-app-pricing",
  "payout-threshold",
  "creator-share-sweep",
  "drip-feed-vs-spike",
  "platform-compare",
  "four-week-series",
  "whale-dependence",
  "schedule-frequency",
  "schedule-frequency-strained",
  "platform-scale",
];

describe("built-in scenarios", () => {
  it("ship one file per built-in question", () => {
    const names = readdirSync(builtinScenarioDir()).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));
    expect(names.sort()).toEqual([...BUILT_INS].sort());
  });

  // Resolved by the library a run uses (regression: this test once merged arms and sweep points
  // its own way, so it could pass on a file the real resolution refuses).
  it.each(BUILT_INS)("%s resolves for every arm and sweep point", (name) => {
    const { scenario } = loadScenario(join(builtinScenarioDir(), `${name}.yaml`));
    expect(scenario.name).toBe(name);
    expect(scenario.question.endsWith("?")).toBe(true);
    for (const metric of scenario.metrics) expect(METRIC_NAMES).toContain(metric);
    for (const arm of scenario.arms) {
      const cells = scenario.cells.filter((cell) => cell.arm === arm.name);
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.config.platform.preset).toBe(arm.preset);
    }
    for (const axis of scenario.sweep) {
      expect(scenario.cells.map((cell) => cell.point[axis.path])).toEqual(expect.arrayContaining(axis.values));
    }
  });
});
