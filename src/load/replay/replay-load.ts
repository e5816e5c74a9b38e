/**
 * `giftsim load replay --scenario FILE`, in process: a scenario's gift stream (replay-stream.ts)
 * pushed through a fresh ledger in simulated time order, in batches of `batchSize` events
 * (within a batch purchases first: that only fills wallets earlier). `repeat` copies of the
 * stream run back to back, each on its own stream ids and order ids (shifted by the span one
 * copy uses), so keys stay unique and dense. Afterwards the ledger must hold exactly `repeat`
 * times what the simulation's own ledger holds from purchases and gifts, account by account.
 */
import { performance } from "node:perf_hooks";
import {
  MAX_KEY_NAMESPACE,
  applyGifts,
  applyPurchases,
  auditLedger,
  createGiftBatch,
  createLedger,
  createPurchaseBatch,
  ledgerDigest,
  rejectionsByName,
  totalsToJson,
  type Ledger,
  type LedgerTotals,
  type RejectionReason,
} from "../../core/index.js";
import { errors, type Problem } from "../../errors.js";
import { createLatencyHistogram, recordMillis, summarizeLatency, type LatencySummary } from "../latency-histogram.js";
import { validateReplayLoad, type ReplayLoadOptions } from "./replay-options.js";
import { GIFT, captureReplayStream, type ReplaySource, type ReplayStream } from "./replay-stream.js";

/** Whether the replay's books are `repeat` times the simulation's. */
export type SimulationMatch =
  | { state: "equal"; repeat: number; compared: string[] }
  | { state: "different"; repeat: number; compared: string[]; differences: string[] };

export interface ReplayLoadReport {
  mode: "scenario";
  source: ReplaySource;
  options: { repeat: number; batchSize: number };
  /** Per copy of the stream. */
  stream: { gifts: number; purchases: number; simulatedSeconds: number; peakEventsPerSimulatedSecond: number; viewers: number; creators: number };
  giftEvents: number;
  purchaseEvents: number;
  /** Time the simulation took to produce the stream (not part of any rate). */
  simulationSeconds: number;
  /** Time inside the core. */
  coreSeconds: number;
  /** Events (gifts and purchases) per second of core time. */
  coreEventsPerSecond: number;
  /** From the first batch filled to the ledger audited. */
  wallSeconds: number;
  wallEventsPerSecond: number;
  /** Core time per batch, microseconds. */
  batchLatencyMicros: LatencySummary;
  peakRssBytes: number;
  rejected: Record<RejectionReason, number>;
  audit: { state: "passed" | "failed"; failures: string[]; totals: Record<string, number | string> };
  simulation: SimulationMatch;
  ledgerDigest: string;
}

/** Checks that `repeat` copies of the stream, from the given key bases, fit the core's key spaces. */
export function checkKeySpace(stream: ReplayStream, repeat: number, streamBase = 0, orderBase = 0): void {
  const problems: Problem[] = [];
  if (streamBase + repeat * stream.streamSpan - 1 > MAX_KEY_NAMESPACE) {
    problems.push({ path: "--repeat", value: repeat, expected: `at most ${Math.floor((MAX_KEY_NAMESPACE + 1 - streamBase) / Math.max(stream.streamSpan, 1))}: each copy uses ${stream.streamSpan} stream ids` });
  }
  if (orderBase + repeat * stream.orderSpan - 1 > 0x7fffffff) {
    problems.push({ path: "--repeat", value: repeat, expected: `at most ${Math.floor((0x80000000 - orderBase) / Math.max(stream.orderSpan, 1))}: each copy uses ${stream.orderSpan} order ids` });
  }
  if (problems.length > 0) throw errors.invalidInput("load options", problems);
}

