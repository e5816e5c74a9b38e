/**
 * A deliberately plain model of the core's rules, one row at a time, for property tests:
 * whatever order of passes the core uses internally, its state must equal this.
 */
import type { CompiledEconomy } from "../../src/economy/index.js";
import { MAX_GIFT_COUNT, MAX_SEQ_AHEAD, MAX_WALLET_COINS, Rejection, type GiftRow, type PurchaseRow } from "../../src/core/index.js";

export class ReferenceLedger {
  readonly wallet: number[];
  readonly gifted: number[];
  readonly giftKeys = new Set<string>();
  readonly orderKeys = new Set<number>();
  readonly rejections = new Map<number, number>();

  constructor(
    private readonly economy: CompiledEconomy,
    readonly viewers: number,
    readonly creators: number,
  ) {
    this.wallet = new Array(viewers).fill(0);
    this.gifted = new Array(creators).fill(0);
  }

  /** The lowest sequence number of `stream` not yet seen. */
  private mark(stream: number): number {
    let mark = 0;
    while (this.giftKeys.has(`${stream}:${mark}`)) mark++;
    return mark;
  }

  private reject(code: number): void {
    this.rejections.set(code, (this.rejections.get(code) ?? 0) + 1);
  }

  purchase(row: PurchaseRow): void {
    const { viewer, region, channel, tier, order } = row as Record<string, number>;
    const channels = this.economy.channelIds.length;
    const ok = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n < max;
    if (!ok(viewer, this.viewers)) return this.reject(Rejection.unknownViewer);
    if (!ok(region, this.economy.regionIds.length) || !ok(channel, channels)) return this.reject(Rejection.unknownBundle);
    if (!ok(tier, this.economy.bundleGroupSize[region * channels + channel])) return this.reject(Rejection.unknownBundle);
    if (!Number.isInteger(order) || order < 0 || order > 0x7fffffff) return this.reject(Rejection.invalidKey);
    const coins = this.economy.bundleCoins[this.economy.bundleGroupStart[region * channels + channel] + tier];
    if (this.orderKeys.has(order)) return this.reject(Rejection.duplicate);
    if (this.wallet[viewer] + coins > MAX_WALLET_COINS) return this.reject(Rejection.walletFull);
    this.orderKeys.add(order);
    this.wallet[viewer] += coins;
  }

  gift(row: GiftRow): void {
    const { viewer, creator, gift, count, stream, seq } = row as Record<string, number>;
    const ok = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n < max;
    if (!ok(viewer, this.viewers)) return this.reject(Rejection.unknownViewer);
    if (!ok(creator, this.creators)) return this.reject(Rejection.unknownCreator);
    if (!ok(gift, this.economy.giftPriceCoins.length)) return this.reject(Rejection.unknownGift);
    if (!Number.isInteger(count) || count < 1 || count > MAX_GIFT_COUNT) return this.reject(Rejection.badCount);
    if (!ok(stream, 1 << 24) || !Number.isInteger(seq) || seq < 0 || seq > 0x7fffffff) return this.reject(Rejection.invalidKey);
    const key = `${stream}:${seq}`;
    if (this.giftKeys.has(key)) return this.reject(Rejection.duplicate);
    if (seq - this.mark(stream) > MAX_SEQ_AHEAD) return this.reject(Rejection.invalidKey);
    this.giftKeys.add(key);
    const coins = this.economy.giftPriceCoins[gift] * count;
    if (this.wallet[viewer] < coins) return this.reject(Rejection.insufficientCoins);
    this.wallet[viewer] -= coins;
    this.gifted[creator] += coins;
  }
}
