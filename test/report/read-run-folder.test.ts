import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { readRunFolder, writeReport } from "../../src/report/index.js";
import { parseCsv } from "../../src/run/read-csv.js";
import { syntheticRunFolder, twoArmScenario } from "./helpers.js";

describe("readRunFolder", () => {
  it("reads the scenario, cells, replicates (NaN kept), calibration and timeseries of a run folder", () => {
    const dir = syntheticRunFolder({
      scenario: twoArmScenario({ sweep: { "economy.policy.creatorShareBps": [4000, 6000] } }),
      replicates: 3,
      metric: (name, { replicate }) => (name === "arppuMicros" && replicate === 1 ? Number.NaN : undefined),
    });
    const data = readRunFolder(dir);
    expect(data.scenario).toMatchObject({ name: "synthetic-qa-vs-challenge", preset: "tiktok", metrics: ["coinsPerLiveHour", "creatorEarningsMicros", "nextStreamReturnRate"] });
    expect(data.cells.map((cell) => cell.label)).toEqual(["Q&A · creator share 40%", "Q&A · creator share 60%", "challenge · creator share 40%", "challenge · creator share 60%"]);
    expect(data.run).toMatchObject({ replicates: 3, audit: "passed", shards: null });
    expect(data.replicates[0].arppuMicros).toHaveLength(3);
    expect(Number.isNaN(data.replicates[0].arppuMicros[1])).toBe(true);
    expect(data.metricInfo.coinsPerLiveHour.label).toBe("Gifted coins per live hour");
    expect(data.calibration[0].map((entry) => entry.id)).toContain("gifting-concentration");
    expect(data.timeseries?.columns.slice(0, 3)).toEqual(["cell", "replicate", "day"]);
    expect(data.timeseries?.rows).toHaveLength(4 * 3 * 14);
  });

  it("names what is wrong with a folder that is not a finished run", () => {
    const dir = syntheticRunFolder({ scenario: twoArmScenario(), replicates: 2 });
    const csv = readFileSync(join(dir, "replicates.csv"), "utf8");
    writeFileSync(join(dir, "replicates.csv"), csv.replace(/\nchallenge,/, "\nbattle,"));
    expect(() => readRunFolder(dir)).toThrow(/replicates\.csv has a row for arm "battle", point 0, which the manifest does not plan/);
    writeFileSync(join(dir, "manifest.json"), "{ not json");
    expect(() => readRunFolder(dir)).toThrow(GiftsimError);
    expect(() => readRunFolder(dir)).toThrow(/manifest\.json is not valid JSON/);
  });

  it("writes no report for a folder whose manifest does not record a passed audit", async () => {
    const dir = syntheticRunFolder({ scenario: twoArmScenario(), replicates: 2 });
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { audit: { state: string } };
    manifest.audit.state = "failed";
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
    await expect(writeReport(dir)).rejects.toMatchObject({ code: "AUDIT_FAILED", exitCode: 1 });
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and plain files the same way", () => {
    expect(parseCsv('a,b,c\n1,"x, ""y""\nz",\n2,,inf\n')).toEqual({ header: ["a", "b", "c"], rows: [["1", 'x, "y"\nz', ""], ["2", "", "inf"]] });
    expect(parseCsv("a,b\r\n1,2\r\n")).toEqual({ header: ["a", "b"], rows: [["1", "2"]] });
    expect(parseCsv('a,b\r\n1,"2"\r\n')).toEqual({ header: ["a", "b"], rows: [["1", "2"]] });
  });
});
