/** Names the simulation's parameters and outputs share: stream formats, creator tactics and weekdays. */

/** Stream formats, one module each in formats/. A stream's `format` column is an index into this list. */
export const FORMAT_IDS = ["casual", "qa", "challenge", "battle", "behind-the-scenes"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/**
 * Creator tactics, one module each in tactics/, any of which a stream of any format may run;
 * each is a key of config.creators.tactics. The order is the one their hooks apply in.
 */
export const TACTIC_IDS = ["goalBar", "series", "shoutOuts", "topGifterPerk"] as const;
export type TacticId = (typeof TACTIC_IDS)[number];

/** Days of the week; day 0 of a replicate is a Monday. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
