import type { Argv, CommandModule } from "yargs";
// Light modules only at startup: the load itself (core, workers) is imported when it runs.
import type { SyntheticLoadReport } from "../../../load/synthetic/synthetic-load.js";
import { DEFAULT_SYNTHETIC_LOAD } from "../../../load/synthetic/synthetic-options.js";
import { VIRTUAL_PARTITIONS } from "../../../load/synthetic/viewer-partition.js";
import { errors } from "../../../errors.js";
import { formatCount, formatRate, printJson } from "../../output.js";
import { batchLatencyLine, eventProgress, ledgerLines } from "./in-process-lines.js";
import { valuesGiven } from "../../option-values.js";

interface SyntheticArgs {
  events: number;
  viewers: number;
  creators: number;
  gifts: number;
  preset: string;
  workers: number;
  seed: string;
  batch: number;
  json: boolean;
}

const defaults = DEFAULT_SYNTHETIC_LOAD;

/** `giftsim load synthetic` (the default of `giftsim load`): a seeded synthetic stream through the core in process. */
export const syntheticLoadMode: CommandModule<object, SyntheticArgs> = {
  command: ["synthetic", "$0"],
  describe: "a seeded synthetic gift stream through the core in process (the default)",
  builder: (yargs: Argv) =>
    yargs
      .option("events", { type: "number", default: defaults.events, describe: "gift events to generate" })
      .option("viewers", { type: "number", default: defaults.viewers, describe: "viewers (wallets)" })
      .option("creators", { type: "number", default: defaults.creators, describe: "creators (accounts)" })
      .option("gifts", { type: "number", default: defaults.gifts, describe: "gift kinds: the first G of the catalog, synthetic past its end" })
      .option("preset", { type: "string", requiresArg: true, default: defaults.preset, describe: "platform preset" })
      .option("workers", { type: "number", default: defaults.workers, describe: "worker threads, the stream partitioned by viewer (1: this thread)" })
      .option("seed", { type: "string", requiresArg: true, default: defaults.seed, describe: "seed of the synthetic stream" })
      .check(valuesGiven(["seed", "preset"]))
      .option("batch", { type: "number", default: defaults.batchSize, describe: "gifts per core call (the purchases that fund them go in a call of their own)" })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" })
      .example("$0 load --events 20000000 --viewers 1000000 --creators 1000 --gifts 64", "the reference benchmark size")
      .example("$0 load --workers 2", "the same stream partitioned by viewer across 2 worker threads")
      .example("$0 load --json", "machine-readable report") as unknown as Argv<SyntheticArgs>,
  handler: async (args) => {
    const options = {
      events: args.events,
      viewers: args.viewers,
      creators: args.creators,
      gifts: args.gifts,
      seed: args.seed,
      batchSize: args.batch,
      preset: args.preset,
      workers: args.workers,
    };
    // Workers report when they finish, not as they go: a progress line only on this thread.
    const progress = eventProgress(!args.json && process.stderr.isTTY && options.workers === 1);
    const { runSyntheticLoad } = await import("../../../load/synthetic/index.js");
    const report = await runSyntheticLoad(options, progress && ((done) => progress.update(done, options.events)));
    progress?.end();
    if (args.json) printJson(report);
    else process.stdout.write(formatSyntheticReport(report));
    if (report.audit.state === "failed") throw errors.auditFailed(report.audit.failures);
  },
};

function formatSyntheticReport(report: SyntheticLoadReport): string {
  const { options, batchLatencyMicros: latency } = report;
  const workers =
    options.workers === 1
      ? []
      : [
          `  workers          ${options.workers}, each running whole virtual partitions of the stream (${VIRTUAL_PARTITIONS} in all): ${report.partitions.map((p) => `${formatRate(p.coreEventsPerSecond)} (${formatCount(p.giftEvents)} gifts)`).join(", ")}; merge ${report.mergeSeconds.toFixed(2)} s`,
        ];
  return [
    `giftsim load (synthetic, seed ${options.seed}): ${formatCount(report.giftEvents)} gifts, ${formatCount(report.purchaseEvents)} purchases, ${formatCount(options.viewers)} viewers, ${formatCount(options.creators)} creators, ${options.gifts} gifts`,
    `  core gifts       ${formatRate(report.coreEventsPerSecond)}  (${report.giftCoreSeconds.toFixed(2)} s${options.workers > 1 ? ", slowest worker" : ""})`,
    `  core all rows    ${formatRate(report.coreRowsPerSecond)}  (gifts + purchases, ${report.coreSeconds.toFixed(2)} s)`,
    `  generation       ${report.generationSeconds.toFixed(2)} s (timed apart${options.workers > 1 ? ", slowest worker: each generates its own partitions" : ""})`,
    ...workers,
    `  wall             ${formatRate(report.wallEventsPerSecond)}  (${report.wallSeconds.toFixed(2)} s, everything included)`,
    batchLatencyLine(latency, `${latency.count} batches${options.workers > 1 ? " (partition shares)" : ""} of ${formatCount(options.batchSize)}`),
    ...ledgerLines(report),
    `  ledger digest    ${report.ledgerDigest.slice(0, 16)}`,
    "",
  ].join("\n");
}
