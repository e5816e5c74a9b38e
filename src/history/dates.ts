/** Calendar dates as histories write them (YYYY-MM-DD, UTC) and as day numbers. */
import type { Weekday } from "../sim/index.js";
import { WEEKDAYS } from "../sim/index.js";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or undefined when the text is not a real date. */
export function dayNumber(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over into March: a real date reads back as written.
  return dateOf(ms / MS_PER_DAY) === date ? ms / MS_PER_DAY : undefined;
}

/** Whether `text` is a real YYYY-MM-DD date. */
export function isHistoryDate(text: string): boolean {
  return dayNumber(text) !== undefined;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): Weekday {
  return WEEKDAYS[(((dayNumber + 3) % 7) + 7) % 7];
}
