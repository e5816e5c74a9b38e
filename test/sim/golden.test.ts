/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers must update them deliberately,
 * with the reason in docs/model.md ("Speed"): they last changed when payer-only traits, the
 * Beta(1, b) shortcut and the standing gift-candidate bound changed which uniform feeds which draw,
 * were updated when the share of creators paid joined the metrics and the day table (new
 * columns only: every other value stayed the same), and the qa arm's changed when Q&A stopped
 * running the goal bar on its own (formats and tactics apart; every-tactic digests unchanged),
 * all of them when a visit without payoffs became able to keep satisfaction
 * (attendance.neutralWatchShare), and both qa-vs-challenge arms when the default study turned
 * the goal bar on in both.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveSimConfig } from "../../src/scenario/index.js";
import { FORMAT_IDS, runReplicate, type EventLogChunk, type ReplicateOptions, type ReplicateOutput } from "../../src/sim/index.js";

const GOLDEN: Record<string, string> = {
  qa: "74b9f040ad4a3687e87a32527027c702bd096a21a9490830b260fe767382b859",
  challenge: "9676324299209f10ac741aae1630a90d11111aa5649723b0a24092c1a8e50773",
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
  casual: "c4d4659938ab25100e752b0813050ef1b0f9aeda49faa08d596d0788fa73b128",
  qa: "cadba8bd13a0f862b1469b4babe130550327f28e678bdb5daf25c1000701192c",
  challenge: "eaae52b1a6d759e879c8bba0991407e64a2ded1d891727b6748e3c9e945ee4ae",
  battle: "1b5b45da1ffa24b78145304e2ad0062fca1faa7cecce9bcc7005e6ddb12d59ac",
  "behind-the-scenes": "fa64fde6b9112078f426123ad5c1750bc699711fcb0ad74f3a724fcb1f142aba",
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
