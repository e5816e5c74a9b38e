import type { Argv, CommandModule } from "yargs";
import { DEFAULT_SYNTHETIC_LOAD, runSyntheticLoad, type SyntheticLoadReport } from "../../load/index.js";
import { errors } from "../../errors.js";
import { formatBytes, formatCount, formatRate, printJson } from "../output.js";

interface LoadArgs {
  events: number;
  viewers: number;
  creators: number;
  gifts: number;
  seed: string;
  batch: number;
  preset: string;
  json: boolean;
}

export const loadCommand: CommandModule<object, LoadArgs> = {
  command: "load",
  describe: "Push a seeded synthetic gift stream through the conversion core and measure it",
  builder: (yargs: Argv) =>
    yargs
      .option("events", { type: "number", default: DEFAULT_SYNTHETIC_LOAD.events, describe: "gift events to generate" })
      .option("viewers", { type: "number", default: DEFAULT_SYNTHETIC_LOAD.viewers, describe: "viewers (wallets)" })
      .option("creators", { type: "number", default: DEFAULT_SYNTHETIC_LOAD.creators, describe: "creators (accounts)" })
      .option("gifts", { type: "number", default: DEFAULT_SYNTHETIC_LOAD.gifts, describe: "gift kinds: the first G of the catalog (synthetic past its end)" })
      .option("seed", { type: "string", default: DEFAULT_SYNTHETIC_LOAD.seed })
      .option("batch", { type: "number", default: DEFAULT_SYNTHETIC_LOAD.batchSize, describe: "rows per core call" })
      .option("preset", { type: "string", default: DEFAULT_SYNTHETIC_LOAD.preset, describe: "platform preset" })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" })
      .example("$0 load --events 20000000 --viewers 1000000 --creators 1000 --gifts 64", "the reference benchmark size")
      .example("$0 load --json", "machine-readable report") as unknown as Argv<LoadArgs>,
  handler: (args) => {
    const report = runSyntheticLoad(
      {
        events: args.events,
        viewers: args.viewers,
        creators: args.creators,
        gifts: args.gifts,
        seed: args.seed,
        batchSize: args.batch,
        preset: args.preset,
      },
      args.json || !process.stderr.isTTY ? undefined : (done) => process.stderr.write(`\r  ${formatCount(done)} / ${formatCount(args.events)} events`),
    );
    if (!args.json && process.stderr.isTTY) process.stderr.write("\n");
    if (args.json) printJson(report);
    else process.stdout.write(formatLoadReport(report));
    if (report.audit.state === "failed") throw errors.auditFailed(report.audit.failures);
  },
};

function formatLoadReport(report: SyntheticLoadReport): string {
  const { options, batchLatencyMicros: latency } = report;
  const rejected = Object.entries(report.rejected).filter(([, n]) => n > 0);
  return [
    `giftsim load (synthetic, seed ${options.seed}): ${formatCount(report.giftEvents)} gifts, ${formatCount(report.purchaseEvents)} purchases, ${formatCount(options.viewers)} viewers, ${formatCount(options.creators)} creators, ${options.gifts} gifts`,
    `  core gifts       ${formatRate(report.coreEventsPerSecond)}  (${report.giftCoreSeconds.toFixed(2)} s)`,
    `  core all rows    ${formatRate(report.coreRowsPerSecond)}  (gifts + purchases, ${report.coreSeconds.toFixed(2)} s)`,
    `  generation       ${report.generationSeconds.toFixed(2)} s (timed apart)`,
    `  batch latency    p50 ${latency.p50} us  p90 ${latency.p90} us  p99 ${latency.p99} us  p99.9 ${latency.p999} us  max ${latency.max} us  (${latency.count} batches of ${formatCount(options.batchSize)})`,
    `  peak memory      ${formatBytes(report.peakRssBytes)}`,
    `  rejected         ${rejected.length === 0 ? "none" : rejected.map(([reason, n]) => `${reason} ${formatCount(n)}`).join(", ")}`,
    `  audit            ${report.audit.state}${report.audit.failures.length ? `: ${report.audit.failures.join("; ")}` : ""}`,
    `  ledger digest    ${report.ledgerDigest.slice(0, 16)}`,
    "",
  ].join("\n");
}
