/**
 * What `giftsim calibrate` is given, apart from the command that parses it, so that the command
 * and the study it runs (calibrate-study.ts, loaded only when it starts) both import it.
 */

/** Options of `giftsim calibrate`. */
export interface CalibrateArgs {
  history: string;
  scenario?: string;
  arm?: string;
  params?: string;
  particles?: number;
  generations?: number;
  seed?: string;
  workers?: number;
  out?: string;
  resume: boolean;
  quiet: boolean;
}
