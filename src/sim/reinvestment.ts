/**
 * The part of a payout a creator reinvests in production (creators.reinvestment.share), in whole
 * micro-USD. The share is applied in whole basis points and the product taken in integers: a
 * float product floored (0.29 x 50,000,000 = 14,499,999.999...) would leave the ledger's
 * payout log and the reinvestment one micro-USD apart where an exact recomputation would not.
 */

/** Basis points in a whole. */
const BPS = 10_000n;

/** floor(grossMicros x share), the share rounded to whole basis points; exact for any whole gross. */
export function reinvestedMicros(grossMicros: number, share: number): number {
  const shareBps = BigInt(Math.round(share * 10_000));
  return Number((BigInt(grossMicros) * shareBps) / BPS);
}
