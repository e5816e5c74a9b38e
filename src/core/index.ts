export { APPLIED, REJECTION_REASONS, REJECTION_REASON_COUNT, Rejection, rejectionsByName } from "./rejection.js";
export type { RejectionReason } from "./rejection.js";
export { MAX_GIFT_COUNT, MAX_WALLET_COINS } from "../economy/index.js";
export {
  copyBatchRows,
  createGiftBatch,
  createPayoutBatch,
  createPurchaseBatch,
  giftBatchFromRows,
  payoutBatchFromRows,
  purchaseBatchFromRows,
  toColumnValue,
} from "./batches.js";
export type { GiftBatch, GiftRow, PayoutBatch, PayoutRow, PurchaseBatch, PurchaseRow } from "./batches.js";
export type { BatchResult } from "./batch-result.js";
export { MAX_KEY_NAMESPACE, MAX_SEQ_AHEAD, hasKey } from "./key-set.js";
export { MAX_LEDGER_CREATORS, MAX_LEDGER_VIEWERS, createLedger, diamondRemainder, diamondsEarned, viewerCoinsSpent } from "./ledger.js";
export type { Ledger, LedgerSize, PlatformAccounts } from "./ledger.js";
export { applyGifts } from "./apply-gifts.js";
export { applyPurchases } from "./apply-purchases.js";
export { applyPayouts } from "./apply-payouts.js";
export { auditLedger, totalsToJson } from "./audit.js";
export type { AuditResult, LedgerTotals } from "./audit.js";
export { mergeLedgers } from "./merge.js";
export { ledgerDigest } from "./digest.js";
