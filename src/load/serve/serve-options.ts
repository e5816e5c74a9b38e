import { MAX_LEDGER_CREATORS, MAX_LEDGER_VIEWERS } from "../../core/index.js";
import { errors, type Problem } from "../../errors.js";
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
  shutdownTimeoutMs: 10_000,
};

const FLAGS: Partial<Record<keyof ServeOptions, string>> = {
  maxBodyBytes: "--max-body",
  maxEventsPerRequest: "--max-events",
  maxInFlight: "--max-inflight",
  rateLimitEventsPerSecond: "--rate-limit",
  shutdownTimeoutMs: "--shutdown-timeout",
};

/** Throws an INVALID_INPUT error naming each bad flag, its value and what was expected. */
export function validateServeOptions(options: ServeOptions): void {
  const problems: Problem[] = [];
  const wholes: [keyof ServeOptions, number, number][] = [
    ["port", 0, 65_535],
    ["viewers", 1, MAX_LEDGER_VIEWERS],
    ["creators", 1, MAX_LEDGER_CREATORS],
    ["gifts", 1, 100_000],
    ["maxBodyBytes", 64, 1 << 30],
    ["maxEventsPerRequest", 1, 1_000_000],
    ["maxInFlight", 1, 1_000_000],
    ["rateLimitEventsPerSecond", 0, 1e9],
    ["shutdownTimeoutMs", 0, 3_600_000],
  ];
  for (const [field, min, max] of wholes) {
    const value = options[field] as number;
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({ path: FLAGS[field] ?? `--${field}`, value, expected: `an integer ${min}..${max}` });
    }
  }
  if (options.host.trim() === "") problems.push({ path: "--host", value: options.host, expected: "a host name or IP address" });
  if (problems.length > 0) throw errors.invalidInput("serve options", problems);
}
