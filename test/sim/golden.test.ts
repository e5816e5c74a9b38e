/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers, or to what it models, must
 * update them deliberately and say why in its commit. They last changed with issue 12's model
 * (formats apart from tactics, the neutral visit, staggered and regional budgets, creator
 * fatigue, audience saturation, the promotion penalty, take-home after reinvestment, battles
 * between creators, the calibration measures over viewers): docs/model.md describes each.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveSimConfig } from "../../src/scenario/index.js";
import { FORMAT_IDS, runReplicate, type EventLogChunk, type ReplicateOptions, type ReplicateOutput } from "../../src/sim/index.js";

const GOLDEN: Record<string, string> = {
  qa: "1023157ba81fccc4c093cd54d5124c35646d0e579ffa7e76499545942cdb71ec",
  challenge: "eb265ae834520e3c36c9c3c261ce4b88a4135fef63750a202cb285f7b9598355",
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
  casual: "85ca5062e45a8e68d8a0a7fa807c1984e2e1aef410fce715dcb3fd35346fa5cd",
  qa: "f2d09e5b2f853c4b5cbdb6d12c9d3e733bc21e31e18e21a5343059bb13ca9fcb",
  challenge: "59abdd311ecd97b81e3d92bb5f1e31b13932b57edc59465174392cb18b4ef6a6",
  battle: "e12fb6cf565945ad47dda3f4347b22e0e834a7252f3ba2e2fbc57764404e237a",
  "behind-the-scenes": "ca61779728fb2d1b3984cc3b20fe4a9c0ad30339742a23d0bbfbef874f4ece34",
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
