/**
 * What `giftsim run` is given, apart from the command that parses it, so that the command and
 * the study it runs (run-study.ts, loaded only when a run starts) both import it and not each other.
 */

/** The study `giftsim run` runs when no file is named: the first question users ask. */
export const DEFAULT_SCENARIO = "qa-vs-challenge.yaml";

/** Options of `giftsim run` (and of its aliases compare and sweep). */
export interface RunArgs {
  /** Scenario file; the built-in default study when absent. */
  file?: string;
  seed?: string;
  replicates?: number;
  out?: string;
  "events-out"?: string;
  parquet: boolean;
  workers?: number;
  chunk?: number;
  resume: boolean;
  shard?: string;
  /** --communities i/n: run slice i of n of every replicate's communities (a slice folder for giftsim merge). */
  communities?: string;
  replicate?: number;
  quiet: boolean;
  json: boolean;
  report: boolean;
  /** --uncertainty [all | path,path]: also run the plan in plausible worlds ("" is all). */
  uncertainty?: string;
  /** --posterior DIR: every replicate's world drawn from the posterior of a calibration folder (giftsim calibrate). */
  posterior?: string;
}

/** The constants --uncertainty names: a bare flag or "all" for every one, else the comma-separated paths. */
export function uncertaintyFlag(value: string | undefined): "all" | string[] | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  return text === "" || text === "all" ? "all" : text.split(",").map((path) => path.trim());
}
