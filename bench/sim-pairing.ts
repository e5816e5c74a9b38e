/**
 * What common random numbers buy on the default study (scenarios/qa-vs-challenge.yaml): the 95%
 * interval of its primary lift (challenge against Q&A on coins per live hour), paired (the
 * report's paired bootstrap of the mean's lift over per-replicate pairs) and unpaired (the
 * Fieller interval of the Welch comparison) on the same replicates, and the replicates each needs
 * for a stated half-width (the half-width shrinks as 1 / sqrt(replicates)). The same figures with
 * the arms seeded apart (a seed that includes the arm) show what the pairing owes to shared streams.
 */
import { join } from "node:path";
import { seedOf } from "../src/run/chunk.js";
import { workerContext } from "../src/run/run.js";
import { loadScenario } from "../src/scenario/index.js";
import { METRIC_NAMES, runReplicate } from "../src/sim/index.js";
import { compareArms, pairedBootstrap } from "../src/stats/index.js";

/** The precision asked for: a 95% half-width of 5 percentage points of lift. */
export const TARGET_HALF_WIDTH = 0.05;

export interface PairingRow {
  seeding: "shared (CRN)" | "arms apart";
  analysis: "paired" | "unpaired";
  lift: number | null;
  halfWidth: number | null;
  /** Replicates per arm for a half-width of TARGET_HALF_WIDTH, scaled from this one. */
  replicatesNeeded: number | null;
}

export interface PairingReport {
  replicates: number;
  metric: string;
  correlation: { shared: number; apart: number };
  rows: PairingRow[];
}

/** Runs both arms of the default study `replicates` times each, seeded shared and apart. */
export function runSimPairing(replicates: number): PairingReport {
  const plan = loadScenario(join(import.meta.dirname, "../../scenarios/qa-vs-challenge.yaml"), { replicates });
  const context = workerContext(plan);
  const apart = { ...context, masterSeed: `${context.masterSeed}/challenge` };
  const metric = plan.scenario.primary;
  const column = METRIC_NAMES.indexOf(metric as (typeof METRIC_NAMES)[number]);
  const [base, arm] = plan.scenario.cells;
  const values = (config: typeof base.config, ctx: typeof context) => Array.from({ length: replicates }, (_, r) => runReplicate(config, seedOf(ctx, r)).metrics[column]);
  const qa = values(base.config, context);
  const shared = values(arm.config, context);
  const separate = values(arm.config, apart);
  const rows: PairingRow[] = [];
  for (const [seeding, challenge] of [["shared (CRN)", shared], ["arms apart", separate]] as const) {
    const paired = pairedBootstrap(qa, challenge, { seed: `${plan.seed}/bench/pairing` }).mean.lift;
    const unpaired = compareArms(qa, challenge);
    rows.push(row(seeding, "paired", paired.estimate, paired.low, paired.high, replicates));
    rows.push(row(seeding, "unpaired", unpaired.lift, unpaired.liftCi95Low, unpaired.liftCi95High, replicates));
  }
  return { replicates, metric, correlation: { shared: correlation(qa, shared), apart: correlation(qa, separate) }, rows };
}

function row(seeding: PairingRow["seeding"], analysis: PairingRow["analysis"], lift: number | null, low: number | null, high: number | null, replicates: number): PairingRow {
  const halfWidth = low === null || high === null ? null : (high - low) / 2;
  return { seeding, analysis, lift, halfWidth, replicatesNeeded: halfWidth === null ? null : Math.ceil(replicates * (halfWidth / TARGET_HALF_WIDTH) ** 2) };
}

function correlation(a: number[], b: number[]): number {
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/** The report as a table. */
export function formatPairing(report: PairingReport): string {
  const pct = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(1)}%`);
  const lines = [
    `pairing: primary lift (${report.metric}, challenge vs Q&A) of the default study, ${report.replicates} replicates per arm; replicates for a 95% half-width of ${100 * TARGET_HALF_WIDTH} points`,
    `  correlation of the arms' replicates: shared ${report.correlation.shared.toFixed(3)}, apart ${report.correlation.apart.toFixed(3)}`,
    `  ${"seeding".padEnd(14)}${"analysis".padEnd(10)}${"lift".padStart(8)}${"half-width".padStart(12)}${"replicates needed".padStart(19)}`,
  ];
  for (const r of report.rows) lines.push(`  ${r.seeding.padEnd(14)}${r.analysis.padEnd(10)}${pct(r.lift).padStart(8)}${pct(r.halfWidth).padStart(12)}${String(r.replicatesNeeded ?? "-").padStart(19)}`);
  return lines.join("\n");
}
