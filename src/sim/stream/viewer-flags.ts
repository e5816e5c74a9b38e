/**
 * Bits of World.flags: what a viewer did in the current stream. The engine and the tactics
 * share the byte, so each bit is named once here (the low two bits are free).
 */

/** Gifted in this stream. */
export const FLAG_GIFTED = 4;
/** Out of budget for this month: weight 0 until the next stream. */
export const FLAG_EXHAUSTED = 8;
/** Holds a place among the stream's top gifters (top-gifter perk). */
export const FLAG_TOP = 16;
/** Was shouted out for a first gift in this stream (shout-outs). */
export const FLAG_SHOUTED = 32;
/** Bought coins in this stream. */
export const FLAG_PURCHASED = 64;
