import { MAX_LEDGER_CREATORS, MAX_LEDGER_VIEWERS } from "../core/index.js";
import { errors, wholeNumberProblems, type Problem } from "../errors.js";
import type { ConversionServiceOptions } from "./conversion-service.js";

/** How `giftsim serve` listens, what ledger it keeps, and the limits that keep it standing. */
export interface ServeOptions extends ConversionServiceOptions {
  host: string;
  /** 0 picks a free port (the listening URL says which). */
  port: number;
  maxBodyBytes: number;
  maxEventsPerRequest: number;
  /** Requests between headers and answer beyond which new ones get 503. */
  maxInFlight: number;
  /** Events per second beyond which requests get 429; 0 for no limit. */
  rateLimitEventsPerSecond: number;
  /**
   * From a request's headers, how long its body may take to arrive before it is answered 408
   * and its in-flight slot freed: without it, clients trickling bodies hold every slot.
   */
  bodyTimeoutMs: number;
  /** After SIGTERM, how long in-flight requests may take before their connections are cut. */
  shutdownTimeoutMs: number;
}

export const DEFAULT_SERVE: ServeOptions = {
  host: "127.0.0.1",
  port: 8787,
  preset: "tiktok",
  viewers: 100_000,
  creators: 1_000,
  gifts: 27,
  seed: "1",
  maxBodyBytes: 1 << 20,
  maxEventsPerRequest: 10_000,
  maxInFlight: 256,
  rateLimitEventsPerSecond: 0,
  bodyTimeoutMs: 5_000,
  shutdownTimeoutMs: 10_000,
};

/** Throws an INVALID_INPUT error naming each bad flag, its value and what was expected. */
export function validateServeOptions(options: ServeOptions): void {
  const problems: Problem[] = wholeNumberProblems(options, [
    ["port", "--port", 0, 65_535],
    ["viewers", "--viewers", 1, MAX_LEDGER_VIEWERS],
    ["creators", "--creators", 1, MAX_LEDGER_CREATORS],
    ["gifts", "--gifts", 1, 100_000],
    ["maxBodyBytes", "--max-body", 64, 1 << 30],
    ["maxEventsPerRequest", "--max-events", 1, 1_000_000],
    ["maxInFlight", "--max-inflight", 1, 1_000_000],
    ["rateLimitEventsPerSecond", "--rate-limit", 0, 1e9],
    ["bodyTimeoutMs", "--body-timeout", 1, 3_600_000],
    ["shutdownTimeoutMs", "--shutdown-timeout", 0, 3_600_000],
  ]);
  if (options.host.trim() === "") problems.push({ path: "--host", value: options.host, expected: "a host name or IP address" });
  if (problems.length > 0) throw errors.invalidInput("serve options", problems);
}
