import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../../src/errors.js";
import { resolveSimConfig } from "../../../src/scenario/index.js";
import { DEFAULT_SIM_CONFIG, FORMAT_IDS } from "../../../src/sim/index.js";
import { FORMAT_PARAMS } from "../../../src/sim/formats/params.js";

describe("format parameters, declared beside each format", () => {
  it("make up config.formats: every format's defaults, under its id, in FORMAT_IDS order", () => {
    expect(Object.keys(DEFAULT_SIM_CONFIG.formats)).toEqual([...FORMAT_IDS]);
    for (const id of FORMAT_IDS) {
      expect(DEFAULT_SIM_CONFIG.formats[id]).toEqual(FORMAT_PARAMS[id].defaults);
      expect(FORMAT_PARAMS[id].schema.safeParse(FORMAT_PARAMS[id].defaults).success).toBe(true);
    }
  });

  it("keep each format's own limits, reported at the field's place under formats", () => {
    let error: unknown;
    try {
      resolveSimConfig({ formats: { battle: { rivalPool: 501 }, qa: { askProbability: 2 }, "behind-the-scenes": { durationFactor: 0 } } }, "model");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GiftsimError);
    const paths = (error as GiftsimError).problems.map((p) => p.path);
    expect(paths).toEqual(["model.formats.qa.askProbability", "model.formats.battle.rivalPool", "model.formats.behind-the-scenes.durationFactor"]);
  });
});
