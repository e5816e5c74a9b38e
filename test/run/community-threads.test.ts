// One replicate spread over threads by community (run.ts, community-join.ts): the same bytes on
// any thread count, the same numbers as runReplicate joining the communities one after another,
// and a half-done run resumed to the whole run's result.
import { copyFileSync, mkdirSync, statSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadScenario, type ScenarioPlan } from "../../src/scenario/index.js";
import { runPlan, type RunOutcome } from "../../src/run/index.js";
import { CHECKPOINT_HEADER, CHECKPOINT_RECORDS, readRecords } from "../../src/run/checkpoint.js";
import { replicateInput } from "../../src/run/chunk.js";
import { workerContext } from "../../src/run/run.js";
import { communityCount, runReplicate } from "../../src/sim/index.js";
import { fixture, outputFiles, tempDir } from "./helpers.js";

let plan: ScenarioPlan;
let reference: { dir: string; outcome: Extract<RunOutcome, { state: "finished" }>; files: Record<string, string> };

function finished(outcome: RunOutcome) {
  if (outcome.state !== "finished") throw new Error(`run ended ${outcome.state}: ${JSON.stringify(outcome)}`);
  return outcome;
}

beforeAll(async () => {
  plan = loadScenario(fixture("scenarios/communities.yaml"));
  const dir = join(tempDir("communities"), "run");
  reference = { dir, outcome: finished(await runPlan(plan, { out: dir, workers: 1 })), files: {} };
  reference.files = outputFiles(dir);
});

describe("a replicate spread over threads by community", () => {
  it("the fixture is a world of three communities, with disjoint pools in one arm and shared audiences in the other", () => {
    expect(plan.scenario.cells.map((cell) => [communityCount(cell.config), cell.config.audience.overlap])).toEqual([
      [3, false],
      [3, true],
    ]);
  });

  it.each([2, 4])("%s threads: byte-identical outputs and checksum to 1 thread", async (workers) => {
    const dir = join(tempDir("communities"), "run");
    const outcome = finished(await runPlan(plan, { out: dir, workers }));
    expect(outcome.manifest.checksums.results).toBe(reference.outcome.manifest.checksums.results);
    expect(outputFiles(dir)).toEqual(reference.files);
  });

  it("each replicate is bit-identical to runReplicate's, which joins the communities in one thread", () => {
    const context = workerContext(plan);
    for (const record of reference.outcome.records) {
      const { config, seed } = replicateInput(context, record.cell, record.replicate);
      const alone = runReplicate(config, seed);
      expect(alone.audit.state).toBe("passed");
      expect(Buffer.from(record.metrics.buffer, record.metrics.byteOffset, record.metrics.byteLength)).toEqual(Buffer.from(alone.metrics.buffer));
      expect(Array.from(record.streams)).toEqual(Array.from(alone.streams));
      expect(Array.from(record.timeseries)).toEqual(Array.from(alone.timeseries));
    }
  });

  it("a run stopped after its first replicate resumes to the whole run's result", async () => {
    const dir = join(tempDir("communities-resume"), "run");
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(reference.dir, CHECKPOINT_HEADER), join(dir, CHECKPOINT_HEADER));
    copyFileSync(join(reference.dir, CHECKPOINT_RECORDS), join(dir, CHECKPOINT_RECORDS));
    const first = readRecords(join(dir, CHECKPOINT_RECORDS)).intactBytes / reference.outcome.records.length;
    // Cut inside the second record: one replicate done, one torn, one not begun.
    truncateSync(join(dir, CHECKPOINT_RECORDS), Math.floor(first * 1.5));
    expect(readRecords(join(dir, CHECKPOINT_RECORDS)).records.length).toBe(1);
    expect(statSync(join(dir, CHECKPOINT_RECORDS)).size).toBeGreaterThan(first);
    const outcome = finished(await runPlan(plan, { out: dir, workers: 2, resume: true }));
    expect(outcome.resumed).toBe(1);
    expect(outcome.manifest.checksums.results).toBe(reference.outcome.manifest.checksums.results);
    expect(outputFiles(dir)).toEqual(reference.files);
  });
});
