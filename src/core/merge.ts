import { mergeKeySets } from "./key-set.js";
import type { Ledger } from "./ledger.js";

function addColumn<T extends Float64Array | Int32Array>(into: T, from: T): void {
  for (let i = 0; i < into.length; i++) into[i] += from[i];
}

/**
 * Adds a partial ledger into another. Partials come from partitioning batches by viewer:
 * wallets are disjoint and creator credits are sums, so the merge equals the ledger that
 * would have applied every batch itself. Apply payouts after merging, not per partition.
 */
export function mergeLedgers(into: Ledger, from: Ledger): void {
  if (into.economy !== from.economy && into.economy.economy.id !== from.economy.economy.id) {
    throw new RangeError(`cannot merge ledgers of economies ${into.economy.economy.id} and ${from.economy.economy.id}`);
  }
  if (into.viewerCount !== from.viewerCount || into.creatorCount !== from.creatorCount) {
    throw new RangeError("cannot merge ledgers of different sizes");
  }
  addColumn(into.walletCoins, from.walletCoins);
  addColumn(into.coinsBought, from.coinsBought);
  addColumn(into.fiatPaidMicros, from.fiatPaidMicros);
  addColumn(into.giftedCoins, from.giftedCoins);
  addColumn(into.diamondsPaid, from.diamondsPaid);
  addColumn(into.payoutGrossMicros, from.payoutGrossMicros);
  for (let c = 0; c < into.creatorCount; c++) {
    into.lastPayoutDay[c] = Math.max(into.lastPayoutDay[c], from.lastPayoutDay[c]);
  }
  for (const key of Object.keys(into.platform) as (keyof Ledger["platform"])[]) {
    into.platform[key] += from.platform[key];
  }
  mergeKeySets(into.giftKeys, from.giftKeys);
  mergeKeySets(into.orderKeys, from.orderKeys);
  addColumn(into.rejections, from.rejections);
  into.applied.gifts += from.applied.gifts;
  into.applied.purchases += from.applied.purchases;
  into.applied.payouts += from.applied.payouts;
}
