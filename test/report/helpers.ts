/**
 * Run folders for report tests, written by the run layer's own writer (writeRunOutputs) from
 * synthetic replicate records, so the report reads exactly the format a real run leaves
 * without the cost of simulating. Values are plausible for each metric and controlled per arm.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ReplicateRecord } from "../../src/run/index.js";
import { writeRunOutputs } from "../../src/run/finalize.js";
import { runHeader } from "../../src/run/run.js";
import { resolveScenario } from "../../src/scenario/index.js";
import { LORENZ_PERCENTS, METRIC_NAMES, PRICE_BUCKETS, RETENTION_MINUTES, TIMESERIES_COLUMNS } from "../../src/sim/index.js";

/** A test fixture file. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** A fresh temporary folder. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `giftsim-report-${label}-`));
}

/** A small seeded generator (mulberry32), so synthetic folders are the same every time. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where a synthetic value is drawn. */
export interface SyntheticContext {
  arm: string;
  armIndex: number;
  pointIndex: number;
  replicate: number;
  rand: () => number;
}

export interface SyntheticRun {
  /** A scenario as a file would hold it (validated by resolveScenario). */
  scenario: Record<string, unknown>;
  replicates: number;
  /** Replaces the plausible value of a metric; return undefined to keep it. */
  metric?: (name: string, context: SyntheticContext) => number | undefined;
  seed?: number;
}

/** A two-arm scenario like the built-in qa-vs-challenge, with a one-week horizon. */
export function twoArmScenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "synthetic-qa-vs-challenge",
    description: "Synthetic outputs for report tests.",
    question: "Q&A nights or challenge nights: which earns more gifted coins per live hour?",
    preset: "tiktok",
    model: { horizonWeeks: 2 },
    arms: [
      { name: "qa", label: "Q&A" },
      { name: "challenge", label: "challenge" },
    ],
    replicates: 8,
    seed: 1,
    metrics: ["coinsPerLiveHour", "creatorEarningsMicros", "nextStreamReturnRate"],
    ...overrides,
  };
}

/** Writes a run folder of synthetic records for `run`; returns the folder. */
export function syntheticRunFolder(run: SyntheticRun, dir = join(tempDir("run"), "run")): string {
  const plan = resolveScenario("synthetic.yaml", run.scenario, { replicates: run.replicates });
  const header = runHeader(plan, null);
  const rand = random(run.seed ?? 7);
  const records: ReplicateRecord[] = [];
  for (const cell of plan.scenario.cells) {
    const armIndex = plan.scenario.arms.findIndex((arm) => arm.name === cell.arm);
    for (let replicate = 0; replicate < plan.replicates; replicate++) {
      const context: SyntheticContext = { arm: cell.arm, armIndex, pointIndex: cell.pointIndex, replicate, rand };
      const plausible = plausibleMetrics(context, cell.config.horizonWeeks);
      const metrics = Float64Array.from(METRIC_NAMES, (name) => run.metric?.(name, context) ?? plausible[name] ?? Number.NaN);
      records.push({ cell: cell.index, replicate, simulatedEvents: 1000, metrics, streams: new Float64Array(0), timeseries: timeseries(context, cell.config.horizonWeeks, metrics) });
    }
  }
  mkdirSync(dir, { recursive: true });
  writeRunOutputs(dir, header, records);
  return dir;
}

function plausibleMetrics(context: SyntheticContext, weeks: number): Record<string, number> {
  const { rand, armIndex, pointIndex } = context;
  const noise = (sd: number) => 1 + sd * (rand() + rand() + rand() - 1.5) * 2;
  const lift = 1 + 0.2 * armIndex + 0.1 * pointIndex;
  const spend = 400e6 * weeks * lift * noise(0.1);
  const storeFee = Math.floor(spend * 0.27);
  const earnings = Math.floor(spend * 0.38);
  const payout = Math.floor(earnings * 0.7);
  const coins = Math.round(spend / 14_300);
  const values: Record<string, number> = {
    viewerSpendMicros: spend,
    storeFeeMicros: storeFee,
    creatorEarningsMicros: earnings,
    creatorPayoutMicros: payout,
    creatorPendingMicros: earnings - payout,
    platformNetMicros: spend - storeFee - earnings,
    creatorDiamonds: earnings / 5000,
    coinsGifted: coins,
    liveHours: 2 * weeks * 2,
    coinsPerLiveHour: coins / (4 * weeks),
    nextStreamReturnRate: 0.3 * noise(0.1) + 0.03 * armIndex,
    gifter30dRetention: 0.45 * noise(0.1),
    top1GifterShare: 0.3 * noise(0.1),
    calibTop20Share: 0.9,
    calibPayingShare: 0.05,
    calibGapCv: 1.8,
    calibHerdingSlope: 0.2,
    calibCreatorKeepShare: 0.38,
  };
  for (const m of RETENTION_MINUTES) values[`retention${m}m`] = Math.exp(-m / (25 + 5 * armIndex)) * noise(0.03);
  for (const p of LORENZ_PERCENTS) values[`lorenz${p}`] = (p / 100) ** (3 + armIndex);
  for (const p of LORENZ_PERCENTS) values[`creatorIncomeLorenz${p}`] = (p / 100) ** (5 + armIndex);
  values.top10CreatorIncomeShare = 0.7 + 0.02 * armIndex;
  PRICE_BUCKETS.forEach((bucket, i) => {
    values[`gifts${bucket.name}`] = Math.round(1000 / (i + 1) ** (1.5 - 0.3 * armIndex));
    values[`coins${bucket.name}`] = values[`gifts${bucket.name}`] * bucket.min * 2;
  });
  return values;
}

/** Daily rows: streams on two days a week, coins and payouts consistent with the metrics. */
function timeseries(context: SyntheticContext, weeks: number, metrics: Float64Array): Float64Array {
  const column = Object.fromEntries(TIMESERIES_COLUMNS.map((name, i) => [name, i]));
  const days = weeks * 7;
  const rows = new Float64Array(days * TIMESERIES_COLUMNS.length);
  const coins = metrics[METRIC_NAMES.indexOf("coinsGifted")];
  const diamonds = metrics[METRIC_NAMES.indexOf("creatorDiamonds")];
  const payoutTotal = metrics[METRIC_NAMES.indexOf("creatorPayoutMicros")];
  let cumulativeDiamonds = 0;
  let cumulativePayout = 0;
  for (let day = 0; day < days; day++) {
    const row = day * TIMESERIES_COLUMNS.length;
    const live = day % 7 === 1 || day % 7 === 5;
    const share = live ? 1 / (2 * weeks) : 0;
    const dayDiamonds = diamonds * share;
    cumulativeDiamonds += dayDiamonds;
    const payout = day % 7 === 6 ? payoutTotal / weeks : 0;
    cumulativePayout += payout;
    rows[row + column.day] = day;
    rows[row + column.streams] = live ? 1 : 0;
    rows[row + column.liveMinutes] = live ? 120 : 0;
    rows[row + column.giftedCoins] = coins * share * (1 + 0.1 * context.rand());
    rows[row + column.creatorDiamonds] = dayDiamonds;
    rows[row + column.creatorPayoutMicros] = payout;
    rows[row + column.cumulativeCreatorDiamonds] = cumulativeDiamonds;
    rows[row + column.cumulativeCreatorPayoutMicros] = cumulativePayout;
    rows[row + column.creatorsPaidShare] = cumulativePayout > 0 ? 1 : 0;
  }
  return rows;
}
