/**
 * What `giftsim sensitivity` is given, apart from the command that parses it, so that the
 * command and the study it runs (sensitivity-study.ts, loaded only when it starts) both import
 * it and not each other.
 */

/** Options of `giftsim sensitivity`. */
export interface SensitivityArgs {
  file?: string;
  method: string;
  samples?: number;
  params?: string;
  "replicates-per-point": number;
  seed?: string;
  out?: string;
  workers?: number;
  chunk?: number;
  resume: boolean;
  /** "i/n": run slice i of n of the design; merge the slices with giftsim merge, then analyse with --resume. */
  shard?: string;
  quiet: boolean;
  json: boolean;
  /** --posterior DIR: analyse at a calibration's posterior medians, fitted constants over their 90% credible intervals. */
  posterior?: string;
}
