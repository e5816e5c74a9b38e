import { errors, wholeNumberProblems } from "../../errors.js";
import type { ReplayStreamOptions } from "./replay-stream.js";

export interface ReplayLoadOptions extends ReplayStreamOptions {
  /** Copies of the stream, back to back. */
  repeat: number;
  /** Events (purchases and gifts) per core batch. */
  batchSize: number;
}

/** Defaults of a replay; over HTTP, events per request and the longest simulated idle gap kept. */
export const DEFAULT_REPLAY_LOAD = { replicate: 0, repeat: 1, batchSize: 10_000, eventsPerRequest: 20, maxGapSeconds: 60 } as const;

/** Throws an INVALID_INPUT error naming each bad option. */
export function validateReplayLoad(options: ReplayLoadOptions): void {
  const problems = wholeNumberProblems(options, [
    ["replicate", "--replicate", 0, 1e9],
    ["repeat", "--repeat", 1, 1_000_000],
    ["batchSize", "--batch", 1, 10_000_000],
  ]);
  if (problems.length > 0) throw errors.invalidInput("load options", problems);
}

