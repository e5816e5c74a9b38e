import { errors, wholeNumberProblems, type Problem } from "../../errors.js";
import { MAX_RATE_PER_SECOND, type ArrivalProfile } from "./arrival-schedule.js";
import type { Threshold } from "./threshold.js";

/** An open-model HTTP load against a gift service (`giftsim load http`). */
export interface HttpLoadOptions {
  /** Base URL of the service, e.g. http://127.0.0.1:8787. */
  target: string;
  arrival: ArrivalProfile;
  /** Gifts per request (each with the purchases that fund it); for a replay, events per request. */
  giftsPerRequest: number;
  /** Keep-alive connections to the target. */
  connections: number;
  /**
   * Due requests not yet answered (waiting for a connection, on the wire or backing off) beyond
   * which new ones are dropped and counted as errors, so a stalled server cannot make the
   * client queue without bound.
   */
  maxInFlight: number;
  /** Further attempts of a request after a 429, 5xx or network error, with the same idempotency keys. */
  retries: number;
  /** Per attempt. */
  timeoutMs: number;
  /** After the last request is due, how long unanswered ones may take. */
  graceMs: number;
  /** Requests due this long from the start are sent and counted but kept out of latency figures and latency thresholds; 0 for none. */
  warmupMs: number;
  seed: string;
  thresholds: Threshold[];
  /** Read the server's tallies before and after and prove every accepted event applied once. */
  reconcile: boolean;
}

export const DEFAULT_HTTP_LOAD: Omit<HttpLoadOptions, "target"> = {
  arrival: { kind: "constant", ratePerSecond: 100, durationMs: 10_000 },
  giftsPerRequest: 10,
  connections: 16,
  maxInFlight: 10_000,
  retries: 3,
  timeoutMs: 10_000,
  graceMs: 10_000,
  warmupMs: 0,
  seed: "1",
  thresholds: [],
  reconcile: true,
};

/** The flag that sets `giftsPerRequest`: gifts per request for synthetic traffic, events per request for a replay. */
export function requestSizeFlag(arrival: ArrivalProfile): string {
  return arrival.kind === "replay" ? "--events-per-request" : "--gifts-per-request";
}

/** Longest run accepted: a day, against a typo of units. */
const MAX_DURATION_MS = 86_400_000;

/** How long requests are due for: the arrival profile's length. */
function arrivalDurationMs(arrival: ArrivalProfile): number {
  if (arrival.kind === "ramping") return arrival.stages.reduce((sum, stage) => sum + stage.durationMs, 0);
  return arrival.durationMs;
}

/** Throws an INVALID_INPUT error naming each bad flag, its value and what was expected. */
export function validateHttpLoad(options: HttpLoadOptions): void {
  const problems: Problem[] = [];
  let url: URL | undefined;
  try {
    url = new URL(options.target);
  } catch {
    url = undefined;
  }
  if (url === undefined || url.protocol !== "http:") {
    problems.push({ path: "--target", value: options.target, expected: "an http:// URL, e.g. http://127.0.0.1:8787" });
  }
  const { arrival } = options;
  if (arrival.kind === "constant") {
    if (!(arrival.ratePerSecond > 0 && arrival.ratePerSecond <= MAX_RATE_PER_SECOND)) {
      problems.push({ path: "--rate", value: arrival.ratePerSecond, expected: `requests per second above 0, at most ${MAX_RATE_PER_SECOND}` });
    }
    if (!(arrival.durationMs > 0 && arrival.durationMs <= MAX_DURATION_MS)) {
      problems.push({ path: "--duration", value: arrival.durationMs, expected: "a duration above 0, at most 24h" });
    }
  } else if (arrival.kind === "replay") {
    if (!(arrival.durationMs <= MAX_DURATION_MS)) {
      problems.push({
        path: "--speed",
        value: arrival.speed,
        expected: `a speed at which the replay lasts at most 24h (at this one it lasts ${(arrival.durationMs / 3_600_000).toFixed(1)} h): raise --speed or --event-rate, or shorten idle gaps with --max-gap`,
      });
    }
  } else if (arrival.kind === "ramping") {
    const total = arrivalDurationMs(arrival);
    if (arrival.stages.length === 0 || total > MAX_DURATION_MS) problems.push({ path: "--stages", value: arrival.stages.length, expected: "1 or more stages lasting at most 24h in all" });
    if (!(arrival.startRatePerSecond >= 0 && arrival.startRatePerSecond <= MAX_RATE_PER_SECOND)) {
      problems.push({ path: "--start-rate", value: arrival.startRatePerSecond, expected: `requests per second 0..${MAX_RATE_PER_SECOND}` });
    }
  }
  problems.push(
    ...wholeNumberProblems(options, [
      ["giftsPerRequest", requestSizeFlag(arrival), 1, 100_000],
      ["connections", "--connections", 1, 10_000],
      ["maxInFlight", "--max-inflight", 1, 1_000_000],
      ["retries", "--retries", 0, 100],
    ]),
  );
  for (const [field, flag] of [["timeoutMs", "--timeout"], ["graceMs", "--grace"]] as const) {
    const value = options[field];
    if (!(value > 0 && value <= MAX_DURATION_MS)) problems.push({ path: flag, value, expected: "a duration above 0, at most 24h" });
  }
  const arrivalMs = arrivalDurationMs(arrival);
  if (!(options.warmupMs >= 0 && options.warmupMs < arrivalMs)) {
    problems.push({ path: "--warmup", value: options.warmupMs, expected: `a duration from 0 to under the arrivals' ${arrivalMs} ms, so some requests are measured` });
  }
  if (problems.length > 0) throw errors.invalidInput("load options", problems);
}
