import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Argv, CommandModule } from "yargs";
// Light modules only at startup; the load library (core, workers, HTTP client, simulation,
// vega) is imported when a load actually runs, so `giftsim --help` stays fast.
import { parseStages, type RateProfile } from "../../load/http/arrival-schedule.js";
import { parseDuration } from "../../load/http/duration.js";
import { DEFAULT_HTTP_LOAD, type HttpLoadOptions } from "../../load/http/http-load-options.js";
import type { HttpLoadSummary } from "../../load/http/summary.js";
import type { LatencySummary } from "../../load/latency-histogram.js";
import { parseThreshold } from "../../load/http/threshold.js";
import { DEFAULT_REPLAY_LOAD } from "../../load/replay/replay-options.js";
import type { ReplayLoadReport } from "../../load/replay/replay-load.js";
import type { SyntheticLoadReport } from "../../load/synthetic/synthetic-load.js";
import { DEFAULT_SYNTHETIC_LOAD } from "../../load/synthetic/synthetic-options.js";
import { VIRTUAL_PARTITIONS } from "../../load/synthetic/viewer-partition.js";
import { errors, type Problem } from "../../errors.js";
import { formatBytes, formatCount, formatRate, printJson } from "../output.js";

interface LoadArgs {
  events?: number;
  viewers?: number;
  creators?: number;
  gifts?: number;
  preset?: string;
  workers?: number;
  seed?: string;
  batch?: number;
  scenario?: string;
  arm?: string;
  replicate?: number;
  repeat?: number;
  speed?: number;
  "max-gap"?: string;
  html?: string;
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
  warmup?: string;
  threshold?: string[];
  reconcile: boolean;
}

/** Flags of one mode only: given in the other, they are an error rather than silently ignored. */
const SYNTHETIC_ONLY = ["events", "viewers", "creators", "gifts", "preset", "workers"] as const;
const TARGET_ONLY = ["rate", "duration", "stages", "start-rate", "connections", "max-inflight", "retries", "timeout", "grace", "warmup", "threshold", "html"] as const;
const SCENARIO_ONLY = ["arm", "replicate", "repeat", "speed", "max-gap"] as const;

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
      .option("seed", { type: "string", describe: `seed of the synthetic stream (default ${DEFAULT_SYNTHETIC_LOAD.seed}); with --scenario, the master seed (default the file's)` })
      .option("batch", {
        type: "number",
        describe: `rows per core call (default ${formatCount(DEFAULT_SYNTHETIC_LOAD.batchSize)}); with --target, gifts per request (default ${DEFAULT_HTTP_LOAD.giftsPerRequest})`,
      })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" })
      .option("scenario", { type: "string", describe: "replay the purchases and gifts one replicate of this scenario file produces, in simulated time order" })
      .option("arm", { type: "string", describe: "with --scenario: the arm to simulate (default the first)" })
      .option("replicate", { type: "number", describe: `with --scenario: replicate index, seeded as giftsim run seeds it (default ${DEFAULT_REPLAY_LOAD.replicate})` })
      .option("repeat", { type: "number", describe: "with --scenario: copies of the stream back to back, on fresh stream and order ids (default 1)" })
      .option("speed", { type: "number", describe: "with --scenario --target: simulated seconds per real second (or --rate: average events per second)" })
      .option("max-gap", { type: "string", describe: `with --scenario --target: simulated idle gaps longer than this are shortened to it (default ${DEFAULT_REPLAY_LOAD.maxGapSeconds}s)` })
      .option("html", { type: "string", describe: "with --target: also write the summary as a self-contained HTML page with charts to this file" })
      .option("target", { type: "string", describe: "base URL of a gift service speaking the giftsim HTTP API (docs/http-api.md)" })
      .option("rate", { type: "number", describe: "with --target: constant arrival rate, requests per second (default 100); with --scenario, average events per second" })
      .option("duration", { type: "string", describe: "with --rate: how long, e.g. 30s, 2m (default 10s)" })
      .option("stages", { type: "string", describe: 'with --target: ramping arrival rate, duration:rate stages, e.g. "10s:100,20s:500"' })
      .option("start-rate", { type: "number", describe: "with --stages: requests per second at the start (default 0)" })
      .option("connections", { type: "number", describe: `with --target: keep-alive connections (default ${DEFAULT_HTTP_LOAD.connections})` })
      .option("max-inflight", { type: "number", describe: `with --target: due requests not yet answered beyond which new ones are dropped (default ${formatCount(DEFAULT_HTTP_LOAD.maxInFlight)})` })
      .option("retries", { type: "number", describe: `with --target: retries after 429, 5xx or no answer, same idempotency keys (default ${DEFAULT_HTTP_LOAD.retries})` })
      .option("timeout", { type: "string", describe: "with --target: per attempt (default 10s)" })
      .option("grace", { type: "string", describe: "with --target: time for unanswered requests after the last is due (default 10s)" })
      .option("warmup", {
        type: "string",
        describe: "with --target: requests due this long from the start are sent and counted, but left out of latency figures and latency thresholds, e.g. 2s (default none)",
      })
      .option("threshold", { type: "string", array: true, describe: 'with --target: pass/fail criterion, repeatable: "p99<50ms", "errors<0.1%", "rps>=900"; a broken one exits 1' })
      .option("reconcile", { type: "boolean", default: true, describe: "with --target: prove from the server's tallies that every accepted event was applied once (--no-reconcile to skip)" })
      .example("$0 load --events 20000000 --viewers 1000000 --creators 1000 --gifts 64", "the reference benchmark size")
      .example("$0 load --workers 2", "the same stream partitioned by viewer across 2 worker threads")
      .example("$0 load --target http://127.0.0.1:8787 --rate 500 --duration 30s --threshold 'p99<50ms' --threshold 'errors<0.1%'", "constant arrival rate against giftsim serve")
      .example("$0 load --target http://127.0.0.1:8787 --stages 10s:100,20s:1000 --batch 50", "ramping arrival rate")
      .example("$0 load --scenario scenarios/battle-night.yaml --arm battle-fresh --repeat 200", "a scenario's gift stream, 200 copies, through the core in process")
      .example("$0 load --scenario scenarios/battle-night.yaml --arm battle-fresh --target http://127.0.0.1:8787 --speed 3600 --html load.html", "the same stream over HTTP, an hour of simulated time per second, with an HTML summary")
      .example("$0 load --json", "machine-readable report") as unknown as Argv<LoadArgs>,
  handler: async (args) => {
    if (args.scenario === undefined) rejectFlags(args, SCENARIO_ONLY, "only with --scenario (a replay)");
    else rejectFlags(args, SYNTHETIC_ONLY, "not with --scenario: the scenario sets the stream");
    if (args.target === undefined) await (args.scenario === undefined ? syntheticLoad(args) : replayLoad(args, args.scenario));
    else await httpLoad(args, args.target);
  },
};

