/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers, or to what it models, must
 * update them deliberately and say why in its commit. They last changed with issue 15's watchers
 * (src/sim/stream/watchers.ts: a viewer who never pays and has no question waiting holds no slot
 * of the weighted set, so gift candidates' draws land on other slots; the model is the same) and
 * the arrivalsTurnedAway metric. The digests with watchersInBulk false (every departure as an
 * event, the path the watchers are tested against in test/sim/stream/watchers.test.ts) are
 * pinned below too; they moved with the new metric column alone (stream and day tables, event
 * counts and every other metric equal to the build before). Before that with issue 15's creator
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
  qa: "3cabea030cc5a92852c22b4b537f0c428f5d634d34eb720989a208ccaf884d28",
  challenge: "ea86f1032495ae1e16a217f5cae32badb00a6dc66af247539b2a53358ab14b17",
};

/** With watchersInBulk false: every departure clock one by one, as before watchers in bulk. */
const GOLDEN_ONE_BY_ONE: Record<string, string> = {
  qa: "76c32458247215c63d7d8e8191ddc597d0e4c39a3343229a07e12d369537786f",
  challenge: "fdcd26cb09eee5fe59d7547c41770949f6da8c83fd83206e2fcf40a769801716",
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
  casual: "76d5bf2d9ae5648a60a0ddd9528bfe8411465b30dc8a736ef84366b3bf8902b7",
  qa: "c0e574b710cbdee5f2107862501ea169d4a503515b1b54fb087407db54282250",
  challenge: "c6a1e7c52d0fbe0803829c77d25e7a708943cea66410f8afc0a422f5e7a45489",
  battle: "44a031d6c21afe3960456c6308c15ddbd0df4311d4e7095638e99a21f2709643",
  "behind-the-scenes": "c637955957a374139b71ccd0807b66508f615782c6fa8eb876a616b545278fe9",
};

/** The same, every departure clock one by one. */
const GOLDEN_ALL_TACTICS_ONE_BY_ONE: Record<string, string> = {
  casual: "abd817cabddf10567b1b0338036b7c31650c92fe93d93b92aa7d1371caaff977",
  qa: "2d5e0408289c662cbf3a00a525ca7d9c033b8d596efaa66bf604ba8c7dd9a779",
  challenge: "590d5b12f48b5140dcc09e19f7e377fdc6e7caeaf275ea30af1a9353843112b8",
  battle: "fcfec93792d3728cffdf6e868138ee584efbd584cd23b86d96ec784621eb5982",
  "behind-the-scenes": "f7ecf4f1f06e06005cb5eea79a138895c7b0a414a6fbddad9e36ff528ce3e91c",
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
