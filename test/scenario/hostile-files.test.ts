import { execFileSync } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { loadScenario } from "../../src/scenario/index.js";
import { MAX_SCENARIO_FILE_BYTES } from "../../src/scenario/read-file.js";
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

  it("says a file holds two documents, not the parser's advice to call parseAllDocuments (regression)", () => {
    expect(refused("two.yaml", "name: a\n---\nname: b\n").message).toContain("line 2, column 1: got \"---\", expected one YAML document (this file holds more, separated by ---)");
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
    expect(refused("huge.yaml", text.join("\n")).message).toMatch(/priceCoins: got 300000, expected at most 214748/);
  });

  const header = ["name: s", "question: x?", "preset: tiktok", "replicates: 2", "seed: 1"];

  it("refuses a file over the size limit before reading it, naming the file, its size and the limit", () => {
    const name = "oversize.yaml";
    const error = refused(name, `${header.join("\n")}\n${"#".repeat(MAX_SCENARIO_FILE_BYTES)}\n`);
    const size = statSync(join(dir, name)).size;
    expect(error.message).toBe(`${join(dir, name)}: ${size} bytes, expected at most ${MAX_SCENARIO_FILE_BYTES} bytes (the size limit of a scenario file)`);
  });

  it("refuses what is not a regular file before opening it: an endless device, a FIFO that would block open for ever (regression)", () => {
    const message = (file: string) => {
      try {
        loadScenario(file);
      } catch (error) {
        expect((error as GiftsimError).exitCode).toBe(2);
        return (error as GiftsimError).message;
      }
      throw new Error(`${file} was accepted`);
    };
    expect(message("/dev/zero")).toBe("/dev/zero: a regular file, not a device");
    const fifo = join(tempDir("fifo"), "study.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(message(fifo)).toBe(`${fifo}: a regular file, not a FIFO`);
    expect(message(tempDir("folder"))).toMatch(/: a regular file, not a folder$/);
  });

  it("40,000 unknown keys: one pass (the parser's unique-key check was quadratic), and the first 20 problems plus a count", () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: 1`);
    const lines = refused("many-keys.yaml", [...header, ...keys].join("\n")).message.split("\n");
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines[1]).toMatch(/^  k0: got 1, expected no such key/);
    expect(lines[21]).toBe("  ... and 39980 more problems");
  });

  it("still refuses a repeated key, at its line, with the unique-key check done outside the parser", () => {
    const error = refused("repeated.yaml", [...header, "model:", "  horizonWeeks: 1", "  horizonWeeks: 2"].join("\n"));
    expect(error.message).toMatch(/line 8, column 3: got "horizonWeeks: 2", expected valid YAML or JSON \(Map keys must be unique\)/);
  });

  it("refuses a self-referencing alias instead of throwing 'Converting circular structure to JSON'", () => {
    const error = refused("cycle.yaml", [...header, "model: &m {population: *m}"].join("\n"));
    expect(error.message).toMatch(/line 6, column 24: got "\*m", expected an alias of a node outside the mapping &m it is in/);
    expect(refused("cycle-list.yaml", [...header, "metrics: &l [coinsPerLiveHour, [*l]]"].join("\n")).message).toMatch(/outside the list &l/);
  });

  it("a model written as a YAML 1.1 ordered map is refused at its tag, not told 'got {}, expected a record' (regression)", () => {
    const error = refused("omap.yaml", [...header, "model: !!omap [{horizonWeeks: 1}]"].join("\n"));
    expect(error.message).toMatch(/line 6, column 8: got "model: !!omap \[\{horizonWeeks: 1\}\]", expected a plain mapping, list or value, without !!omap/);
    expect(refused("null-model.yaml", [...header, "model:"].join("\n")).message).toMatch(/model: got null, expected an object$/);
    writeFileSync(join(dir, "map-tag.yaml"), [...header, "model: !!map {horizonWeeks: 1}"].join("\n"));
    expect(loadScenario(join(dir, "map-tag.yaml")).scenario.cells[0].config.horizonWeeks).toBe(1);
  });

  it("parses a .json file as JSON: a trailing comma is refused at its line and column, not read as YAML", () => {
    const error = refused("trailing.json", '{\n  "name": "s",\n  "question": "x?",\n  "preset": "tiktok",\n  "replicates": 2,\n  "seed": 1,\n}\n');
    expect(error.message).toMatch(/trailing\.json: not valid JSON:\n  line 7, column 1: got "}", expected valid JSON \(/);
    expect(() => loadScenario(join(dir, "valid.json"))).toThrow(/no such file/);
    writeFileSync(join(dir, "valid.json"), `\uFEFF${JSON.stringify({ name: "s", question: "x?", preset: "tiktok", replicates: 2, seed: 1 })}`);
    expect(loadScenario(join(dir, "valid.json")).scenario.name).toBe("s");
  });
});
