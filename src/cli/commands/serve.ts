import type { Argv, CommandModule } from "yargs";
// Light modules only at startup; the server (undici, zod, the core's ledger) is imported when it starts.
import { parseDuration } from "../../load/http/duration.js";
import type { ServeStopReport } from "../../serve/gift-server.js";
import { DEFAULT_SERVE } from "../../serve/serve-options.js";
import { formatCount } from "../output.js";
import { valuesGiven } from "../option-values.js";

interface ServeArgs {
  port: number;
  host: string;
  viewers: number;
  creators: number;
  gifts: number;
  preset: string;
  seed: string;
  "max-body": number;
  "max-events": number;
  "max-inflight": number;
  "rate-limit": number;
  "body-timeout": string;
  "shutdown-timeout": string;
  json: boolean;
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe: "Serve the conversion core over HTTP (API in docs/http-api.md) until SIGTERM or Ctrl-C",
  builder: (yargs: Argv) =>
    yargs
      .option("port", { type: "number", default: DEFAULT_SERVE.port, describe: "0 picks a free port" })
      .option("host", { type: "string", requiresArg: true, default: DEFAULT_SERVE.host, describe: "interface to listen on" })
      .option("viewers", { type: "number", default: DEFAULT_SERVE.viewers, describe: "viewers (wallets) in the ledger" })
      .option("creators", { type: "number", default: DEFAULT_SERVE.creators, describe: "creators (accounts) in the ledger" })
      .option("gifts", { type: "number", default: DEFAULT_SERVE.gifts, describe: "gift kinds: the first G of the catalog, synthetic past its end" })
      .option("preset", { type: "string", requiresArg: true, default: DEFAULT_SERVE.preset, describe: "platform preset" })
      .option("seed", { type: "string", requiresArg: true, default: DEFAULT_SERVE.seed, describe: "seed of synthetic gift prices" })
      .check(valuesGiven(["seed", "host", "preset"]))
      .option("max-body", { type: "number", default: DEFAULT_SERVE.maxBodyBytes, describe: "bytes per request; larger bodies get 413" })
      .option("max-events", { type: "number", default: DEFAULT_SERVE.maxEventsPerRequest, describe: "events per request; more get 400" })
      .option("max-inflight", { type: "number", default: DEFAULT_SERVE.maxInFlight, describe: "requests in progress beyond which new ones get 503 + Retry-After" })
      .option("rate-limit", { type: "number", default: DEFAULT_SERVE.rateLimitEventsPerSecond, describe: "events per second beyond which requests get 429 + Retry-After (0: no limit)" })
      .option("body-timeout", {
        type: "string",
        default: `${DEFAULT_SERVE.bodyTimeoutMs / 1000}s`,
        describe: "from a request's headers, how long its body may take; a slower one gets 408 and frees its in-flight slot",
      })
      .option("shutdown-timeout", { type: "string", default: "10s", describe: "on SIGTERM, how long in-flight requests may take before their connections are cut" })
      .option("json", { type: "boolean", default: false, describe: "print NDJSON lines: listening, then the final totals" })
      .example("$0 serve", "listen on http://127.0.0.1:8787")
      .example("$0 serve --port 0 --json", "a free port, machine-readable")
      .example("$0 serve --rate-limit 50000 --max-inflight 64", "shed load beyond 50k events/s or 64 requests at once"),
  handler: async (args) => {
    const { startGiftServer } = await import("../../serve/index.js");
    const server = await startGiftServer({
      host: args.host,
      port: args.port,
      preset: args.preset,
      viewers: args.viewers,
      creators: args.creators,
      gifts: args.gifts,
      seed: args.seed,
      maxBodyBytes: args["max-body"],
      maxEventsPerRequest: args["max-events"],
      maxInFlight: args["max-inflight"],
      rateLimitEventsPerSecond: args["rate-limit"],
      bodyTimeoutMs: parseDuration(args["body-timeout"], "--body-timeout"),
      shutdownTimeoutMs: parseDuration(args["shutdown-timeout"], "--shutdown-timeout"),
    });
    if (args.json) printLine({ event: "listening", url: server.url, pid: process.pid });
    else {
      process.stdout.write(
        `giftsim serve: listening on ${server.url} (${args.preset}, ${formatCount(args.viewers)} viewers, ${formatCount(args.creators)} creators); SIGTERM or Ctrl-C stops\n`,
      );
    }
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once("SIGTERM", () => resolve("SIGTERM"));
      process.once("SIGINT", () => resolve("SIGINT"));
    });
    const report = await server.close();
    if (args.json) printLine({ event: "stopped", signal, ...report });
    else process.stdout.write(formatStop(signal, report));
  },
};

/** One NDJSON line, so a supervisor can read events as they happen. */
function printLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function formatStop(signal: string, report: ServeStopReport): string {
  const { totals } = report;
  return [
    `giftsim serve: ${signal}, stopped in ${(report.shutdownMs / 1000).toFixed(2)} s${report.cutRequests > 0 ? ` (${report.cutRequests} unanswered requests cut, none applied)` : ""}`,
    `  requests         ${Object.entries(totals.requests)
      .map(([outcome, n]) => `${outcome} ${formatCount(n)}`)
      .join(", ")}`,
    `  applied          gifts ${formatCount(totals.tallies.gifts.count)} (checksum ${totals.tallies.gifts.checksum}), purchases ${formatCount(totals.tallies.purchases.count)} (checksum ${totals.tallies.purchases.checksum})`,
    `  audit            ${totals.audit.state}${totals.audit.failures.length ? `: ${totals.audit.failures.join("; ")}` : ""}`,
    `  ledger digest    ${totals.ledgerDigest.slice(0, 16)}`,
    "",
  ].join("\n");
}
