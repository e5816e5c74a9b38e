/**
 * Presence integrated over time: viewer-seconds, and the herding regression's 5-minute bins.
 * Every change of the count present (an arrival, a departure, a watcher leaving in bulk)
 * integrates up to its time first.
 */
import { addHerdingBin } from "../tally.js";
import { BIN_SECONDS, type StreamState } from "./state.js";

/** Integrates presence up to t, closing every herding bin that ends on the way. */
export function advance(s: StreamState, t: number): void {
  while (t >= s.binEnd) {
    s.binViewerSeconds += s.present * (s.binEnd - s.lastTime);
    s.viewerSeconds += s.present * (s.binEnd - s.lastTime);
    s.lastTime = s.binEnd;
    closeBin(s, BIN_SECONDS);
    s.binEnd += BIN_SECONDS;
  }
  s.binViewerSeconds += s.present * (t - s.lastTime);
  s.viewerSeconds += s.present * (t - s.lastTime);
  s.lastTime = t;
}

/** Adds the current bin, `seconds` long, to the herding regression and starts the next. */
export function closeBin(s: StreamState, seconds: number): void {
  addHerdingBin(s.tally, s.binViewerSeconds, seconds, s.binGifts);
  s.binViewerSeconds = 0;
  s.binGifts = 0;
}