/** Runs a scenario replay in this thread; `onProgress` gets events applied so far and the total. */
export function runReplayLoad(options: ReplayLoadOptions, onProgress?: (done: number, total: number) => void): ReplayLoadReport {
  validateReplayLoad(options);
  const simulationStart = performance.now();
  const stream = captureReplayStream(options);
  const simulationSeconds = (performance.now() - simulationStart) / 1000;
  const { repeat, batchSize } = options;
  checkKeySpace(stream, repeat);
  const { gifts, purchases, timeline } = stream;
  const ledger = createLedger(stream.economy, { viewers: stream.viewers, creators: stream.creators });
  const giftBatch = createGiftBatch(batchSize);
  const purchaseBatch = createPurchaseBatch(batchSize);
  const histogram = createLatencyHistogram();
  const started = performance.now();
  let coreMs = 0;
  let peakRss = process.memoryUsage().rss;
  const total = timeline.length * repeat;
  // Batches run across copies: a short stream repeated fills whole batches.
  for (let from = 0; from < total; from += batchSize) {
    const to = Math.min(from + batchSize, total);
    giftBatch.length = 0;
    purchaseBatch.length = 0;
    for (let g = from; g < to; g++) {
      const copy = Math.floor(g / timeline.length);
      const ref = timeline[g - copy * timeline.length];
      const i = ref >>> 1;
      if ((ref & 1) === GIFT) {
        const row = giftBatch.length++;
        giftBatch.viewer[row] = gifts.viewer[i];
        giftBatch.creator[row] = gifts.creator[i];
        giftBatch.gift[row] = gifts.gift[i];
        giftBatch.count[row] = gifts.count[i];
        giftBatch.stream[row] = gifts.stream[i] + copy * stream.streamSpan;
        giftBatch.seq[row] = gifts.seq[i];
      } else {
        const row = purchaseBatch.length++;
        purchaseBatch.viewer[row] = purchases.viewer[i];
        purchaseBatch.region[row] = purchases.region[i];
        purchaseBatch.channel[row] = purchases.channel[i];
        purchaseBatch.tier[row] = purchases.tier[i];
        purchaseBatch.order[row] = purchases.order[i] + copy * stream.orderSpan;
      }
    }
    const coreStart = performance.now();
    applyPurchases(ledger, purchaseBatch);
    applyGifts(ledger, giftBatch);
    const coreEnd = performance.now();
    coreMs += coreEnd - coreStart;
    recordMillis(histogram, coreEnd - coreStart);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    onProgress?.(to, total);
  }
  const audit = auditLedger(ledger);
  const simulationAudit = auditLedger(stream.simulationLedger);
  const wallSeconds = (performance.now() - started) / 1000;
  const coreSeconds = coreMs / 1000;
  return {
    mode: "scenario",
    source: stream.source,
    options: { repeat, batchSize },
    stream: { gifts: gifts.length, purchases: purchases.length, ...burstiness(stream.timeSec), viewers: stream.viewers, creators: stream.creators },
    giftEvents: gifts.length * repeat,
    purchaseEvents: purchases.length * repeat,
    simulationSeconds,
    coreSeconds,
    coreEventsPerSecond: Math.round(total / Math.max(coreSeconds, 1e-9)),
    wallSeconds,
    wallEventsPerSecond: Math.round(total / Math.max(wallSeconds, 1e-9)),
    batchLatencyMicros: summarizeLatency(histogram),
    peakRssBytes: peakRss,
    rejected: rejectionsByName(ledger.rejections),
    audit: { state: audit.state, failures: audit.state === "failed" ? audit.failures : [], totals: totalsToJson(audit.totals) },
    simulation: compareWithSimulation(ledger, audit.totals, stream.simulationLedger, simulationAudit.totals, repeat),
    ledgerDigest: ledgerDigest(ledger),
  };
}

/** Simulated span of one copy and its busiest simulated second. */
function burstiness(timeSec: Float64Array): { simulatedSeconds: number; peakEventsPerSimulatedSecond: number } {
  if (timeSec.length === 0) return { simulatedSeconds: 0, peakEventsPerSimulatedSecond: 0 };
  let peak = 0;
  for (let i = 0, j = 0; i < timeSec.length; i++) {
    while (timeSec[i] - timeSec[j] >= 1) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return { simulatedSeconds: timeSec[timeSec.length - 1] - timeSec[0], peakEventsPerSimulatedSecond: peak };
}

/** Totals that purchases and gifts alone determine, and that add up exactly over copies. */
const LINEAR_TOTALS = ["coinsBought", "coinsSpent", "coinsInWallets", "creatorShareCoinsBps", "platformShareCoinsBps", "fiatPaidMicros"] as const;
/** Per-account columns that purchases and gifts alone determine (payouts touch other columns). */
const ACCOUNT_COLUMNS = ["walletCoins", "coinsBought", "fiatPaidMicros", "giftedCoins"] as const;

/**
 * The replay against the simulation's ledger: every purchase- and gift-determined account
 * column, and the totals they add up to, must be `repeat` times the simulation's. Payouts are
 * not replayed (they are not gifts traffic), so payout columns are left out.
 */
function compareWithSimulation(replay: Ledger, replayTotals: LedgerTotals, simulation: Ledger, simulationTotals: LedgerTotals, repeat: number): SimulationMatch {
  const differences: string[] = [];
  const times = BigInt(repeat);
  for (const name of LINEAR_TOTALS) {
    const expected = simulationTotals[name] * times;
    if (replayTotals[name] !== expected) differences.push(`${name}: replay ${replayTotals[name]}, simulation x ${repeat} = ${expected}`);
  }
  for (const name of ACCOUNT_COLUMNS) {
    const mine = replay[name];
    const theirs = simulation[name];
    for (let i = 0; i < theirs.length; i++) {
      if (mine[i] !== theirs[i] * repeat) {
        differences.push(`${name}[${i}]: replay ${mine[i]}, simulation x ${repeat} = ${theirs[i] * repeat}`);
        break;
      }
    }
  }
  const compared = [...LINEAR_TOTALS.map((n) => `total ${n}`), ...ACCOUNT_COLUMNS.map((n) => `every ${n}`)];
  return differences.length === 0 ? { state: "equal", repeat, compared } : { state: "different", repeat, compared, differences };
}
