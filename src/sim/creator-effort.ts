/**
 * Creator effort (MODEL.md "Trade-offs"): streaming tires the creator and rest restores them.
 * A creator carries `fatigueHours`, the live hours not yet recovered from, which halve every
 * `recoveryHalfLifeDays` of rest. A stream is performed at exp(-performanceLossPerHour x the
 * fatigue carried into it beyond `toleranceHours`, the load a creator sustains unharmed) and adds
 * its own hours when it ends. Performance scales the
 * stream's gift hazard and the watch part of its viewers' experience (stream/state.ts,
 * attendance.ts afterVisit): a tired creator earns less per viewer and leaves viewers less
 * satisfied, so fewer come back. It is a constant of the stream, so the event loop does no
 * new work per event.
 */
import type { SimConfig } from "./config.js";
import type { Creators } from "./world.js";

/**
 * Recovers creator `c` over the `daysRested` since its previous stream and returns (and
 * stores in `creators.performance`) the performance of the stream it is about to hold.
 */
export function performanceAfterRest(creators: Creators, fatigue: SimConfig["creators"]["fatigue"], c: number, daysRested: number): number {
  const carried = creators.fatigueHours[c] * Math.pow(0.5, daysRested / fatigue.recoveryHalfLifeDays);
  creators.fatigueHours[c] = carried;
  const performance = Math.exp(-fatigue.performanceLossPerHour * Math.max(0, carried - fatigue.toleranceHours));
  creators.performance[c] = performance;
  return performance;
}

/**
 * The fatigue a creator carries out of its last stream before day 0, in the steady state of its
 * schedule (a stream of `durationHours` every `typicalGapDays`, each held with `reliability`):
 * x = h + x r with r = 0.5^(gap / half-life), so x = h / (1 - r). A study then starts as rested or
 * as tired as its schedule keeps the creator, not fresh: a fresh start would favour frequent
 * schedules for their first week, as a fresh budget month favoured the first week.
 */
export function steadyFatigueHours(fatigue: SimConfig["creators"]["fatigue"], durationHours: number, typicalGapDays: number, reliability: number): number {
  const kept = Math.pow(0.5, typicalGapDays / fatigue.recoveryHalfLifeDays);
  return (reliability * durationHours) / (1 - kept);
}

/** Adds a finished stream's live hours to creator `c`'s fatigue. */
export function addEffort(creators: Creators, c: number, durationSec: number): void {
  creators.fatigueHours[c] += durationSec / 3600;
}
