import { describe, expect, it } from "vitest";
import { compileEconomy, loadEconomy, type Bundle } from "../../src/economy/index.js";
import { applyGifts, applyPurchases, auditLedger, createGiftBatch, createLedger, purchaseBatchFromRows } from "../../src/core/index.js";

const UNIVERSE = 26;
const HUGE_BUNDLE_COINS = 2_000_000_000;
const HUGE_BUNDLE_CENTS = 2_860_000_000; // about 1.43 cents a coin

describe("exact money past 2^31 and near 2^53", () => {
  it("10 million Universe gifts and fiat totals beyond 2^53 micro-USD stay exact to the unit", () => {
    const bundles: Bundle[] = (["app-ios", "app-android", "web"] as const).map((channel) => ({
      region: "US",
      channel,
      coins: HUGE_BUNDLE_COINS,
      priceMinor: HUGE_BUNDLE_CENTS,
      source: "test: one bundle large enough to fund 10M Universe gifts",
    }));
    const base = loadEconomy("tiktok");
    const economy = compileEconomy(loadEconomy("tiktok", { regions: base.regions.filter((r) => r.id === "US"), bundles }));
    expect(economy.giftPriceCoins[UNIVERSE]).toBe(34_999);
    const viewers = 400;
    const creators = 3;
    const ledger = createLedger(economy, { viewers, creators });
    const purchases = applyPurchases(
      ledger,
      purchaseBatchFromRows(Array.from({ length: viewers }, (_, v) => ({ viewer: v, region: 0, channel: v % 3, tier: 0, order: v }))),
    );
    expect(purchases.applied).toBe(viewers);

    // 1M rows x 10 Universes, sent by the first 200 viewers to three creators.
    const rows = 1_000_000;
    const batch = createGiftBatch(rows);
    for (let i = 0; i < rows; i++) {
      batch.viewer[i] = i % 200;
      batch.creator[i] = i % creators;
      batch.gift[i] = UNIVERSE;
      batch.count[i] = 10;
      batch.stream[i] = i % creators;
      batch.seq[i] = Math.floor(i / creators);
    }
    batch.length = rows;
    expect(applyGifts(ledger, batch).applied).toBe(rows);

    const coinsSpent = 10_000_000n * 34_999n;
    const fiatMicros = BigInt(viewers) * BigInt(HUGE_BUNDLE_CENTS) * 10_000n;
    expect(coinsSpent > 2n ** 31n).toBe(true);
    expect(fiatMicros > 2n ** 53n).toBe(true);
    expect(ledger.giftedCoins[0]).toBeGreaterThan(2 ** 31);
    const audit = auditLedger(ledger);
    expect(audit.state === "failed" ? audit.failures : []).toEqual([]);
    const t = audit.totals;
    expect(t.coinsSpent).toBe(coinsSpent);
    expect(t.coinsBought).toBe(BigInt(viewers) * BigInt(HUGE_BUNDLE_COINS));
    expect(t.coinsInWallets).toBe(t.coinsBought - coinsSpent);
    expect(t.diamondsEarned).toBe(coinsSpent);
    expect(t.fiatPaidMicros).toBe(fiatMicros);
    // Two thirds of the purchases went through app stores at 30%; no fraction is lost.
    const appPurchases = BigInt(Array.from({ length: viewers }, (_, v) => v % 3).filter((c) => c !== 2).length);
    expect(t.storeFeeMicros).toBe((appPurchases * BigInt(HUGE_BUNDLE_CENTS) * 10_000n * 3_000n) / 10_000n);
    expect(t.creatorPendingMicros).toBe(coinsSpent * 5_000n);
    expect(t.storeFeeMicros + t.platformNetMicros + t.creatorPayoutsMicros + t.creatorPendingMicros).toBe(fiatMicros);
  });
});
