/**
 * The idiomatic baseline: how a conversion service is usually first written. Objects per
 * event, Maps keyed by id, a Set of string idempotency keys, float money, one event at a
 * time. It keeps the same rules as the core so the two can be compared on the same stream.
 */
import type { GiftEvent } from "../serve/http-api.js";

export type { GiftEvent };

export interface PurchaseEvent {
  viewer: number;
  coins: number;
  priceUsd: number;
  storeFeeRate: number;
}

interface Wallet {
  coins: number;
  spentUsd: number;
}

interface CreatorAccount {
  coins: number;
  diamonds: number;
}

export class IdiomaticLedger {
  private readonly wallets = new Map<number, Wallet>();
  private readonly creators = new Map<number, CreatorAccount>();
  private readonly seen = new Set<string>();
  private readonly giftPrices = new Map<number, number>();
  storeFeesUsd = 0;
  platformUsd = 0;

  constructor(
    giftPrices: ArrayLike<number>,
    private readonly diamondsPerCoin: number,
  ) {
    for (let id = 0; id < giftPrices.length; id++) this.giftPrices.set(id, giftPrices[id]);
  }

  purchase(event: PurchaseEvent): void {
    let wallet = this.wallets.get(event.viewer);
    if (!wallet) {
      wallet = { coins: 0, spentUsd: 0 };
      this.wallets.set(event.viewer, wallet);
    }
    wallet.coins += event.coins;
    wallet.spentUsd += event.priceUsd;
    this.storeFeesUsd += event.priceUsd * event.storeFeeRate;
    this.platformUsd += event.priceUsd * (1 - event.storeFeeRate);
  }

  /** Applies one gift; false when it is rejected. */
  gift(event: GiftEvent): boolean {
    const key = `${event.stream}:${event.seq}`;
    if (this.seen.has(key)) return false;
    const price = this.giftPrices.get(event.gift);
    const wallet = this.wallets.get(event.viewer);
    if (price === undefined || wallet === undefined || event.count < 1) return false;
    this.seen.add(key);
    const coins = price * event.count;
    if (wallet.coins < coins) return false;
    wallet.coins -= coins;
    let account = this.creators.get(event.creator);
    if (!account) {
      account = { coins: 0, diamonds: 0 };
      this.creators.set(event.creator, account);
    }
    account.coins += coins;
    account.diamonds += coins * this.diamondsPerCoin;
    return true;
  }

  creatorCoins(creator: number): number {
    return this.creators.get(creator)?.coins ?? 0;
  }
}
