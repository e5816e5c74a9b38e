import type { Argv, CommandModule } from "yargs";
// Light modules only at startup: the HTTP client, the simulation and vega are imported when a load runs.
import { parseStages, type RateProfile } from "../../../load/http/arrival-schedule.js";
import { parseDuration } from "../../../load/http/duration.js";
import { DEFAULT_HTTP_LOAD, type HttpLoadOptions } from "../../../load/http/http-load-options.js";
import type { HttpLoadSummary } from "../../../load/http/summary.js";
import type { TrafficFactory } from "../../../load/http/traffic.js";
import { parseThreshold } from "../../../load/http/threshold.js";
import { DEFAULT_REPLAY_LOAD } from "../../../load/replay/replay-options.js";
import type { replayHttpTraffic } from "../../../load/replay/replay-traffic.js";
import { errors, type Problem } from "../../../errors.js";
import { writeFileAtomic } from "../../../run/atomic-file.js";
import { checkWritableFile } from "../../../run/make-folder.js";
import { formatCount } from "../../output.js";
import { replaySource, replaySourceOptions, type ReplaySourceArgs } from "./replay-source.js";
import { valuesGiven } from "../../option-values.js";

interface HttpArgs extends ReplaySourceArgs {
  target: string;
  rate?: number;
  duration?: string;
  stages?: string;
  "start-rate"?: number;
  "gifts-per-request"?: number;
  speed?: number;
  "event-rate"?: number;
  "max-gap"?: string;
  "events-per-request"?: number;
  connections: number;
  "max-inflight": number;
  retries: number;
  timeout: string;
  grace: string;
  warmup?: string;
  threshold?: string[];
  reconcile: boolean;
  html?: string;
  json: boolean;
}

/** The two sources of traffic: each one's flags are refused with the other rather than silently ignored. */
const SYNTHETIC_TRAFFIC = ["rate", "duration", "stages", "start-rate", "gifts-per-request"] as const;
const SCENARIO_TRAFFIC = ["arm", "replicate", "repeat", "speed", "event-rate", "max-gap", "events-per-request"] as const;

const defaults = DEFAULT_HTTP_LOAD;

/** `giftsim load http`: an open-model load over HTTP against a gift service, synthetic or a scenario's traffic. */
export const httpLoadMode: CommandModule<object, HttpArgs> = {
  command: "http",
  describe: "an open-model load over HTTP against a service speaking the giftsim HTTP API (docs/http-api.md): seeded synthetic traffic, or a scenario's with --scenario",
  builder: (yargs: Argv) =>
    replaySourceOptions(yargs)
      .option("target", { type: "string", demandOption: true, describe: "base URL of the gift service, e.g. http://127.0.0.1:8787" })
      .option("seed", { type: "string", describe: `seed of the synthetic traffic (default ${defaults.seed}); with --scenario, the scenario's master seed (default the file's)` })
      .check(valuesGiven(["seed", "target", "duration", "stages", "timeout", "grace", "warmup", "html", "max-gap", "scenario", "arm"]))
      .option("rate", { type: "number", describe: "constant arrival rate, requests per second (default 100)" })
      .option("duration", { type: "string", describe: "with --rate: how long, e.g. 30s, 2m (default 10s)" })
      .option("stages", { type: "string", describe: 'ramping arrival rate, duration:rate stages in requests per second, e.g. "10s:100,20s:500"' })
      .option("start-rate", { type: "number", describe: "with --stages: requests per second at the start (default 0)" })
      .option("gifts-per-request", { type: "number", describe: `gifts per request, each request carrying the purchases that fund them (default ${defaults.giftsPerRequest})` })
      .option("speed", { type: "number", describe: "simulated seconds per real second" })
      .option("event-rate", { type: "number", describe: "average events per second (sets the speed)" })
      .option("max-gap", { type: "string", describe: `simulated idle gaps longer than this are shortened to it (default ${DEFAULT_REPLAY_LOAD.maxGapSeconds}s)` })
      .option("events-per-request", { type: "number", describe: `events (purchases and gifts) per request at most (default ${DEFAULT_REPLAY_LOAD.eventsPerRequest})` })
      .option("connections", { type: "number", default: defaults.connections, describe: "keep-alive connections" })
      .option("max-inflight", { type: "number", default: defaults.maxInFlight, describe: "due requests not yet answered beyond which new ones are dropped" })
      .option("retries", { type: "number", default: defaults.retries, describe: "retries after 429, 5xx or no answer, same idempotency keys" })
      .option("timeout", { type: "string", default: `${defaults.timeoutMs / 1000}s`, describe: "per attempt" })
      .option("grace", { type: "string", default: `${defaults.graceMs / 1000}s`, describe: "time for unanswered requests after the last is due" })
      .option("warmup", { type: "string", describe: "requests due this long from the start are sent and counted, but left out of latency figures and latency thresholds, e.g. 2s (default none)" })
      .option("threshold", { type: "string", array: true, describe: 'pass/fail criterion, repeatable: "p99<50ms", "errors<0.1%", "rps>=900"; a broken one exits 1' })
      .option("reconcile", { type: "boolean", default: true, describe: "prove from the server's tallies that every accepted event was applied once (--no-reconcile to skip)" })
      .option("html", { type: "string", describe: "also write the summary as a self-contained HTML page with charts to this file" })
      .option("json", { type: "boolean", default: false, describe: "print the summary as JSON" })
      .group([...SYNTHETIC_TRAFFIC], "Synthetic traffic (without --scenario):")
      .group(["scenario", ...SCENARIO_TRAFFIC], "A scenario's traffic (with --scenario):")
      .example("$0 load http --target http://127.0.0.1:8787 --rate 500 --duration 30s --threshold 'p99<50ms' --threshold 'errors<0.1%'", "constant arrival rate against giftsim serve")
      .example("$0 load http --target http://127.0.0.1:8787 --stages 10s:100,20s:1000 --gifts-per-request 50", "ramping arrival rate")
      .example(
        "$0 load http --target http://127.0.0.1:8787 --scenario scenarios/battle-night.yaml --arm battle-fresh --speed 3600 --html load.html",
        "a scenario's stream over HTTP, an hour of simulated time per second, with an HTML summary",
      ) as unknown as Argv<HttpArgs>,
  handler: async (args) => {
    // A summary page that cannot be written is refused before the load, not after it.
    if (args.html !== undefined) checkWritableFile("--html", args.html);
    const library = await import("../../../load/index.js");
    const { arrival, giftsPerRequest, traffic } = trafficFrom(args, library.replayHttpTraffic);
    const options: HttpLoadOptions = {
      target: args.target,
      arrival,
      giftsPerRequest,
      connections: args.connections,
      maxInFlight: args["max-inflight"],
      retries: args.retries,
      timeoutMs: parseDuration(args.timeout, "--timeout"),
      graceMs: parseDuration(args.grace, "--grace"),
      warmupMs: args.warmup === undefined ? defaults.warmupMs : parseDuration(args.warmup, "--warmup"),
      seed: args.seed ?? defaults.seed,
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
      traffic,
    );
    if (tty) process.stderr.write("\n");
    process.stdout.write((args.json ? library.renderSummaryJson : library.renderSummaryText)(summary));
    if (args.html !== undefined) {
      writeFileAtomic(args.html, await library.renderSummaryHtml(summary));
    }
    failIfBroken(summary);
  },
};