function rejectFlags(args: LoadArgs, flags: readonly (keyof LoadArgs)[], why: string): void {
  const given: Problem[] = flags.filter((flag) => args[flag] !== undefined).map((flag) => ({ path: `--${flag}`, value: args[flag], expected: why }));
  if (given.length > 0) throw errors.invalidInput("load options", given);
}

/**
 * An in-process load has no target: refuses the flags only an HTTP load reads, then `more`
 * (flags with their own reason), then --no-reconcile.
 */
function rejectHttpOnly(args: LoadArgs, more?: { flags: readonly (keyof LoadArgs)[]; why: string }): void {
  const why = "only with --target (an HTTP load)";
  rejectFlags(args, TARGET_ONLY, why);
  if (more !== undefined) rejectFlags(args, more.flags, more.why);
  if (!args.reconcile) throw errors.invalidInput("load options", [{ path: "--no-reconcile", value: true, expected: why }]);
}

async function syntheticLoad(args: LoadArgs): Promise<void> {
  rejectHttpOnly(args);
  const defaults = DEFAULT_SYNTHETIC_LOAD;
  const options = {
    events: args.events ?? defaults.events,
    viewers: args.viewers ?? defaults.viewers,
    creators: args.creators ?? defaults.creators,
    gifts: args.gifts ?? defaults.gifts,
    seed: args.seed ?? defaults.seed,
    batchSize: args.batch ?? defaults.batchSize,
    preset: args.preset ?? defaults.preset,
    workers: args.workers ?? defaults.workers,
  };
  // Workers report when they finish, not as they go: a progress line only on this thread.
  const showProgress = !args.json && process.stderr.isTTY && options.workers === 1;
  const { runSyntheticLoad } = await import("../../load/index.js");
  const report = await runSyntheticLoad(
    options,
    showProgress ? (done) => process.stderr.write(`\r  ${formatCount(done)} / ${formatCount(options.events)} events`) : undefined,
  );
  if (showProgress) process.stderr.write("\n");
  if (args.json) printJson(report);
  else process.stdout.write(formatLoadReport(report));
  if (report.audit.state === "failed") throw errors.auditFailed(report.audit.failures);
}

