import { errors, wholeNumberProblems, type Problem } from "../../errors.js";
import type { ReplayStreamOptions } from "./replay-stream.js";

/** A replay through the core in this thread (`giftsim load replay`). */
export interface ReplayLoadOptions extends ReplayStreamOptions {
  /** Copies of the stream, back to back. */
  repeat: number;
  /** Events (purchases and gifts) per core batch. */
  batchSize: number;
}

/** How a replay is paced and cut into requests over HTTP. */
export interface ReplayTiming {
  /** Simulated seconds per real second; or */
  speed?: number;
  /** average events per second over the run (sets the speed). */
  eventsPerSecond?: number;
  maxGapSeconds: number;
  eventsPerRequest: number;
  repeat: number;
}

/** A replay as HTTP traffic (`giftsim load http --scenario`): paced by exactly one of `speed` and `eventsPerSecond`. */
export interface ReplayHttpOptions extends ReplayStreamOptions, ReplayTiming {}

/** Defaults of a replay; over HTTP, events per request and the longest simulated idle gap kept. */
export const DEFAULT_REPLAY_LOAD = { replicate: 0, repeat: 1, batchSize: 10_000, eventsPerRequest: 20, maxGapSeconds: 60 } as const;

/** Which replicate and how many copies: the same bounds in process and over HTTP. */
function copyProblems(options: ReplayStreamOptions & { repeat: number }): Problem[] {
  return wholeNumberProblems(options, [
    ["replicate", "--replicate", 0, 1e9],
    ["repeat", "--repeat", 1, 1_000_000],
  ]);
}

/** Throws an INVALID_INPUT error naming each bad option. */
export function validateReplayLoad(options: ReplayLoadOptions): void {
  const problems = [...copyProblems(options), ...wholeNumberProblems(options, [["batchSize", "--batch", 1, 10_000_000]])];
  if (problems.length > 0) throw errors.invalidInput("load options", problems);
}

/** Throws an INVALID_INPUT error naming each bad option. */
export function validateReplayHttp(options: ReplayHttpOptions): void {
  if ((options.speed === undefined) === (options.eventsPerSecond === undefined)) {
    // Simulated real time is rarely wanted (a four-week scenario would take days): the pace is asked for.
    throw errors.invalidInput("load options", [
      { path: "--speed", value: options.speed ?? null, expected: "with --scenario, exactly one of --speed (simulated seconds per real second) or --event-rate (events per second)" },
    ]);
  }
  const problems = [...copyProblems(options), ...wholeNumberProblems(options, [["eventsPerRequest", "--events-per-request", 1, 100_000]])];
  for (const [flag, value] of [["--speed", options.speed], ["--event-rate", options.eventsPerSecond]] as const) {
    if (value !== undefined && !(value > 0 && value <= 1e9)) problems.push({ path: flag, value, expected: "a number above 0" });
  }
  if (!(options.maxGapSeconds > 0)) problems.push({ path: "--max-gap", value: options.maxGapSeconds, expected: "a duration above 0" });
  if (problems.length > 0) throw errors.invalidInput("load options", problems);
}
