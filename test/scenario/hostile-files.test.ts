import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { loadScenario } from "../../src/scenario/index.js";
import { tempDir } from "../run/helpers.js";

/** Regressions: hostile scenario files crashed with a stack trace or reached Object.prototype. */
describe("hostile scenario files are bad input (exit 2), never a crash", () => {
  const dir = tempDir("hostile");
  const refused = (name: string, text: string): GiftsimError => {
    const file = join(dir, name);
    writeFileSync(file, text);
    try {
      loadScenario(file);
    } catch (error) {
      expect(error).toBeInstanceOf(GiftsimError);
      expect((error as GiftsimError).exitCode).toBe(2);
      return error as GiftsimError;
    }
    throw new Error(`${name} was accepted`);
  };

  it("refuses nesting thousands deep instead of overflowing the parser's stack", () => {
    expect(refused("deep.yaml", `${"[".repeat(5000)}${"]".repeat(5000)}`).message).toMatch(/not valid YAML\/JSON/);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const bomb = ["a: &a [1,1,1,1,1,1,1,1,1]", "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]", "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]", "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]"];
    expect(refused("bomb.yaml", bomb.join("\n")).message).toMatch(/alias/i);
  });

  it("refuses a sweep path through __proto__ and leaves Object.prototype alone", () => {
    const text = ["name: proto", "description: x", "question: x?", "preset: tiktok", "sweep:", "  model.__proto__.horizonWeeks: [1, 2]", "replicates: 2", "seed: 1"];
    expect(refused("proto.yaml", text.join("\n")).message).toMatch(/without __proto__/);
    expect(({} as Record<string, unknown>).horizonWeeks).toBeUndefined();
  });

  it("refuses a __proto__ key in YAML or JSON instead of dropping it and inheriting its contents", () => {
    const yaml = ["name: proto", "description: x", "question: x?", "preset: tiktok", "replicates: 2", "seed: 1", "arms:", "  - name: a", "    model:", "      __proto__:", "        horizonWeeks: 1"];
    expect(refused("proto-key.yaml", yaml.join("\n")).message).toMatch(/line 10, column 7: got "__proto__", expected a field of the scenario format/);
    const json = { name: "proto", description: "x", question: "x?", preset: "tiktok", replicates: 2, seed: 1, arms: [{ name: "a", model: {} }] };
    const text = JSON.stringify(json).replace('"model":{}', '"model":{"__proto__":{"horizonWeeks":1}}');
    expect(refused("proto-key.json", text).message).toMatch(/got "__proto__"/);
  });

  it("refuses a gift price whose price x count would overflow the core's int32 coins", () => {
    const gifts = `[{ id: 0, name: Huge, priceCoins: 300000, source: test }]`;
    const text = ["name: huge", "description: x", "question: x?", "preset: tiktok", `economy: { gifts: ${gifts} }`, "replicates: 2", "seed: 1"];
    expect(refused("huge.yaml", text.join("\n")).message).toMatch(/priceCoins: got 300000, expected a number <= 214748/);
  });
});