async function replayLoad(args: LoadArgs, file: string): Promise<void> {
  rejectHttpOnly(args, { flags: ["speed", "max-gap"], why: "only with --target: in process, events go through the core as fast as it takes them" });
  const { runReplayLoad } = await import("../../load/index.js");
  const showProgress = !args.json && process.stderr.isTTY;
  const report = runReplayLoad(
    { file, arm: args.arm, replicate: args.replicate ?? DEFAULT_REPLAY_LOAD.replicate, seed: args.seed, repeat: args.repeat ?? DEFAULT_REPLAY_LOAD.repeat, batchSize: args.batch ?? DEFAULT_REPLAY_LOAD.batchSize },
    showProgress ? (done, total) => process.stderr.write(`\r  ${formatCount(done)} / ${formatCount(total)} events`) : undefined,
  );
  if (showProgress) process.stderr.write("\n");
  if (args.json) printJson(report);
  else process.stdout.write(formatReplayReport(report));
  if (report.audit.state === "failed") throw errors.auditFailed(report.audit.failures);
  if (report.simulation.state === "different") throw errors.replayMismatch(report.simulation.differences);
}

function arrivalFrom(args: LoadArgs): RateProfile {
  if (args.stages !== undefined) {
    const clash: Problem[] = [];
    if (args.rate !== undefined) clash.push({ path: "--rate", value: args.rate, expected: "either --rate (constant) or --stages (ramping), not both" });
    if (args.duration !== undefined) clash.push({ path: "--duration", value: args.duration, expected: "no --duration with --stages: the stages say how long" });
    if (clash.length > 0) throw errors.invalidInput("load options", clash);
    return { kind: "ramping", startRatePerSecond: args["start-rate"] ?? 0, stages: parseStages(args.stages) };
  }
  if (args["start-rate"] !== undefined) throw errors.invalidInput("load options", [{ path: "--start-rate", value: args["start-rate"], expected: "only with --stages" }]);
  const defaults = DEFAULT_HTTP_LOAD.arrival as Extract<RateProfile, { kind: "constant" }>;
  return {
    kind: "constant",
    ratePerSecond: args.rate ?? defaults.ratePerSecond,
    durationMs: args.duration === undefined ? defaults.durationMs : parseDuration(args.duration, "--duration"),
  };
}

async function httpLoad(args: LoadArgs, target: string): Promise<void> {
  rejectFlags(args, SYNTHETIC_ONLY, "only without --target (the in-process load); the target's own size applies");
  const defaults = DEFAULT_HTTP_LOAD;
  const library = await import("../../load/index.js");
  const replay = args.scenario === undefined ? undefined : replayTrafficFrom(library, args, args.scenario);
  const options: HttpLoadOptions = {
    target,
    arrival: replay?.arrival ?? arrivalFrom(args),
    giftsPerRequest: args.batch ?? (replay === undefined ? defaults.giftsPerRequest : DEFAULT_REPLAY_LOAD.eventsPerRequest),
    connections: args.connections ?? defaults.connections,
    maxInFlight: args["max-inflight"] ?? defaults.maxInFlight,
    retries: args.retries ?? defaults.retries,
    timeoutMs: args.timeout === undefined ? defaults.timeoutMs : parseDuration(args.timeout, "--timeout"),
    graceMs: args.grace === undefined ? defaults.graceMs : parseDuration(args.grace, "--grace"),
    warmupMs: args.warmup === undefined ? defaults.warmupMs : parseDuration(args.warmup, "--warmup"),
    seed: args.seed ?? DEFAULT_SYNTHETIC_LOAD.seed,
    thresholds: (args.threshold ?? []).map((expression) => parseThreshold(expression)),
    reconcile: args.reconcile,
  };
  const tty = !args.json && process.stderr.isTTY;
  const summary = await library.runHttpLoad(
    options,
    {
      onProgress: tty
        ? (p) => process.stderr.write(`\r  ${(p.elapsedMs / 1000).toFixed(0)} s  ${formatCount(p.due)} / ${formatCount(p.total)} due  ${formatCount(p.ok)} ok  ${formatCount(p.outstanding)} outstanding `)
        : undefined,
    },
    replay?.traffic,
  );
  if (tty) process.stderr.write("\n");
  process.stdout.write((args.json ? library.renderSummaryJson : library.renderSummaryText)(summary));
  if (args.html !== undefined) {
    const { renderSummaryHtml } = await import("../../load/http/summary-html.js");
    mkdirSync(dirname(args.html), { recursive: true });
    writeFileSync(args.html, await renderSummaryHtml(summary));
  }
  failIfBroken(summary);
}

