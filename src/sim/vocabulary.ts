/** Names the simulation's parameters and outputs share: stream formats and weekdays. */

/** Stream formats, one module each in formats/. A stream's `format` column is an index into this list. */
export const FORMAT_IDS = ["casual", "qa", "challenge", "battle", "behind-the-scenes"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** Days of the week; day 0 of a replicate is a Monday. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
