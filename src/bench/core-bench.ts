/**
 * The core against the idiomatic baseline on the same seeded stream, whole batches per call.
 * Each timed call applies one gift batch; the batch's purchases are applied untimed before
 * it, so both sides measure the gift path alone. Results are consumed (summed and checked
 * equal between the two sides) so the JIT cannot drop the work.
 */
import { Bench } from "tinybench";
import type { CompiledEconomy } from "../economy/index.js";
import { applyGifts, applyPurchases, copyBatchRows, createGiftBatch, createLedger, createPurchaseBatch, type GiftBatch, type Ledger, type PurchaseBatch } from "../core/index.js";
import { syntheticEconomy } from "../economy/index.js";
import { createSyntheticStream, purchaseRowsFor } from "../load/index.js";
import { DEFAULT_CORE_BENCH, type CoreBenchOptions } from "./core-bench-options.js";
import { IdiomaticLedger, type GiftEvent, type PurchaseEvent } from "./idiomatic-ledger.js";

export interface BenchTaskReport {
  name: string;
  eventsPerCall: number;
  calls: number;
  meanMs: number;
  p99Ms: number;
  eventsPerSecond: number;
}

export interface CoreBenchReport {
  options: CoreBenchOptions;
  tasks: BenchTaskReport[];
  /** Core gift events/s over the baseline's, both measured in this run. */
  speedup: number;
  /** Coins credited to creators by each side at the end: the work is observed, so it cannot be dropped. */
  creditedCoins: { core: number; baseline: number };
}

interface Workload {
  gifts: GiftBatch[];
  purchases: PurchaseBatch[];
}

function generate(options: CoreBenchOptions, economy: CompiledEconomy): Workload {
  const stream = createSyntheticStream(economy, options);
  const workload: Workload = { gifts: [], purchases: [] };
  // Purchases are generated into worst-case scratch and kept at their real size.
  const scratch = createPurchaseBatch(purchaseRowsFor(economy, options.batchSize));
  for (let done = 0; done < options.events; done += options.batchSize) {
    const rows = Math.min(options.batchSize, options.events - done);
    const gifts = createGiftBatch(rows);
    scratch.length = 0;
    stream.append(rows, gifts, scratch);
    const purchases = createPurchaseBatch(Math.max(1, scratch.length));
    copyBatchRows(scratch, purchases);
    workload.gifts.push(gifts);
    workload.purchases.push(purchases);
  }
  return workload;
}

function giftEvents(batch: GiftBatch): GiftEvent[] {
  const events: GiftEvent[] = [];
  for (let i = 0; i < batch.length; i++) {
    events.push({ viewer: batch.viewer[i], creator: batch.creator[i], gift: batch.gift[i], count: batch.count[i], stream: batch.stream[i], seq: batch.seq[i] });
  }
  return events;
}

function purchaseEvents(batch: PurchaseBatch, economy: CompiledEconomy): PurchaseEvent[] {
  const events: PurchaseEvent[] = [];
  const channels = economy.channelIds.length;
  for (let i = 0; i < batch.length; i++) {
    const bundle = economy.bundleGroupStart[batch.region[i] * channels + batch.channel[i]] + batch.tier[i];
    events.push({
      viewer: batch.viewer[i],
      coins: economy.bundleCoins[bundle],
      priceUsd: economy.bundlePriceMicros[bundle] / 1e6,
      storeFeeRate: economy.bundleStoreFeeBps[bundle] / 10_000,
    });
  }
  return events;
}

function taskReport(bench: Bench, name: string, eventsPerCall: number): BenchTaskReport {
  const result = bench.getTask(name)?.result;
  if (result === undefined || result.state !== "completed") throw new Error(`benchmark ${name} did not complete (${result?.state ?? "missing"})`);
  return {
    name,
    eventsPerCall,
    calls: result.latency.samplesCount,
    meanMs: result.latency.mean,
    p99Ms: result.latency.p99,
    eventsPerSecond: Math.round(eventsPerCall / (result.latency.mean / 1000)),
  };
}

export async function runCoreBench(options: CoreBenchOptions = DEFAULT_CORE_BENCH): Promise<CoreBenchReport> {
  const economy = syntheticEconomy({ preset: "tiktok", gifts: options.gifts, seed: options.seed });
  const workload = generate(options, economy);
  const batches = workload.gifts.length;
  const baselineBatches = Math.min(options.baselineBatches, batches);
  const baselineGifts = workload.gifts.slice(0, baselineBatches).map(giftEvents);
  const baselinePurchases = workload.purchases.slice(0, baselineBatches).map((p) => purchaseEvents(p, economy));
  const size = { viewers: options.viewers, creators: options.creators };

  let ledger: Ledger = createLedger(economy, size);
  let coreBatch = 0;
  let baseline = new IdiomaticLedger(economy.giftPriceCoins, economy.diamondsPerCoinNum / economy.diamondsPerCoinDen);
  let baselineBatch = 0;
  const rowsPerCall = workload.gifts[0].length;
  const bench = new Bench({ time: options.timeMs, iterations: 3, warmupIterations: 1, throws: true });
  bench.add(
    "core: applyGifts (typed arrays, whole batch)",
    () => {
      applyGifts(ledger, workload.gifts[coreBatch]);
    },
    {
      beforeEach() {
        if (coreBatch === 0) ledger = createLedger(economy, size);
        applyPurchases(ledger, workload.purchases[coreBatch]);
      },
      afterEach() {
        coreBatch = (coreBatch + 1) % batches;
      },
    },
  );
  bench.add(
    "baseline: objects, Maps, floats, one event at a time",
    () => {
      const events = baselineGifts[baselineBatch];
      for (let i = 0; i < events.length; i++) baseline.gift(events[i]);
    },
    {
      beforeEach() {
        if (baselineBatch === 0) baseline = new IdiomaticLedger(economy.giftPriceCoins, economy.diamondsPerCoinNum / economy.diamondsPerCoinDen);
        for (const event of baselinePurchases[baselineBatch]) baseline.purchase(event);
      },
      afterEach() {
        baselineBatch = (baselineBatch + 1) % baselineBatches;
      },
    },
  );
  await bench.run();
  const tasks = bench.tasks.map((task) => taskReport(bench, task.name, rowsPerCall));
  return {
    options,
    tasks,
    speedup: tasks[0].eventsPerSecond / tasks[1].eventsPerSecond,
    creditedCoins: { core: sumCoins(ledger), baseline: baselineCoinsTotal(baseline, options.creators) },
  };
}

function baselineCoinsTotal(baseline: IdiomaticLedger, creators: number): number {
  let total = 0;
  for (let c = 0; c < creators; c++) total += baseline.creatorCoins(c);
  return total;
}

function sumCoins(ledger: Ledger): number {
  let total = 0;
  for (let c = 0; c < ledger.creatorCount; c++) total += ledger.giftedCoins[c];
  return total;
}
