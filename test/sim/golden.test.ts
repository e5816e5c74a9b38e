/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers must update them deliberately,
 * with the reason in docs/model.md ("Speed"): they last changed when payer-only traits, the
 * Beta(1, b) shortcut and the standing gift-candidate bound changed which uniform feeds which draw,
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
  qa: "fe0ee3e26c75ee2fa895ea3cbafcf0e5a25ef5c1da1dc3336ac7e87cc4b96401",
  challenge: "ca1dcdb74fdc3b4bedb454493081bb811f576e37d5cbf622ab8b019c92faa918",
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
  casual: "0ecdd3d38a84dade61c037d6f3b89370d2eb79bcbf9ba247192e3eb0011c85d8",
  qa: "8efec0cf4dee882b762171fb06a97d4dfd4f34b1c731d13632cf546b30e21368",
  challenge: "e4a4c1f8152daec485ada24c587eac017a15e51102266a9221533530745417db",
  battle: "20943ca0b7ac9b3f5c4750a3d87dc1ec9863c28d35a45be227fa806ce29d9457",
  "behind-the-scenes": "2228cffc2ba06861cddfb68976f20316d4c63a0331029ec8a4fd045454119b35",
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
