/**
 * End-to-end simulation speed: whole replicates (population, streams, gifts through the core,
 * audit, metrics) on one core. Each timed call runs the same batch of seeded replicates, so
 * every call does identical work; the events and gift rows of the batch are counted once from
 * the outputs and the outputs are consumed (checksummed), so the JIT cannot drop the work.
 */
import { Bench } from "tinybench";
import { METRIC_NAMES, runReplicate, type SimConfig } from "../src/sim/index.js";

export interface SimRunReport {
  label: string;
  replicatesPerCall: number;
  meanMsPerReplicate: number;
  /** CPU time of this process per replicate over one extra pass: steadier than wall time on a shared machine. */
  cpuMsPerReplicate: number;
  eventsPerReplicate: number;
  giftsPerReplicate: number;
  /** Distinct viewers per replicate: each one's traits are drawn once, on first arrival. */
  uniqueViewersPerReplicate: number;
  eventsPerSecond: number;
  giftEventsPerSecond: number;
  nsPerEvent: number;
}

const GIFTS = METRIC_NAMES.indexOf("gifts");
const UNIQUE_VIEWERS = METRIC_NAMES.indexOf("uniqueViewers");

/** Times `replicates` seeded replicates of `config` per call for at least `timeMs`. */
export async function timeReplicates(label: string, config: SimConfig, replicates: number, timeMs: number): Promise<SimRunReport> {
  const seeds = Array.from({ length: replicates }, (_, i) => `bench-${i}`);
  let events = 0;
  let gifts = 0;
  let uniqueViewers = 0;
  for (const seed of seeds) {
    const out = runReplicate(config, seed);
    events += out.simulatedEvents;
    gifts += out.metrics[GIFTS];
    uniqueViewers += out.metrics[UNIQUE_VIEWERS];
  }
  let checksum = 0;
  const bench = new Bench({ time: timeMs, iterations: 2, warmupIterations: 1, throws: true });
  bench.add(label, () => {
    for (const seed of seeds) checksum += runReplicate(config, seed).simulatedEvents;
  });
  await bench.run();
  const result = bench.getTask(label)?.result;
  if (result === undefined || result.state !== "completed") throw new Error(`benchmark ${label} did not complete`);
  if (checksum % events !== 0) throw new Error(`benchmark ${label}: replicates were not deterministic`);
  const perCallMs = result.latency.mean;
  const cpuBefore = process.cpuUsage();
  for (const seed of seeds) checksum += runReplicate(config, seed).simulatedEvents;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    label,
    replicatesPerCall: replicates,
    meanMsPerReplicate: perCallMs / replicates,
    cpuMsPerReplicate: (cpu.user + cpu.system) / 1000 / replicates,
    eventsPerReplicate: events / replicates,
    giftsPerReplicate: gifts / replicates,
    uniqueViewersPerReplicate: uniqueViewers / replicates,
    eventsPerSecond: Math.round(events / (perCallMs / 1000)),
    giftEventsPerSecond: Math.round(gifts / (perCallMs / 1000)),
    nsPerEvent: (perCallMs * 1e6) / events,
  };
}

export function formatRunReports(title: string, reports: readonly SimRunReport[]): string {
  const lines = [title, "  label                         ms/replicate  cpu ms/rep   events/rep   gifts/rep    events/s  gift events/s   ns/event"];
  for (const r of reports) {
    lines.push(
      `  ${r.label.padEnd(28)} ${r.meanMsPerReplicate.toFixed(1).padStart(12)} ${r.cpuMsPerReplicate.toFixed(1).padStart(11)} ${Math.round(r.eventsPerReplicate).toString().padStart(12)} ${Math.round(r.giftsPerReplicate).toString().padStart(11)} ${r.eventsPerSecond.toLocaleString("en-US").padStart(11)} ${r.giftEventsPerSecond.toLocaleString("en-US").padStart(14)} ${r.nsPerEvent.toFixed(0).padStart(10)}`,
    );
  }
  return lines.join("\n");
}
