/**
 * The economy's hard limits. They bound what a price book may hold (schema.ts) and what the
 * ledger accepts (core), so they live at the bottom layer and the core imports them.
 */

/** Most coins one wallet may hold (about $30M of TikTok coins); purchases beyond are rejected. */
export const MAX_WALLET_COINS = 0x7fffffff;

/** Most gifts of one kind a single row may carry; larger counts are rejected as bad counts. */
export const MAX_GIFT_COUNT = 10_000;
