import { createHash } from "node:crypto";
import type { Ledger } from "./ledger.js";

/**
 * SHA-256 over the ledger's whole state: every column's bytes, every platform account and
 * every idempotency key. Two ledgers with the same digest are bit-identical.
 */
export function ledgerDigest(ledger: Ledger): string {
  const hash = createHash("sha256");
  const columns = [
    ledger.walletCoins,
    ledger.coinsBought,
    ledger.fiatPaidMicros,
    ledger.giftedCoins,
    ledger.diamondsPaid,
    ledger.payoutGrossMicros,
    ledger.lastPayoutDay,
    ledger.rejections,
  ];
  for (const column of columns) hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  hash.update(JSON.stringify(ledger.platform, (_key, value) => (typeof value === "bigint" ? value.toString() : value)));
  for (const keys of [ledger.giftKeys, ledger.orderKeys]) {
    // Marks beyond the last used namespace are zero; hash only up to it so that growth
    // history (how big the array happens to be) does not change the digest.
    let used = keys.marks.length;
    while (used > 0 && keys.marks[used - 1] === 0) used--;
    hash.update(new Uint8Array(keys.marks.buffer, keys.marks.byteOffset, used * 4));
    hash.update("|");
    keys.pages.forEach((pages, namespace) => {
      pages.forEach((page, index) => {
        if (page === undefined || page.every((word) => word === 0)) return;
        hash.update(`${namespace}:${index}:`);
        hash.update(new Uint8Array(page.buffer, page.byteOffset, page.byteLength));
      });
    });
  }
  return hash.digest("hex");
}
