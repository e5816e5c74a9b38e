/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers, or to what it models, must
 * update them deliberately and say why in its commit. They last changed with issue 15's watchers
 * in bulk (src/sim/stream/watchers.ts: a viewer who cannot gift leaves on a departure drawn once,
 * on the crowd clock, so fewer draws are made); the one-by-one path, which the bulk one is tested
 * against (test/sim/stream/watchers.test.ts), keeps the digests it had, pinned below too. Before
 * that with issue 15's creator
 * income metrics (13 metric columns, NaN in these worlds of one or two creators; with those
 * columns left out the digests were the ones before). Before that with issue 13's common
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
  qa: "9a935d199317342c48c987cb97c5e63479d46d47e5f6e01c20f73e6a4523ca26",
  challenge: "a8da948541b254ab0f206ad3dc8274d306897869f5ecfddda1e79f0ee5c5a9a4",
};

/** With watchersInBulk false: every departure clock one by one, as before watchers in bulk. */
const GOLDEN_ONE_BY_ONE: Record<string, string> = {
  qa: "43adafab2bcaad389ab722045eaddab22120a38d5e404cd1b0e72faedd032042",
  challenge: "78ecdb6a6146ac2ab04dbd41bc4cfeb2947508d6bef540e16990a32013425e5d",
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

  it.each(plan.scenario.cells.map((cell) => [cell.arm, cell] as const))("%s arm, every departure clock one by one: outputs and event log unchanged", (arm, cell) => {
    expect(digest((options) => runReplicate(cell.config, "golden-42", { ...options, watchersInBulk: false }))).toBe(GOLDEN_ONE_BY_ONE[arm]);
  });
});

/** Digests of each format with every creator tactic, the series goal and a promotion on (two creators, two weeks). */
const GOLDEN_ALL_TACTICS: Record<string, string> = {
  casual: "da95b57ec50c4c5a60705769573c5baca4d27d9675932e11b642c05ffef08926",
  qa: "3696de644ef79ae4c97fe03a9447ac03181efcfd2568cc45bbf264a24d77cb6a",
  challenge: "5aaf5085a727e8fc2c569429c51107a17091aa38de60e4ca064453871990b801",
  battle: "b7388fffb3d8b95195242e1fbbd0299d7f06ae3c7d65076a9c0ef94bfb2d3561",
  "behind-the-scenes": "5a3a9abedb755ecbd72ece9f4717199a88f090dc9aeaab4379c5ba3d20e1401d",
};

/** The same, every departure clock one by one. */
const GOLDEN_ALL_TACTICS_ONE_BY_ONE: Record<string, string> = {
  casual: "fbf029135e4967ca4dca77c9f55c7385afc691ff1ea5541592699c515a3f77d7",
  qa: "f1e28293c5d432454fb06295bac601c2201e9c2afb5ad277294ea1c104737c30",
  challenge: "cda470d1e6da2f3141e1c432cd7fd9a683303ca45ea6f94767dc643a575bd69f",
  battle: "d6c80e96f90f9572c0994cc15a79e5a5b17807f58c266c5bd61fe75032470352",
  "behind-the-scenes": "f7b876d5858b6739b722e482a6bfed02abae9a686b8a08e57d64e0c92327b551",
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
    expect(digest((options) => runReplicate(config, "golden-tactics-7", { ...options, watchersInBulk: false }))).toBe(GOLDEN_ALL_TACTICS_ONE_BY_ONE[format]);
  });
});