/** The traffic the flags ask for: synthetic at a rate profile, or a scenario's at its own timing. */
function trafficFrom(args: HttpArgs, replay: typeof replayHttpTraffic): Pick<HttpLoadOptions, "arrival" | "giftsPerRequest"> & { traffic?: TrafficFactory } {
  if (args.scenario === undefined) {
    rejectFlags(args, SCENARIO_TRAFFIC, "only with --scenario (a scenario's traffic)");
    return { arrival: arrivalFrom(args), giftsPerRequest: args["gifts-per-request"] ?? defaults.giftsPerRequest };
  }
  rejectFlags(args, SYNTHETIC_TRAFFIC, "not with --scenario: the scenario's own timing, scaled by --speed or --event-rate, sets the arrivals");
  const eventsPerRequest = args["events-per-request"] ?? DEFAULT_REPLAY_LOAD.eventsPerRequest;
  const { arrival, traffic } = replay({
    ...replaySource(args, args.scenario),
    speed: args.speed,
    eventsPerSecond: args["event-rate"],
    maxGapSeconds: args["max-gap"] === undefined ? DEFAULT_REPLAY_LOAD.maxGapSeconds : parseDuration(args["max-gap"], "--max-gap") / 1000,
    eventsPerRequest,
  });
  return { arrival, giftsPerRequest: eventsPerRequest, traffic };
}

function rejectFlags(args: HttpArgs, flags: readonly (keyof HttpArgs)[], why: string): void {
  const given: Problem[] = flags.filter((flag) => args[flag] !== undefined).map((flag) => ({ path: `--${flag}`, value: args[flag], expected: why }));
  if (given.length > 0) throw errors.invalidInput("load options", given);
}

/** Constant (--rate, --duration) or ramping (--stages, --start-rate) arrivals of synthetic traffic. */
function arrivalFrom(args: HttpArgs): RateProfile {
  if (args.stages !== undefined) {
    const clash: Problem[] = [];
    if (args.rate !== undefined) clash.push({ path: "--rate", value: args.rate, expected: "either --rate (constant) or --stages (ramping), not both" });
    if (args.duration !== undefined) clash.push({ path: "--duration", value: args.duration, expected: "no --duration with --stages: the stages say how long" });
    if (clash.length > 0) throw errors.invalidInput("load options", clash);
    return { kind: "ramping", startRatePerSecond: args["start-rate"] ?? 0, stages: parseStages(args.stages) };
  }
  if (args["start-rate"] !== undefined) throw errors.invalidInput("load options", [{ path: "--start-rate", value: args["start-rate"], expected: "only with --stages" }]);
  const constant = defaults.arrival as Extract<RateProfile, { kind: "constant" }>;
  return {
    kind: "constant",
    ratePerSecond: args.rate ?? constant.ratePerSecond,
    durationMs: args.duration === undefined ? constant.durationMs : parseDuration(args.duration, "--duration"),
  };
}

function failIfBroken(summary: HttpLoadSummary): void {
  const r = summary.reconciliation;
  if (r.state === "failed" || r.state === "inconclusive") throw errors.reconciliationFailed(r.problems);
  if (r.state === "unavailable") throw errors.reconciliationUnavailable(r.reason);
  const broken = summary.thresholds.filter((t) => !t.ok).map((t) => `${t.expression} (measured ${t.actualText})`);
  if (broken.length > 0) throw errors.thresholdFailed(broken);
}
