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
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveSimConfig } from "../../src/scenario/index.js";
import { FORMAT_IDS, runReplicate, type EventLogChunk, type ReplicateOptions, type ReplicateOutput } from "../../src/sim/index.js";

const GOLDEN: Record<string, string> = {
  qa: "aa7ff49b13607bdf4d885646af865876f6071e347d79e9491f756c85995a58b5",
  challenge: "f336e2b7b2bde6f7ee477890c14550564f32f06e191ef7183ca1ba198e46366b",
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
  casual: "4123a68f1c9bf2416e4559abf87c000e526d0e41333c88938fdcf8da11ac53c0",
  qa: "47fe29a9787e523643e625f9b15e0ec04a6b26d6b512cbe7d3a9a62aed736971",
  challenge: "967ab6e6f53f0c04117b1ca5708f3a2cccffe863681198b5dffbeb346e7fb31a",
  battle: "c519c20a0a98e3ef3914ffe3130dfefaa6540657b5100ff27d776282b8e0251e",
  "behind-the-scenes": "116feae3905acbe5e3dd3a32c603176cbe5ced0154647a0cd6b8187105d7cd9d",
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