/** A scenario replay's timing and traffic, from --scenario and its flags. */
function replayTrafficFrom(library: typeof import("../../load/index.js"), args: LoadArgs, file: string) {
  rejectFlags(args, ["duration", "stages", "start-rate"], "not with --scenario: the scenario's own timing, scaled by --speed or --rate, sets the arrivals");
  if ((args.speed === undefined) === (args.rate === undefined)) {
    // Simulated real time is rarely wanted (a four-week scenario would take days): the pace is asked for.
    throw errors.invalidInput("load options", [
      { path: "--speed", value: args.speed ?? null, expected: "with --scenario --target, exactly one of --speed (simulated seconds per real second) or --rate (events per second)" },
    ]);
  }
  const problems: Problem[] = [];
  for (const flag of ["speed", "rate"] as const) {
    const value = args[flag];
    if (value !== undefined && !(value > 0 && value <= 1e9)) problems.push({ path: `--${flag}`, value, expected: "a number above 0" });
  }
  const maxGapSeconds = args["max-gap"] === undefined ? DEFAULT_REPLAY_LOAD.maxGapSeconds : parseDuration(args["max-gap"], "--max-gap") / 1000;
  if (!(maxGapSeconds > 0)) problems.push({ path: "--max-gap", value: args["max-gap"], expected: "a duration above 0" });
  if (problems.length > 0) throw errors.invalidInput("load options", problems);
  const repeat = args.repeat ?? DEFAULT_REPLAY_LOAD.repeat;
  library.validateReplayLoad({ file, replicate: args.replicate ?? DEFAULT_REPLAY_LOAD.replicate, repeat, batchSize: args.batch ?? DEFAULT_REPLAY_LOAD.eventsPerRequest });
  const stream = library.captureReplayStream({ file, arm: args.arm, replicate: args.replicate ?? DEFAULT_REPLAY_LOAD.replicate, seed: args.seed });
  return library.replayTraffic(stream, {
    speed: args.speed,
    eventsPerSecond: args.rate,
    maxGapSeconds,
    eventsPerRequest: args.batch ?? DEFAULT_REPLAY_LOAD.eventsPerRequest,
    repeat,
  });
}

function failIfBroken(summary: HttpLoadSummary): void {
  const r = summary.reconciliation;
  if (r.state === "failed" || r.state === "inconclusive") throw errors.reconciliationFailed(r.problems);
  if (r.state === "unavailable") throw errors.reconciliationUnavailable(r.reason);
  const broken = summary.thresholds.filter((t) => !t.ok).map((t) => `${t.expression} (measured ${t.actualText})`);
  if (broken.length > 0) throw errors.thresholdFailed(broken);
}

function batchLatencyLine(latency: LatencySummary, batches: string): string {
  return `  batch latency    p50 ${latency.p50} us  p90 ${latency.p90} us  p99 ${latency.p99} us  p99.9 ${latency.p999} us  max ${latency.max} us  (${batches})`;
}

/** Memory, rejections and audit: the lines both in-process reports share. */
function ledgerLines(report: Pick<SyntheticLoadReport, "peakRssBytes" | "rejected" | "audit">): string[] {
  const rejected = Object.entries(report.rejected).filter(([, n]) => n > 0);
  return [
    `  peak memory      ${formatBytes(report.peakRssBytes)}`,
    `  rejected         ${rejected.length === 0 ? "none" : rejected.map(([reason, n]) => `${reason} ${formatCount(n)}`).join(", ")}`,
    `  audit            ${report.audit.state}${report.audit.failures.length ? `: ${report.audit.failures.join("; ")}` : ""}`,
  ];
}

function formatLoadReport(report: SyntheticLoadReport): string {
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

function formatReplayReport(report: ReplayLoadReport): string {
  const { source, stream, batchLatencyMicros: latency } = report;
  const sim = report.simulation;
  return [
    `giftsim load (scenario ${source.scenario}, arm ${source.arm}, replicate ${source.replicate}, seed ${source.masterSeed}${report.options.repeat > 1 ? `, x${report.options.repeat}` : ""}): ${formatCount(report.giftEvents)} gifts, ${formatCount(report.purchaseEvents)} purchases`,
    `  stream           ${formatCount(stream.gifts)} gifts, ${formatCount(stream.purchases)} purchases over ${(stream.simulatedSeconds / 86_400).toFixed(1)} simulated days, busiest simulated second ${formatCount(stream.peakEventsPerSimulatedSecond)} events; ${formatCount(stream.viewers)} viewers, ${formatCount(stream.creators)} creators (simulated in ${report.simulationSeconds.toFixed(2)} s)`,
    `  core events      ${formatRate(report.coreEventsPerSecond)}  (gifts + purchases, ${report.coreSeconds.toFixed(2)} s)`,
    `  wall             ${formatRate(report.wallEventsPerSecond)}  (${report.wallSeconds.toFixed(2)} s, batching included)`,
    batchLatencyLine(latency, `${latency.count} batches of up to ${formatCount(report.options.batchSize)} events`),
    ...ledgerLines(report),
    `  simulation       ${sim.state === "equal" ? `equal: every wallet, purchase and creator credit is ${sim.repeat > 1 ? `${sim.repeat} x ` : ""}the simulation's own ledger` : `DIFFERENT: ${sim.differences.join("; ")}`}`,
    `  ledger digest    ${report.ledgerDigest.slice(0, 16)}`,
    "",
  ].join("\n");
}
