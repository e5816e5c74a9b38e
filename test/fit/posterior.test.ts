/**
 * The posterior in brief: a final population that is still the prior's (generation 0) is said
 * to be no fit, in words the report, the terminal and the manifest all carry.
 */
import { describe, expect, it } from "vitest";
import { priorOnlyWarning } from "../../src/fit/posterior.js";
import type { AbcPopulation, AbcState } from "../../src/stats/index.js";

const population = (generation: number): AbcPopulation => ({ generation, tolerance: generation === 0 ? null : 1, values: [0, 1], weights: [0.5, 0.5], distances: [0, 1], proposals: 2, acceptance: 1, ess: 2 });

describe("priorOnlyWarning", () => {
  it("says plainly that a final population of generation 0 is the prior, not a fit", () => {
    const stopped: AbcState = { scales: [1], populations: [population(0)], unfinishedProposals: 7, stop: "acceptance" };
    expect(priorOnlyWarning(stopped)).toMatch(/^Not a fit: the final population is generation 0, the prior itself \(the sampler stopped on acceptance/);
  });

  it("says nothing once a later generation filled", () => {
    expect(priorOnlyWarning({ scales: [1], populations: [population(0), population(1)], unfinishedProposals: 0, stop: "generations" })).toBe("");
  });
});
