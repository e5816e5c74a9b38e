import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../../src/errors.js";
import { resolveSimConfig } from "../../../src/scenario/index.js";
import { DEFAULT_SIM_CONFIG, FORMAT_IDS, TACTIC_IDS } from "../../../src/sim/index.js";
import { TACTIC_PARAMS } from "../../../src/sim/tactics/params.js";

describe("tactic parameters, declared beside each tactic", () => {
  it("make up config.creators.tactics: every tactic's defaults, under its id, in TACTIC_IDS order, all off", () => {
    expect(Object.keys(DEFAULT_SIM_CONFIG.creators.tactics)).toEqual([...TACTIC_IDS]);
    for (const id of TACTIC_IDS) {
      expect(DEFAULT_SIM_CONFIG.creators.tactics[id]).toEqual(TACTIC_PARAMS[id].defaults);
      expect(TACTIC_PARAMS[id].schema.safeParse(TACTIC_PARAMS[id].defaults).success).toBe(true);
      expect(DEFAULT_SIM_CONFIG.creators.tactics[id].enabled).toBe(false);
    }
  });

  it("are no format's: no format's parameters switch a tactic", () => {
    for (const id of FORMAT_IDS) for (const key of Object.keys(DEFAULT_SIM_CONFIG.formats[id])) expect(key).not.toMatch(/goal|ticker|series|shout|perk/i);
  });

  it("keep each tactic's own limits, reported at the field's place under creators.tactics", () => {
    let error: unknown;
    try {
      resolveSimConfig({ creators: { tactics: { topGifterPerk: { topK: 11 }, series: { weeks: 0 }, goalBar: { payoffSatisfaction: 2 } } } }, "model");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GiftsimError);
    const paths = (error as GiftsimError).problems.map((p) => p.path);
    expect(paths).toEqual(["model.creators.tactics.goalBar.payoffSatisfaction", "model.creators.tactics.series.weeks", "model.creators.tactics.topGifterPerk.topK"]);
  });
});
