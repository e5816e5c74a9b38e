/**
 * `npm run bench:workers`: the in-process synthetic load with 1 and 2 workers, in one run,
 * plus the cost of a partition's keys. The stream is 64 virtual partitions whatever the worker
 * count, each with its own streams, so a worker's ledger sees every stream's sequence numbers
 * without gaps (before, each worker filtered the whole stream and its keys went through the
 * key set's page bitset, src/core/key-set.ts). The last figures check that: one partition of
 * 2 against the whole stream, on this thread, per event of core time.
 */
import { parseArgs } from "node:util";
import { DEFAULT_SYNTHETIC_LOAD, runSyntheticLoad, runSyntheticPartition, viewerPartition, type SyntheticLoadOptions } from "../src/load/index.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000000" },
    viewers: { type: "string", default: "1000000" },
    creators: { type: "string", default: "1000" },
    gifts: { type: "string", default: "64" },
    batch: { type: "string", default: "100000" },
    json: { type: "boolean", default: false },
  },
});
const options: SyntheticLoadOptions = {
  ...DEFAULT_SYNTHETIC_LOAD,
  events: Number(values.events),
  viewers: Number(values.viewers),
  creators: Number(values.creators),
  gifts: Number(values.gifts),
  batchSize: Number(values.batch),
};

const runs = [];
for (const workers of [1, 2]) {
  const report = await runSyntheticLoad({ ...options, workers });
  runs.push({
    workers,
    coreEventsPerSecond: report.coreEventsPerSecond,
    wallEventsPerSecond: report.wallEventsPerSecond,
    wallSeconds: report.wallSeconds,
    generationSeconds: report.generationSeconds,
    mergeSeconds: report.mergeSeconds,
    perWorkerEventsPerSecond: report.partitions.map((p) => p.coreEventsPerSecond),
    ledgerDigest: report.ledgerDigest,
  });
}
const dense = runSyntheticPartition(options, viewerPartition(options.viewers, 0, 1));
const sparse = runSyntheticPartition(options, viewerPartition(options.viewers, 0, 2));
const keys = {
  denseEventsPerSecond: Math.round(dense.giftEvents / (dense.giftMs / 1000)),
  sparseEventsPerSecond: Math.round(sparse.giftEvents / (sparse.giftMs / 1000)),
};
const report = {
  options,
  runs,
  sameDigest: runs[0].ledgerDigest === runs[1].ledgerDigest,
  speedup: { core: runs[1].coreEventsPerSecond / runs[0].coreEventsPerSecond, wall: runs[1].wallEventsPerSecond / runs[0].wallEventsPerSecond },
  keys: { ...keys, sparseOverDense: keys.sparseEventsPerSecond / keys.denseEventsPerSecond },
};
const m = (n: number) => `${(n / 1e6).toFixed(2)} M/s`;
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`load workers bench: ${options.events.toLocaleString("en-US")} gifts, ${options.viewers.toLocaleString("en-US")} viewers, ${options.creators} creators, ${options.gifts} gifts`);
  for (const r of runs) {
    console.log(
      `  ${r.workers} worker${r.workers > 1 ? "s" : " "}  core ${m(r.coreEventsPerSecond).padStart(10)} (per worker ${r.perWorkerEventsPerSecond.map(m).join(", ")})  wall ${m(r.wallEventsPerSecond).padStart(10)} in ${r.wallSeconds.toFixed(2)} s  (generation ${r.generationSeconds.toFixed(2)} s, merge ${r.mergeSeconds.toFixed(2)} s)`,
    );
  }
  console.log(`  speedup with 2 workers: core ${report.speedup.core.toFixed(2)}x, wall ${report.speedup.wall.toFixed(2)}x; same ledger digest: ${report.sameDigest}`);
  console.log(`  keys, one thread: whole stream ${m(keys.denseEventsPerSecond)}, one partition of 2 ${m(keys.sparseEventsPerSecond)} (${report.keys.sparseOverDense.toFixed(2)}x)`);
}
