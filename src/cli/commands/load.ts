import type { Argv, CommandModule } from "yargs";
import {
  DEFAULT_HTTP_LOAD,
  DEFAULT_SYNTHETIC_LOAD,
  parseDuration,
  parseStages,
  parseThreshold,
  renderSummaryJson,
  renderSummaryText,
  runHttpLoad,
  runSyntheticLoad,
  type ArrivalProfile,
  type HttpLoadSummary,
  type SummaryRenderer,
  type SyntheticLoadReport,
} from "../../load/index.js";
import { errors, type Problem } from "../../errors.js";
import { formatBytes, formatCount, formatRate, printJson } from "../output.js";

interface LoadArgs {
  events?: number;
  viewers?: number;
  creators?: number;
  gifts?: number;
  preset?: string;
  workers?: number;
  seed: string;
  batch?: number;
  json: boolean;
  target?: string;
  rate?: number;
  duration?: string;
  stages?: string;
  "start-rate"?: number;
  connections?: number;
  "max-inflight"?: number;
  retries?: number;
  timeout?: string;
  grace?: string;
  threshold?: string[];
  reconcile: boolean;
}

/** Flags of one mode only: given in the other, they are an error rather than silently ignored. */
const SYNTHETIC_ONLY = ["events", "viewers", "creators", "gifts", "preset", "workers"] as const;
const TARGET_ONLY = ["rate", "duration", "stages", "start-rate", "connections", "max-inflight", "retries", "timeout", "grace", "threshold"] as const;

/**
 * Summary formats of `load --target`. JSON and text for now; the report machinery adds its
 * HTML page here, reading the same HttpLoadSummary.
 */
const SUMMARY_RENDERERS: Record<"text" | "json", SummaryRenderer> = { text: renderSummaryText, json: renderSummaryJson };

export const loadCommand: CommandModule<object, LoadArgs> = {
  command: "load",
  describe: "Load the conversion core: in-process with a seeded synthetic stream, or over HTTP with --target",
  builder: (yargs: Argv) =>
    yargs
      .option("events", { type: "number", describe: `gift events to generate (default ${formatCount(DEFAULT_SYNTHETIC_LOAD.events)})` })
      .option("viewers", { type: "number", describe: `viewers (wallets) (default ${formatCount(DEFAULT_SYNTHETIC_LOAD.viewers)})` })
      .option("creators", { type: "number", describe: `creators (accounts) (default ${formatCount(DEFAULT_SYNTHETIC_LOAD.creators)})` })
      .option("gifts", { type: "number", describe: `gift kinds: the first G of the catalog, synthetic past its end (default ${DEFAULT_SYNTHETIC_LOAD.gifts})` })
      .option("preset", { type: "string", describe: `platform preset (default ${DEFAULT_SYNTHETIC_LOAD.preset})` })
      .option("workers", { type: "number", describe: "worker threads, the stream partitioned by viewer (default 1: this thread)" })
      .option("seed", { type: "string", default: DEFAULT_SYNTHETIC_LOAD.seed })
      .option("batch", {
        type: "number",
        describe: `rows per core call (default ${formatCount(DEFAULT_SYNTHETIC_LOAD.batchSize)}); with --target, gifts per request (default ${DEFAULT_HTTP_LOAD.giftsPerRequest})`,
      })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" })
      .option("target", { type: "string", describe: "base URL of a gift service speaking the giftsim HTTP API (docs/http-api.md)" })
      .option("rate", { type: "number", describe: "with --target: constant arrival rate, requests per second (default 100)" })
      .option("duration", { type: "string", describe: "with --rate: how long, e.g. 30s, 2m (default 10s)" })
      .option("stages", { type: "string", describe: 'with --target: ramping arrival rate, duration:rate stages, e.g. "10s:100,20s:500"' })
      .option("start-rate", { type: "number", describe: "with --stages: requests per second at the start (default 0)" })
      .option("connections", { type: "number", describe: `with --target: keep-alive connections (default ${DEFAULT_HTTP_LOAD.connections})` })
      .option("max-inflight", { type: "number", describe: `with --target: due requests not yet answered beyond which new ones are dropped (default ${formatCount(DEFAULT_HTTP_LOAD.maxInFlight)})` })
      .option("retries", { type: "number", describe: `with --target: retries after 429, 5xx or no answer, same idempotency keys (default ${DEFAULT_HTTP_LOAD.retries})` })
      .option("timeout", { type: "string", describe: "with --target: per attempt (default 10s)" })
      .option("grace", { type: "string", describe: "with --target: time for unanswered requests after the last is due (default 10s)" })
      .option("threshold", { type: "string", array: true, describe: 'with --target: pass/fail criterion, repeatable: "p99<50ms", "errors<0.1%", "rps>=900"; a broken one exits 1' })
      .option("reconcile", { type: "boolean", default: true, describe: "with --target: prove from the server's tallies that every accepted event was applied once (--no-reconcile to skip)" })
      .example("$0 load --events 20000000 --viewers 1000000 --creators 1000 --gifts 64", "the reference benchmark size")
      .example("$0 load --workers 2", "the same stream partitioned by viewer across 2 worker threads")
      .example("$0 load --target http://127.0.0.1:8787 --rate 500 --duration 30s --threshold 'p99<50ms' --threshold 'errors<0.1%'", "constant arrival rate against giftsim serve")
      .example("$0 load --target http://127.0.0.1:8787 --stages 10s:100,20s:1000 --batch 50", "ramping arrival rate")
      .example("$0 load --json", "machine-readable report") as unknown as Argv<LoadArgs>,
  handler: async (args) => {
    if (args.target === undefined) await syntheticLoad(args);
    else await httpLoad(args, args.target);
  },
};

