import { describe, expect, it } from "vitest";
import {
  Rejection,
  applyGifts,
  applyPayouts,
  applyPurchases,
  auditLedger,
  diamondRemainder,
  diamondsEarned,
  giftBatchFromRows,
  payoutBatchFromRows,
  purchaseBatchFromRows,
  viewerCoinsSpent,
  MAX_SEQ_AHEAD,
} from "../../src/core/index.js";
import { IOS, US, WEB, tiktokLedger } from "./fixtures.js";

const ROSE = 0;
const LION = 25;

function fund(ledger: ReturnType<typeof tiktokLedger>, viewer: number, tier: number, order: number, channel = IOS) {
  return applyPurchases(ledger, purchaseBatchFromRows([{ viewer, region: US, channel, tier, order }]));
}

describe("purchases", () => {
  it("credit coins, record fiat and split the store fee exactly", () => {
    const ledger = tiktokLedger();
    const result = fund(ledger, 1, 0, 0);
    expect(result.applied).toBe(1);
    expect(ledger.walletCoins[1]).toBe(70);
    expect(ledger.fiatPaidMicros[1]).toBe(990_000);
    expect(ledger.platform.storeFeeMicrosBps).toBe(990_000n * 3000n);
    expect(ledger.platform.platformGrossMicrosBps).toBe(990_000n * 7000n);
    expect(auditLedger(ledger).state).toBe("passed");
  });

  it("read a retried purchase as a duplicate even when the wallet is now near full (regression)", () => {
    const ledger = tiktokLedger();
    fund(ledger, 0, 0, 7);
    ledger.walletCoins[0] = 2 ** 31 - 10;
    ledger.coinsBought[0] = 2 ** 31 - 10;
    const retried = fund(ledger, 0, 0, 7);
    expect(retried.rejectedByReason[Rejection.duplicate]).toBe(1);
    expect(fund(ledger, 0, 0, 8).rejectedByReason[Rejection.walletFull]).toBe(1);
  });

  it("on the web pay no store fee", () => {
    const ledger = tiktokLedger();
    fund(ledger, 2, 0, 0, WEB);
    expect(ledger.platform.storeFeeMicrosBps).toBe(0n);
  });

  it("reject unknown viewers, bundles, bad keys and duplicate orders without throwing", () => {
    const ledger = tiktokLedger();
    const result = applyPurchases(
      ledger,
      purchaseBatchFromRows([
        { viewer: 99, region: US, channel: IOS, tier: 0, order: 1 },
        { viewer: 0, region: 9, channel: IOS, tier: 0, order: 2 },
        { viewer: 0, region: US, channel: IOS, tier: 42, order: 3 },
        { viewer: 0, region: US, channel: IOS, tier: 0, order: -1 },
        { viewer: 0, region: US, channel: IOS, tier: 0, order: 5 },
        { viewer: 0, region: US, channel: IOS, tier: 0, order: 5 },
      ]),
    );
    expect(result.applied).toBe(1);
    expect(result.rejectedByReason[Rejection.unknownViewer]).toBe(1);
    expect(result.rejectedByReason[Rejection.unknownBundle]).toBe(2);
    expect(result.rejectedByReason[Rejection.invalidKey]).toBe(1);
    expect(result.rejectedByReason[Rejection.duplicate]).toBe(1);
  });
});

