import { MAX_KEY_NAMESPACE } from "../../core/index.js";
import { errors, wholeNumberProblems, type Problem } from "../../errors.js";
import { VIRTUAL_PARTITIONS } from "./viewer-partition.js";

/** What a synthetic in-process load generates and how it is cut into batches and partitions. */
export interface SyntheticLoadOptions {
  events: number;
  viewers: number;
  creators: number;
  gifts: number;
  seed: string;
  batchSize: number;
  preset: string;
  /** Worker threads, each running whole virtual partitions of the stream (viewer-partition.ts). 1 runs on the calling thread. */
  workers: number;
}

export const DEFAULT_SYNTHETIC_LOAD: SyntheticLoadOptions = {
  events: 2_000_000,
  viewers: 100_000,
  creators: 1_000,
  gifts: 27,
  seed: "1",
  batchSize: 100_000,
  preset: "tiktok",
  workers: 1,
};

/** Most workers accepted: each takes whole virtual partitions of the stream. */
export const MAX_LOAD_WORKERS = VIRTUAL_PARTITIONS;

/** The synthetic stream's shape: problems with its viewers, creators and gift kinds (shared with `giftsim bench`). */
export function syntheticStreamProblems(options: Pick<SyntheticLoadOptions, "viewers" | "creators" | "gifts">): Problem[] {
  return wholeNumberProblems(options, [
    ["viewers", "--viewers", 1, 200_000_000],
    // Stream ids are partition x creators + creator, all within the core's key namespaces.
    ["creators", "--creators", 1, Math.floor((MAX_KEY_NAMESPACE + 1) / VIRTUAL_PARTITIONS)],
    ["gifts", "--gifts", 1, 100_000],
  ]);
}

/** Throws an INVALID_INPUT error naming each bad flag, its value and what was expected. */
export function validateSyntheticLoad(options: SyntheticLoadOptions): void {
  const problems: Problem[] = wholeNumberProblems(options, [["events", "--events", 1, 1e11]]);
  problems.push(...syntheticStreamProblems(options));
  problems.push(
    ...wholeNumberProblems(options, [
      ["batchSize", "--batch", 1, 10_000_000],
      ["workers", "--workers", 1, MAX_LOAD_WORKERS],
    ]),
  );
  // Against a valid viewer count only: a bad --viewers is its own problem, not a second one of --workers.
  if (Number.isInteger(options.workers) && Number.isInteger(options.viewers) && options.viewers >= 1 && options.workers > options.viewers) {
    problems.push({ path: "--workers", value: options.workers, expected: `at most --viewers (${options.viewers}): each worker owns a range of viewers` });
  }
  if (problems.length > 0) throw errors.invalidInput("load options", problems);
}
