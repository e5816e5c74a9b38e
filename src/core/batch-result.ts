import { REJECTION_REASON_COUNT } from "./rejection.js";

/** What one batch did: rows applied and rows rejected per reason code. */
export interface BatchResult {
  applied: number;
  rejected: number;
  rejectedByReason: Uint32Array;
}

export function emptyBatchResult(): BatchResult {
  return { applied: 0, rejected: 0, rejectedByReason: new Uint32Array(REJECTION_REASON_COUNT) };
}
