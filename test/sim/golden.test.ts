/**
 * Regression guard for speed work on the stream loop: a replicate's outputs (metrics, stream
 * and day tables, event count, audit) and its event log must stay bit-identical for a given
 * config and seed. A change to how the model draws its numbers must update them deliberately,
 * with the reason in docs/model.md ("Speed"): they last changed when payer-only traits, the
 * Beta(1, b) shortcut and the standing gift-candidate bound changed which uniform feeds which draw,
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
  qa: "c5b5d6c5aa133c113ec1e95241eb51366eafe4bbb38f02aad7d28b4a429a7c36",
  challenge: "dea63592df5fdacbd0aaa93eb2e03727561e2fbcd24ca5386a811f928b9bbdd6",
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
  casual: "38ae7a8fe0acbea1a18994f5e144fbebdcd061cf5b462e09d607bca847e4d129",
  qa: "c2efd9fdd4d9cd8ad439b3324b152b880d0b0f91c00b057553daca1885e35fc0",
  challenge: "3f7affdf1db74862bbd9360936ad9d1bb324013ae580cdf63e5a2f2f1c2e9fa3",
  battle: "e2765ff57eba133e6cee480f25eec6c6dd6cea7c7d8bf535d8d9c04d9867579a",
  "behind-the-scenes": "254b9940ddaffb434f4728d5fe8cddf86f676b276385be331734f43e4d89895a",
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