describe("gifts", () => {
  it("move coins from the viewer to the creator and earn one diamond per coin on TikTok", () => {
    const ledger = tiktokLedger();
    fund(ledger, 0, 6, 0);
    const short = applyGifts(ledger, giftBatchFromRows([{ viewer: 0, creator: 2, gift: LION, count: 1, stream: 0, seq: 0 }]));
    expect(short.rejectedByReason[Rejection.insufficientCoins]).toBe(1);
    fund(ledger, 0, 6, 1);
    const result = applyGifts(ledger, giftBatchFromRows([{ viewer: 0, creator: 2, gift: LION, count: 1, stream: 0, seq: 1 }]));
    expect(result.applied).toBe(1);
    expect(ledger.walletCoins[0]).toBe(35_000 - 29_999);
    expect(diamondsEarned(ledger, 2)).toBe(29_999);
  });

  it("debit the wallet and credit the creator", () => {
    const ledger = tiktokLedger();
    fund(ledger, 0, 0, 0);
    const batch = giftBatchFromRows([{ viewer: 0, creator: 1, gift: ROSE, count: 3, stream: 7, seq: 0 }]);
    applyGifts(ledger, batch);
    expect(batch.status[0]).toBe(0);
    expect(ledger.walletCoins[0]).toBe(67);
    expect(viewerCoinsSpent(ledger, 0)).toBe(3);
    expect(ledger.giftedCoins[1]).toBe(3);
    expect(diamondsEarned(ledger, 1)).toBe(3);
    expect(auditLedger(ledger).state).toBe("passed");
  });

  it("reject bad rows by reason and apply the rest of the batch", () => {
    const ledger = tiktokLedger();
    fund(ledger, 0, 0, 0);
    const batch = giftBatchFromRows([
      { viewer: 0, creator: 0, gift: 9999, count: 1, stream: 0, seq: 0 },
      { viewer: 0, creator: 0, gift: ROSE, count: -2, stream: 0, seq: 1 },
      { viewer: 0, creator: 0, gift: Number.NaN, count: 1, stream: 0, seq: 2 },
      { viewer: 0, creator: 0, gift: ROSE, count: Number.NaN, stream: 0, seq: 3 },
      { viewer: 10, creator: 0, gift: ROSE, count: 1, stream: 0, seq: 4 },
      { viewer: -1, creator: 0, gift: ROSE, count: 1, stream: 0, seq: 5 },
      { viewer: 0, creator: 3, gift: ROSE, count: 1, stream: 0, seq: 6 },
      { viewer: 0, creator: 0, gift: ROSE, count: 1.5, stream: 0, seq: 7 },
      { viewer: 0, creator: 0, gift: ROSE, count: 1, stream: 0, seq: 8 },
      { viewer: 0, creator: 0, gift: ROSE, count: 1, stream: 0, seq: 8 },
      { viewer: 0, creator: 0, gift: ROSE, count: 1, stream: -3, seq: 9 },
      { viewer: 0, creator: 0, gift: LION, count: 1, stream: 0, seq: 10 },
    ]);
    const result = applyGifts(ledger, batch);
    expect(result.applied).toBe(1);
    expect(result.rejected).toBe(11);
    const by = result.rejectedByReason;
    expect(by[Rejection.unknownGift]).toBe(2);
    expect(by[Rejection.badCount]).toBe(3);
    expect(by[Rejection.unknownViewer]).toBe(2);
    expect(by[Rejection.unknownCreator]).toBe(1);
    expect(by[Rejection.duplicate]).toBe(1);
    expect(by[Rejection.invalidKey]).toBe(1);
    expect(by[Rejection.insufficientCoins]).toBe(1);
    expect(Array.from(batch.status)).toEqual([2, 6, 2, 6, 3, 3, 4, 6, 0, 5, 8, 1]);
    expect(ledger.walletCoins[0]).toBe(69);
    expect(auditLedger(ledger).state).toBe("passed");
  });

  it("take sequence numbers out of order and still refuse every duplicate", () => {
    const ledger = tiktokLedger();
    fund(ledger, 0, 2, 0);
    const rows = [5, 3, 0, 1, 2, 4, 5, 0, 70_000, 6].map((seq) => ({ viewer: 0, creator: 0, gift: ROSE, count: 1, stream: 4, seq }));
    const result = applyGifts(ledger, giftBatchFromRows(rows));
    expect(result.applied).toBe(8);
    expect(result.rejectedByReason[Rejection.duplicate]).toBe(2);
    expect(ledger.giftKeys.size).toBe(8);
    expect(applyGifts(ledger, giftBatchFromRows(rows)).applied).toBe(0);
  });

  it("refuse a sequence number far ahead of its stream as an invalid key, so held keys stay bounded (regression)", () => {
    const ledger = tiktokLedger();
    fund(ledger, 0, 0, 0);
    const far = applyGifts(ledger, giftBatchFromRows([{ viewer: 0, creator: 0, gift: ROSE, count: 1, stream: 2, seq: MAX_SEQ_AHEAD + 1 }]));
    expect(far.rejectedByReason[Rejection.invalidKey]).toBe(1);
    const near = applyGifts(ledger, giftBatchFromRows([{ viewer: 0, creator: 0, gift: ROSE, count: 1, stream: 2, seq: MAX_SEQ_AHEAD }]));
    expect(near.applied).toBe(1);
  });

  it("carry the creator's fractional diamonds instead of rounding them away (70% share)", () => {
    const ledger = tiktokLedger(2, 1, { policy: { creatorShareBps: 7000, diamondValueMicros: 10_000 } });
    fund(ledger, 0, 0, 0);
    for (let seq = 0; seq < 3; seq++) applyGifts(ledger, giftBatchFromRows([{ viewer: 0, creator: 0, gift: ROSE, count: 1, stream: 0, seq }]));
    // 3 coins x 0.7 = 2.1 diamonds: 2 whole, 1/10 carried.
    expect(diamondsEarned(ledger, 0)).toBe(2);
    expect(diamondRemainder(ledger, 0)).toBe(1n);
    expect(auditLedger(ledger).state).toBe("passed");
  });
});

