/**
 * A plan cell's price book is checked once, in scenario resolution, and compiled once per worker
 * thread: the world takes it instead of loading and validating the preset again per replicate.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileEconomy, loadEconomy, type EconomyOverrides } from "../../src/economy/index.js";
import { cellEconomy } from "../../src/run/chunk.js";
import { workerContext } from "../../src/run/run.js";
import { loadScenario } from "../../src/scenario/index.js";
import { runReplicate } from "../../src/sim/index.js";

const scenarios = join(import.meta.dirname, "../../scenarios");

describe("each plan cell's validated economy", () => {
  it("is the book of the cell's own platform, preset and overrides, for every arm of platform-compare", () => {
    const plan = loadScenario(join(scenarios, "platform-compare.yaml"), { replicates: 1 });
    expect(plan.economies).toHaveLength(plan.scenario.cells.length);
    plan.scenario.cells.forEach((cell) => {
      const { preset, overrides } = cell.config.platform;
      expect(plan.economies[cell.index]).toEqual(loadEconomy(preset, overrides as EconomyOverrides));
    });
    expect(new Set(plan.economies.map((economy) => economy.id)).size).toBe(plan.scenario.cells.length);
  });

  it("is compiled once per cell per worker context, however many replicates ask for it", () => {
    const context = workerContext(loadScenario(join(scenarios, "qa-vs-challenge.yaml"), { replicates: 2 }));
    const first = cellEconomy(context, 1);
    expect(cellEconomy(context, 1)).toBe(first);
    expect(cellEconomy(context, 0)).not.toBe(first);
  });

  it("gives the replicate bit-identical outputs to one that compiles the config's platform itself", () => {
    const plan = loadScenario(join(scenarios, "qa-vs-challenge.yaml"), { replicates: 1 });
    const config = { ...plan.scenario.cells[0].config, horizonWeeks: 1 };
    const own = runReplicate(config, "cell-economy");
    const given = runReplicate(config, "cell-economy", { economy: compileEconomy(plan.economies[0]) });
    expect(given.metrics).toEqual(own.metrics);
    expect(given.streams).toEqual(own.streams);
  });

  it("is what the world prices with: a book with another gift catalogue changes the replicate", () => {
    const plan = loadScenario(join(scenarios, "qa-vs-challenge.yaml"), { replicates: 1 });
    const config = { ...plan.scenario.cells[0].config, horizonWeeks: 1 };
    const book = structuredClone(plan.economies[0]);
    book.gifts = book.gifts.filter((gift) => gift.priceCoins >= 100);
    const own = runReplicate(config, "cell-economy");
    const cheapGiftsGone = runReplicate(config, "cell-economy", { economy: compileEconomy(book) });
    expect(cheapGiftsGone.metrics).not.toEqual(own.metrics);
  });
});
