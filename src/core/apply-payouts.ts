import type { PayoutBatch } from "./batches.js";
import { emptyBatchResult, type BatchResult } from "./batch-result.js";
import { diamondsEarned, type Ledger } from "./ledger.js";
import { Rejection } from "./rejection.js";

/**
 * Applies payout requests (creator, day). A creator whose pending diamonds are worth at least
 * the payout threshold cashes out once a day, at most the daily cap. (creator, day) is the
 * idempotency key: a second request for a day already paid is a duplicate, and a day before
 * the last payout is out of order (an invalid key). The provider's fee is kept as a
 * basis-point numerator, so fee + what the creator receives equals the gross exactly.
 */
export function applyPayouts(ledger: Ledger, batch: PayoutBatch): BatchResult {
  const result = emptyBatchResult();
  const counts = result.rejectedByReason;
  const { creator, day, status } = batch;
  const { diamondValueMicros, payoutThresholdMicros, dailyPayoutCapMicros, payoutFeeBps } = ledger.economy;
  const capDiamonds = Math.floor(dailyPayoutCapMicros / diamondValueMicros);
  const platform = ledger.platform;
  let applied = 0;
  for (let i = 0; i < batch.length; i++) {
    const c = creator[i];
    const d = day[i];
    let code: number;
    if (c >>> 0 >= ledger.creatorCount) code = Rejection.unknownCreator;
    else if (d < 0 || d < ledger.lastPayoutDay[c]) code = Rejection.invalidKey;
    else if (d === ledger.lastPayoutDay[c]) code = Rejection.duplicate;
    else {
      const pendingDiamonds = diamondsEarned(ledger, c) - ledger.diamondsPaid[c];
      if (pendingDiamonds === 0 || pendingDiamonds * diamondValueMicros < payoutThresholdMicros) {
        code = Rejection.belowThreshold;
      } else {
        const paidDiamonds = Math.min(pendingDiamonds, capDiamonds);
        const grossMicros = paidDiamonds * diamondValueMicros;
        ledger.lastPayoutDay[c] = d;
        ledger.diamondsPaid[c] += paidDiamonds;
        ledger.payoutGrossMicros[c] += grossMicros;
        platform.diamondsPaidOut += BigInt(paidDiamonds);
        platform.payoutGrossMicros += BigInt(grossMicros);
        platform.payoutFeeMicrosBps += BigInt(grossMicros) * BigInt(payoutFeeBps);
        status[i] = 0;
        applied++;
        continue;
      }
    }
    status[i] = code + 1;
    counts[code]++;
  }
  ledger.applied.payouts += applied;
  result.applied = applied;
  result.rejected = batch.length - applied;
  for (let r = 0; r < counts.length; r++) ledger.rejections[r] += counts[r];
  return result;
}
