/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers must update them deliberately,
 * with the reason in docs/model.md ("Speed"): they last changed when payer-only traits, the
 * Beta(1, b) shortcut and the standing gift-candidate bound changed which uniform feeds which draw,
 * and were last updated when the calibration measures over viewers, per extra viewer and of paid
 * creators under $120 joined the metrics (new columns only; the top-1% creator share, NaN in
 * these one- and two-creator runs, now reads payouts: every other value stayed the same).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveSimConfig } from "../../src/scenario/index.js";
import { FORMAT_IDS, runReplicate, type EventLogChunk, type ReplicateOptions, type ReplicateOutput } from "../../src/sim/index.js";

const GOLDEN: Record<string, string> = {
  qa: "d750c9f3d623ba8afed344ff8189a40e0d2c2a81270c766586fea31a746bec94",
  challenge: "986ef9192c6143331937ba16e45837228cd29cfbbb5dbf3823b7d3ed2b29a803",
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
  casual: "7dc8160ce6c3e9d6bc0b012155d0a1e01435ec24fdc3be76a01a64c41a2867b1",
  qa: "6584fd97e0b7891e2690827c276ebd44071cfb889bd16e33021fcae339d3698d",
  challenge: "2900baa68c94e0abfdaf10cf825a15c756fc6686a4675d9f080cc3605b50743e",
  battle: "b313b8d6e60f08579ec68c9876b9c52ffd2474eb3283e7460fedb556baf01ec6",
  "behind-the-scenes": "12830395e14275a3e655d90a06b75f7bddfe0e9fadc533818d6648c20e7189bb",
};

describe("golden replicates with every tactic on", () => {
  it.each(FORMAT_IDS.map((id) => [id] as const))("%s: outputs and event log unchanged", (format) => {
    const config = resolveSimConfig({
      horizonWeeks: 2,
      creators: {
        count: 2,
        formats: [format],
        tactics: { goalBar: { enabled: true }, shoutOuts: { enabled: true }, topGifterPerk: { enabled: true } },
      },
      series: { enabled: true, weeks: 1, goalCoins: 20_000 },
      promotion: { enabled: true },
    });
    expect(digest((options) => runReplicate(config, "golden-tactics-7", options))).toBe(GOLDEN_ALL_TACTICS[format]);
  });
});
