/** Sizes of the core benchmark; its own module so the CLI can show defaults without loading the bench. */
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

