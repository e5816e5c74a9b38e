/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers, or to what it models, must
 * update them deliberately and say why in its commit. They last changed with issue 13's common
 * random numbers (a replicate's draws split into streams per purpose, keyed per viewer, per
 * follower and day, and per stream: src/sim/random-streams.ts), which redraws every number of
 * the same model; before that with issue 12's model. docs/model.md describes each.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveSimConfig } from "../../src/scenario/index.js";
import { FORMAT_IDS, runReplicate, type EventLogChunk, type ReplicateOptions, type ReplicateOutput } from "../../src/sim/index.js";

const GOLDEN: Record<string, string> = {
  qa: "45e4e764582e4372f041962e82506962b1095afb089eeede5232e734096fb297",
  challenge: "d18785f237aad3faaa117735986d60b8e25144920a53b7aeeecf4e48865676a3",
};

/** sha256 over the output arrays' bytes, the event count, the audit and every applied log row. */
function digest(run: (options: ReplicateOptions) => ReplicateOutput): string {
  const hash = createHash("sha256");
  const feed = (kind: string) => <C extends string>(chunk: EventLogChunk<C>) => {
    hash.update(kind);
    for (const column of Object.values(chunk.columns) as Float64Array[]) hash.update(new Uint8Array(column.buffer, 0, chunk.length * 8));
  };
  const out = run({ eventLog: { purchases: feed("purchases"), gifts: feed("gifts"), payouts: feed("payouts") } });
  for (const array of [out.metrics, out.streams, out.timeseries]) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  hash.update(JSON.stringify({ events: out.simulatedEvents, audit: out.audit }));
  return hash.digest("hex");
}

describe("golden replicates of qa-vs-challenge", () => {
  const plan = loadScenario(join(import.meta.dirname, "../../scenarios/qa-vs-challenge.yaml"));

  it.each(plan.scenario.cells.map((cell) => [cell.arm, cell] as const))("%s arm, seed golden-42: outputs and event log unchanged", (arm, cell) => {
    expect(digest((options) => runReplicate(cell.config, "golden-42", options))).toBe(GOLDEN[arm]);
  });
});

/** Digests of each format with every creator tactic, the series goal and a promotion on (two creators, two weeks). */
const GOLDEN_ALL_TACTICS: Record<string, string> = {
  casual: "34cb234f1adc69b93dc102fba0601378fbcd2606cc104fbf13dac2ceb5c9ea15",
  qa: "96ad619d1e69e02619d22b793ed5d6eb4e9ee6208d358dbfc129c2ba16d7f224",
  challenge: "2626cec2744f6c06f7d771cb9ee758cf589604de09980373df76f0ad8d34e942",
  battle: "4425263989f699d799dcc49709f18945d8e264e1a71d2df0c241ddf00e9ee146",
  "behind-the-scenes": "100d0714e9e049dcebd62cefb2a13e4ae8b146c0b35a177832fa49db227152a1",
};

describe("golden replicates with every tactic on", () => {
  it.each(FORMAT_IDS.map((id) => [id] as const))("%s: outputs and event log unchanged", (format) => {
    const config = resolveSimConfig({
      horizonWeeks: 2,
      creators: {
        count: 2,
        formats: [format],
        tactics: { goalBar: { enabled: true }, series: { enabled: true, weeks: 1, goalCoins: 20_000 }, shoutOuts: { enabled: true }, topGifterPerk: { enabled: true } },
      },
      promotion: { enabled: true },
    });
    expect(digest((options) => runReplicate(config, "golden-tactics-7", options))).toBe(GOLDEN_ALL_TACTICS[format]);
  });
});
