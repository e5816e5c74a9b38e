/**
 * Why a row was not applied. Rows are rejected and counted, never thrown: one bad row must
 * not cost the rest of its batch. Status columns store `reason + 1` (0 means applied).
 */
export const Rejection = {
  insufficientCoins: 0,
  unknownGift: 1,
  unknownViewer: 2,
  unknownCreator: 3,
  duplicate: 4,
  badCount: 5,
  unknownBundle: 6,
  invalidKey: 7,
  belowThreshold: 8,
  walletFull: 9,
} as const;

export type RejectionReason = keyof typeof Rejection;

/** Reason names indexed by code, for reports and JSON. */
export const REJECTION_REASONS = Object.keys(Rejection) as RejectionReason[];

export const REJECTION_REASON_COUNT = REJECTION_REASONS.length;

/** Status value of an applied row in a batch's status column. */
export const APPLIED = 0;

/** Per-reason counts as a plain record, for JSON output. */
export function rejectionsByName(counts: ArrayLike<number>): Record<RejectionReason, number> {
  const named = {} as Record<RejectionReason, number>;
  REJECTION_REASONS.forEach((reason, code) => {
    named[reason] = counts[code];
  });
  return named;
}