describe("payouts", () => {
  function earning(coins: number, overrides = {}) {
    const ledger = tiktokLedger(2, 2, overrides);
    let order = 0;
    while (ledger.walletCoins[0] < coins) fund(ledger, 0, 6, order++);
    let seq = 0;
    let left = coins;
    while (left > 0) {
      const count = Math.min(left, 10_000);
      applyGifts(ledger, giftBatchFromRows([{ viewer: 0, creator: 0, gift: ROSE, count, stream: 0, seq: seq++ }]));
      left -= count;
    }
    return ledger;
  }

  it("refuse a creator below the $100 threshold", () => {
    const ledger = earning(19_999); // 19,999 diamonds x $0.005 = $99.995
    const result = applyPayouts(ledger, payoutBatchFromRows([{ creator: 0, day: 0 }]));
    expect(result.rejectedByReason[Rejection.belowThreshold]).toBe(1);
  });

  it("pay out at the threshold, once a day, within the $1,000 daily cap", () => {
    const ledger = earning(300_000); // $1,500 earned
    const first = applyPayouts(ledger, payoutBatchFromRows([{ creator: 0, day: 3 }, { creator: 0, day: 3 }, { creator: 1, day: 3 }]));
    expect(first.applied).toBe(1);
    expect(first.rejectedByReason[Rejection.duplicate]).toBe(1);
    expect(first.rejectedByReason[Rejection.belowThreshold]).toBe(1);
    expect(ledger.payoutGrossMicros[0]).toBe(1_000_000_000);
    expect(applyPayouts(ledger, payoutBatchFromRows([{ creator: 0, day: 2 }])).rejectedByReason[Rejection.invalidKey]).toBe(1);
    const next = applyPayouts(ledger, payoutBatchFromRows([{ creator: 0, day: 4 }]));
    expect(next.applied).toBe(1);
    expect(ledger.payoutGrossMicros[0]).toBe(1_500_000_000);
    expect(auditLedger(ledger).state).toBe("passed");
  });

  it("keep the provider fee exact", () => {
    const ledger = earning(20_001, { policy: { payoutFeeBps: 333 } });
    applyPayouts(ledger, payoutBatchFromRows([{ creator: 0, day: 0 }]));
    expect(ledger.platform.payoutFeeMicrosBps).toBe(100_005_000n * 333n);
    const audit = auditLedger(ledger);
    expect(audit.state).toBe("passed");
    expect(audit.totals.payoutFeeMicros).toBe((100_005_000n * 333n) / 10_000n);
  });
});

describe("audit", () => {
  it("catches a ledger changed behind the core's back", () => {
    const ledger = tiktokLedger();
    fund(ledger, 0, 0, 0);
    ledger.walletCoins[0] += 5;
    const audit = auditLedger(ledger);
    expect(audit.state).toBe("failed");
    if (audit.state === "failed") expect(audit.failures.join("\n")).toMatch(/coins bought/);
  });

  it("reports every total that the identities cover", () => {
    const ledger = tiktokLedger();
    fund(ledger, 0, 1, 0);
    applyGifts(ledger, giftBatchFromRows([{ viewer: 0, creator: 0, gift: 13, count: 1, stream: 0, seq: 0 }]));
    applyGifts(ledger, giftBatchFromRows([{ viewer: 0, creator: 0, gift: 10, count: 1, stream: 0, seq: 1 }]));
    const { totals } = auditLedger(ledger);
    // 350 coins for $4.99 on iOS; Concert (500) is refused, Rainbow puke (100) applied.
    expect(totals.coinsBought).toBe(350n);
    expect(totals.coinsSpent).toBe(100n);
    expect(totals.coinsInWallets).toBe(250n);
    expect(totals.diamondsEarned).toBe(100n);
    expect(totals.fiatPaidMicros).toBe(4_990_000n);
    expect(totals.storeFeeMicros).toBe(1_497_000n);
    expect(totals.creatorPendingMicros).toBe(500_000n);
    expect(totals.platformNetMicros).toBe(4_990_000n - 1_497_000n - 500_000n);
    expect(totals.fiatRemainderNum).toBe(0n);
  });
});
