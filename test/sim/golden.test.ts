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
 * and were last updated when budgets changed model: each payer's month starts on their own day
 * (one more uniform per payer), the day-0 audience starts part-way through its month, and
 * budgets scale with the region's income (docs/model.md "Budget months", `budget.regionFactor`).
 * and were last updated with the trade-offs (creator fatigue, audience saturation, the reach
 * penalty of unnatural promotion, take-home after reinvestment: docs/model.md "Trade-offs"),
 * which change the model's outputs and add metrics and a day-table column.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveSimConfig } from "../../src/scenario/index.js";
import { FORMAT_IDS, runReplicate, type EventLogChunk, type ReplicateOptions, type ReplicateOutput } from "../../src/sim/index.js";

const GOLDEN: Record<string, string> = {
  qa: "c00f14ce4d7df064c9cd86b09dafa16627fac46325dfb92a228c59f75d4912ab",
  challenge: "8a0109b3b8d53a8a860df356511c0997a5f4279c7cc3d5b049d2da4bbc4c7026",
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
  casual: "ebc344fc507cbcd91ab1a612968f0415bdb1453b7836a236a29a5ce85fe6084d",
  qa: "2412ffdec60ea69ff9941c263931db80c5a86c3017b762b728f9498f051acd97",
  challenge: "ad3ccf0ffc8ed8cf0ea12c3376e8b9fa55292f881b586e80f539eafc51a6a500",
  battle: "5b5b7b25f5e7ed57ce16d613eca910a77306d36c0497a604ba489ad56c199247",
  "behind-the-scenes": "b1fc3bb71117415aa7713bc79187cf661c3c3ffeb3b2699e2b8921f53ad00d54",
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