function rejectFlags(args: LoadArgs, flags: readonly (keyof LoadArgs)[], why: string): void {
  const given: Problem[] = flags.filter((flag) => args[flag] !== undefined).map((flag) => ({ path: `--${flag}`, value: args[flag], expected: why }));
  if (given.length > 0) throw errors.invalidInput("load options", given);
}

async function syntheticLoad(args: LoadArgs): Promise<void> {
  rejectFlags(args, TARGET_ONLY, "only with --target (an HTTP load)");
  if (!args.reconcile) throw errors.invalidInput("load options", [{ path: "--no-reconcile", value: true, expected: "only with --target (an HTTP load)" }]);
  const defaults = DEFAULT_SYNTHETIC_LOAD;
  const options = {
    events: args.events ?? defaults.events,
    viewers: args.viewers ?? defaults.viewers,
    creators: args.creators ?? defaults.creators,
    gifts: args.gifts ?? defaults.gifts,
    seed: args.seed,
    batchSize: args.batch ?? defaults.batchSize,
    preset: args.preset ?? defaults.preset,
    workers: args.workers ?? defaults.workers,
  };
  // Workers report when they finish, not as they go: a progress line only on this thread.
  const showProgress = !args.json && process.stderr.isTTY && options.workers === 1;
  const report = await runSyntheticLoad(
    options,
    showProgress ? (done) => process.stderr.write(`\r  ${formatCount(done)} / ${formatCount(options.events)} events`) : undefined,
  );
  if (showProgress) process.stderr.write("\n");
  if (args.json) printJson(report);
  else process.stdout.write(formatLoadReport(report));
  if (report.audit.state === "failed") throw errors.auditFailed(report.audit.failures);
}

function arrivalFrom(args: LoadArgs): ArrivalProfile {
  if (args.stages !== undefined) {
    const clash: Problem[] = [];
    if (args.rate !== undefined) clash.push({ path: "--rate", value: args.rate, expected: "either --rate (constant) or --stages (ramping), not both" });
    if (args.duration !== undefined) clash.push({ path: "--duration", value: args.duration, expected: "no --duration with --stages: the stages say how long" });
    if (clash.length > 0) throw errors.invalidInput("load options", clash);
    return { kind: "ramping", startRatePerSecond: args["start-rate"] ?? 0, stages: parseStages(args.stages) };
  }
  if (args["start-rate"] !== undefined) throw errors.invalidInput("load options", [{ path: "--start-rate", value: args["start-rate"], expected: "only with --stages" }]);
  const defaults = DEFAULT_HTTP_LOAD.arrival as Extract<ArrivalProfile, { kind: "constant" }>;
  return {
    kind: "constant",
    ratePerSecond: args.rate ?? defaults.ratePerSecond,
    durationMs: args.duration === undefined ? defaults.durationMs : parseDuration(args.duration, "--duration"),
  };
}

