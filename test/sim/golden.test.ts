/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers must update them deliberately,
 * with the reason in docs/model.md ("Speed"): they last changed when payer-only traits, the
 * Beta(1, b) shortcut and the standing gift-candidate bound changed which uniform feeds which draw,
 * and were last updated when the share of creators paid joined the metrics and the day table
 * (new columns only: every other value stayed the same).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveSimConfig } from "../../src/scenario/index.js";
import { FORMAT_IDS, runReplicate, type EventLogChunk, type ReplicateOptions, type ReplicateOutput } from "../../src/sim/index.js";

const GOLDEN: Record<string, string> = {
  qa: "a3d678981828cda1500fe284cd9e720dfede51f3f3b87fa4f56ae11bfea8170c",
  challenge: "9fb9520ee50d4d3c424c7af57a0da72ba9317790cccea4ff3e8ff17c49424ef2",
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
  casual: "2535e00c72f23e75d9e664e33a56558917e0fdfc03fdb50fc3414884c4038109",
  qa: "1974a857599f5a77123e5a09d4bac92ff72c2a8d78f214d83d87bc55b42e00d0",
  challenge: "1ee896b13c3bbc7b6c479e0bcd1b7e0336f3e36cbbcd9b5d9b5811eb581c91ff",
  battle: "e3b7b99486046445d745999880cb15fc4ebabbf579324f5fd3f1e66b330aa56f",
  "behind-the-scenes": "690e016921904abd1aa880e82028767b1205176676aae56e8029886909e05a07",
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
