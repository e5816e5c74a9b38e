/**
 * How a visit ends, whichever path the viewer took (a departure clock in the event queue,
 * presence.ts, or a watcher in bulk, watchers.ts): the departure hazard and what engages a
 * viewer, and the visit's end counted (watch time, retention, the visit log) with the
 * viewer's satisfaction and following updated (attendance.ts afterVisit).
 */
import { afterVisit } from "../attendance.js";
import { RETENTION_MINUTES } from "../metric-names.js";
import type { StreamState } from "./state.js";

/** The viewer's departure clock rate per second (before thinning while engaged). */
export function departureRate(s: StreamState, v: number): number {
  return 1 / (s.viewers.patienceSec[v] * (0.6 + 0.8 * s.viewers.affinity[v]) * s.format.dwell);
}

/** Whether a tactic engages everyone present now. */
export function crowdHeld(s: StreamState): boolean {
  const tactics = s.tactics.engaging;
  for (let i = 0; i < tactics.length; i++) if (tactics[i].holdsCrowd(s)) return true;
  return false;
}

/** Whether the viewer is engaged now (s.now): by their own state, the format's crowd engagement or a tactic's. */
export function engaged(s: StreamState, v: number): boolean {
  return s.format.holdsViewer(s, v) || s.now > s.format.crowdEngagedFrom(s) || crowdHeld(s);
}

/**
 * Frees viewer v's person for another stream, unless they are there already: a day room may have
 * released them at this stream's end in the day's time (presence.ts releasePresence).
 */
export function freePerson(s: StreamState, v: number): void {
  const p = s.viewers.person[v];
  if (s.people.presentIn[p] === s.streamKey) s.people.presentIn[p] = 0;
}

/** The viewer's visit ends now (s.now), presence already given up: counted, and their satisfaction and following updated. */
export function endVisit(s: StreamState, v: number): void {
  const { world, tally } = s;
  const t = s.now;
  const watch = t - s.arrivalTime[v];
  if (world.onVisit !== undefined) world.onVisit(s.viewers.person[v], s.creator, s.day, s.startSecond + s.arrivalTime[v], s.startSecond + t);
  s.visits++;
  s.watchSeconds += watch;
  for (let i = 0; i < RETENTION_MINUTES.length && watch >= RETENTION_MINUTES[i] * 60; i++) {
    tally.retained[i]++;
    s.retained[i]++;
  }
  let bonus = s.payoffSum - s.payoffAtArrival[v] + s.format.satisfactionBonus(s, v);
  const tactics = s.tactics.satisfying;
  for (let i = 0; i < tactics.length; i++) bonus += tactics[i].satisfactionBonus(s, v);
  const expected = 1 / departureRate(s, v);
  s.newFollowers += afterVisit(world, s.config, s.creator, v, watch, expected, s.performance, bonus);
}