async function httpLoad(args: LoadArgs, target: string): Promise<void> {
  rejectFlags(args, SYNTHETIC_ONLY, "only without --target (the in-process load); the target's own size applies");
  const defaults = DEFAULT_HTTP_LOAD;
  const options = {
    target,
    arrival: arrivalFrom(args),
    giftsPerRequest: args.batch ?? defaults.giftsPerRequest,
    connections: args.connections ?? defaults.connections,
    maxInFlight: args["max-inflight"] ?? defaults.maxInFlight,
    retries: args.retries ?? defaults.retries,
    timeoutMs: args.timeout === undefined ? defaults.timeoutMs : parseDuration(args.timeout, "--timeout"),
    graceMs: args.grace === undefined ? defaults.graceMs : parseDuration(args.grace, "--grace"),
    seed: args.seed,
    thresholds: (args.threshold ?? []).map((expression) => parseThreshold(expression)),
    reconcile: args.reconcile,
  };
  const tty = !args.json && process.stderr.isTTY;
  const summary = await runHttpLoad(options, {
    onProgress: tty
      ? (p) => process.stderr.write(`\r  ${(p.elapsedMs / 1000).toFixed(0)} s  ${formatCount(p.due)} / ${formatCount(p.total)} due  ${formatCount(p.ok)} ok  ${formatCount(p.outstanding)} outstanding `)
      : undefined,
  });
  if (tty) process.stderr.write("\n");
  process.stdout.write(SUMMARY_RENDERERS[args.json ? "json" : "text"](summary));
  failIfBroken(summary);
}

function failIfBroken(summary: HttpLoadSummary): void {
  const r = summary.reconciliation;
  if (r.state === "failed" || r.state === "inconclusive") throw errors.reconciliationFailed(r.problems);
  const broken = summary.thresholds.filter((t) => !t.ok).map((t) => `${t.expression} (measured ${t.actualText})`);
  if (broken.length > 0) throw errors.thresholdFailed(broken);
}

function formatLoadReport(report: SyntheticLoadReport): string {
  const { options, batchLatencyMicros: latency } = report;
  const rejected = Object.entries(report.rejected).filter(([, n]) => n > 0);
  const workers =
    options.workers === 1
      ? []
      : [
          `  workers          ${options.workers}, partitioned by viewer: ${report.partitions.map((p) => `${formatRate(p.coreEventsPerSecond)} (${formatCount(p.giftEvents)} gifts)`).join(", ")}; merge ${report.mergeSeconds.toFixed(2)} s`,
        ];
  return [
    `giftsim load (synthetic, seed ${options.seed}): ${formatCount(report.giftEvents)} gifts, ${formatCount(report.purchaseEvents)} purchases, ${formatCount(options.viewers)} viewers, ${formatCount(options.creators)} creators, ${options.gifts} gifts`,
    `  core gifts       ${formatRate(report.coreEventsPerSecond)}  (${report.giftCoreSeconds.toFixed(2)} s${options.workers > 1 ? ", slowest worker" : ""})`,
    `  core all rows    ${formatRate(report.coreRowsPerSecond)}  (gifts + purchases, ${report.coreSeconds.toFixed(2)} s)`,
    `  generation       ${report.generationSeconds.toFixed(2)} s (timed apart${options.workers > 1 ? "; every worker generates the whole stream" : ""})`,
    ...workers,
    `  wall             ${formatRate(report.wallEventsPerSecond)}  (${report.wallSeconds.toFixed(2)} s, everything included)`,
    `  batch latency    p50 ${latency.p50} us  p90 ${latency.p90} us  p99 ${latency.p99} us  p99.9 ${latency.p999} us  max ${latency.max} us  (${latency.count} batches${options.workers > 1 ? " (partition shares)" : ""} of ${formatCount(options.batchSize)})`,
    `  peak memory      ${formatBytes(report.peakRssBytes)}`,
    `  rejected         ${rejected.length === 0 ? "none" : rejected.map(([reason, n]) => `${reason} ${formatCount(n)}`).join(", ")}`,
    `  audit            ${report.audit.state}${report.audit.failures.length ? `: ${report.audit.failures.join("; ")}` : ""}`,
    `  ledger digest    ${report.ledgerDigest.slice(0, 16)}`,
    "",
  ].join("\n");
}
