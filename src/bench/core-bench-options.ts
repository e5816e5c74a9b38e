/** Sizes of the core benchmark; its own module so the CLI can show defaults and check options without loading the bench. */
import { errors, wholeNumberProblems } from "../errors.js";
import { syntheticStreamProblems } from "../load/index.js";

export interface CoreBenchOptions {
  events: number;
  viewers: number;
  creators: number;
  gifts: number;
  batchSize: number;
  /** Batches the (slow, memory-hungry) baseline runs; the core runs them all. */
  baselineBatches: number;
  seed: string;
  /** Minimum time per task, milliseconds. */
  timeMs: number;
}

export const DEFAULT_CORE_BENCH: CoreBenchOptions = {
  events: 20_000_000,
  viewers: 1_000_000,
  creators: 1_000,
  gifts: 64,
  batchSize: 1_000_000,
  baselineBatches: 3,
  seed: "1",
  timeMs: 2_000,
};

/**
 * Throws an INVALID_INPUT error naming each bad option. The whole stream is generated before it
 * is timed, and the baseline holds `baselineBatches` batches as objects, so the event and batch
 * ceilings bound memory (about 25 bytes an event, a few hundred a baseline object): a batch of 0
 * looped for ever and 10^8 gift kinds filled gigabytes before this check.
 */
export function validateCoreBench(options: CoreBenchOptions): void {
  const problems = wholeNumberProblems(options, [
    ["events", "--events", 1, 100_000_000],
    ["batchSize", "--batch", 1, 2_000_000],
  ]);
  // Viewers, creators and gift kinds: the synthetic stream's own bounds, which the load checks too.
  problems.push(...syntheticStreamProblems(options));
  if (problems.length > 0) throw errors.invalidInput("bench options", problems);
}
