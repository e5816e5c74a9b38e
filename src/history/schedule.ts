/**
 * The streaming schedule a history implies, as the model's schedule parameters
 * (creators.schedule and horizonWeeks), so a simulation of this creator streams as they did.
 */
import { errors } from "../errors.js";
import { WEEKDAYS, type Weekday } from "../sim/index.js";
import { quantileSorted } from "../stats/index.js";
import { dayNumber, weekdayOf } from "./dates.js";
import type { StreamHistory } from "./history.js";

/** The model's bounds on a scheduled stream's length (creators.schedule.durationMinutes). */
const MIN_SCHEDULE_MINUTES = 5;
const MAX_SCHEDULE_MINUTES = 720;

/** A history's schedule as model overrides. */
export interface HistorySchedule {
  /** Weeks from the first stream to the last, rounded up. */
  horizonWeeks: number;
  /** Every weekday with at least one stream, in week order. */
  days: Weekday[];
  /** The median stream length, held inside the model's 5..720 minutes. */
  durationMinutes: number;
  /** Days streamed / occurrences of `days` from the first stream's date to the last's. */
  reliability: number;
}

/**
 * The schedule a history implies. Taking every weekday streamed, with reliability the share of
 * those weekdays' dates that had a stream, keeps the expected number of streaming days equal to
 * the history's (a one-off Sunday becomes a rarely kept Sunday slot, not a lost stream).
 */
export function historySchedule(history: StreamHistory): HistorySchedule {
  if (history.dates.length === 0) throw errors.invalidInput("history", [{ path: "streams", value: 0, expected: "at least one stream to take a schedule from" }]);
  const first = dayNumber(history.dates[0]) as number;
  const streamed = new Set<Weekday>();
  const daysStreamed = new Set<number>();
  for (let i = 0; i < history.dates.length; i++) {
    streamed.add(weekdayOf(first + history.day[i]));
    daysStreamed.add(history.day[i]);
  }
  const span = history.day[history.day.length - 1] + 1;
  let slots = 0;
  for (let d = 0; d < span; d++) if (streamed.has(weekdayOf(first + d))) slots++;
  const minutes = quantileSorted(Float64Array.from(history.durationMinutes).sort(), 0.5);
  return {
    horizonWeeks: Math.ceil(span / 7),
    days: WEEKDAYS.filter((w) => streamed.has(w)),
    durationMinutes: Math.min(MAX_SCHEDULE_MINUTES, Math.max(MIN_SCHEDULE_MINUTES, minutes)),
    reliability: daysStreamed.size / slots,
  };
}
