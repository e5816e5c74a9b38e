import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileEconomy, loadEconomy } from "../../src/economy/index.js";
import {
  applyGifts,
  applyPayouts,
  applyPurchases,
  auditLedger,
  createLedger,
  giftBatchFromRows,
  ledgerDigest,
  mergeLedgers,
  payoutBatchFromRows,
  purchaseBatchFromRows,
  type GiftRow,
  type Ledger,
  type PayoutRow,
  type PurchaseRow,
} from "../../src/core/index.js";
import { ReferenceLedger } from "./reference-ledger.js";

const economy = compileEconomy(loadEconomy("tiktok"));
const youtube = compileEconomy(loadEconomy("youtube-superchat", { policy: { payoutFeeBps: 175, payoutThresholdMicros: 1_000_000 } }));
const VIEWERS = 12;
const CREATORS = 4;

/** Mostly valid ids with a few out of range, negative, fractional or NaN. */
const id = (size: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: size - 1 }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, size, 2 ** 40, 1.5, Number.NaN) },
  );
const seq = fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(-4, 70_000, 3.5, 5_000_000) });

const purchaseRow: fc.Arbitrary<PurchaseRow> = fc.record({
  viewer: id(VIEWERS),
  region: id(4),
  channel: id(3),
  tier: id(7),
  order: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 0.5) }),
});
const giftRow: fc.Arbitrary<GiftRow> = fc.record({
  viewer: id(VIEWERS),
  creator: id(CREATORS),
  gift: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: id(economy.giftPriceCoins.length) }),
  count: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(0, -2, 10_001, Number.NaN, 2.5) }),
  stream: id(3),
  seq,
});
const payoutRow: fc.Arbitrary<PayoutRow> = fc.record({ creator: id(CREATORS), day: fc.integer({ min: -1, max: 6 }) });

type Step = { kind: "purchases"; rows: PurchaseRow[] } | { kind: "gifts"; rows: GiftRow[] } | { kind: "payouts"; rows: PayoutRow[] };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("purchases" as const), rows: fc.array(purchaseRow, { maxLength: 12 }) }),
  fc.record({ kind: fc.constant("gifts" as const), rows: fc.array(giftRow, { maxLength: 40 }) }),
  fc.record({ kind: fc.constant("payouts" as const), rows: fc.array(payoutRow, { maxLength: 4 }) }),
);
const steps = fc.array(step, { maxLength: 12 });

function apply(ledger: Ledger, s: Step) {
  if (s.kind === "purchases") return applyPurchases(ledger, purchaseBatchFromRows(s.rows));
  if (s.kind === "gifts") return applyGifts(ledger, giftBatchFromRows(s.rows));
  return applyPayouts(ledger, payoutBatchFromRows(s.rows));
}

function run(all: Step[], viewers = VIEWERS, compiled = economy): Ledger {
  const ledger = createLedger(compiled, { viewers, creators: CREATORS });
  for (const s of all) apply(ledger, s);
  return ledger;
}

describe("core invariants (fast-check)", () => {
  it("every audit identity holds over random mixes of purchases, gifts, payouts, bad rows and duplicates", () => {
    fc.assert(
      fc.property(steps, fc.boolean(), (all, useYoutube) => {
        const ledger = run(all, VIEWERS, useYoutube ? youtube : economy);
        const audit = auditLedger(ledger);
        expect(audit.state === "failed" ? audit.failures : []).toEqual([]);
        const t = audit.totals;
        expect(t.coinsBought).toBe(t.coinsSpent + t.coinsInWallets);
        expect(t.coinsSpent * 10_000n).toBe(t.creatorShareCoinsBps + t.platformShareCoinsBps);
        expect(t.diamondsEarned).toBe(t.diamondsPaid + t.diamondsPending);
      }),
      { numRuns: 300 },
    );
  });

  it("applying a batch twice changes nothing the second time (idempotency)", () => {
    fc.assert(
      fc.property(steps, step, (before, replayed) => {
        const ledger = run(before);
        apply(ledger, replayed);
        const once = ledgerDigestWithoutRejections(ledger);
        const second = apply(ledger, replayed);
        expect(second.applied).toBe(0);
        expect(ledgerDigestWithoutRejections(ledger)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it("the same batches in the same order give byte-identical state (determinism)", () => {
    fc.assert(
      fc.property(steps, (all) => {
        expect(ledgerDigest(run(all))).toBe(ledgerDigest(run(all)));
      }),
      { numRuns: 100 },
    );
  });

  it("matches a one-row-at-a-time reference model, for small ledgers and for bucketed large ones", () => {
    // Large ledgers settle wallets bucket by bucket (65,536 viewers each): spread the viewer
    // ids over many buckets so that reordering across buckets is exercised.
    const SPREAD = 40_000;
    fc.assert(
      fc.property(steps, fc.boolean(), (all, large) => {
        const viewers = large ? 1 << 19 : VIEWERS;
        const spread = <R extends { viewer: unknown }>(row: R): R =>
          large && typeof row.viewer === "number" && Number.isInteger(row.viewer) && row.viewer >= 0 && row.viewer < VIEWERS ? { ...row, viewer: row.viewer * SPREAD } : row;
        const ledger = createLedger(economy, { viewers, creators: CREATORS });
        const reference = new ReferenceLedger(economy, viewers, CREATORS);
        for (const s of all) {
          if (s.kind === "payouts") continue;
          const rows = (s.rows as { viewer: unknown }[]).map(spread);
          if (s.kind === "purchases") {
            applyPurchases(ledger, purchaseBatchFromRows(rows as PurchaseRow[]));
            rows.forEach((row) => reference.purchase(row as PurchaseRow));
          } else {
            const batch = giftBatchFromRows(rows as GiftRow[]);
            applyGifts(ledger, batch);
            rows.forEach((row) => reference.gift(row as GiftRow));
          }
        }
        for (let v = 0; v < VIEWERS; v++) {
          const at = large ? v * SPREAD : v;
          expect(ledger.walletCoins[at]).toBe(reference.wallet[at]);
        }
        expect(Array.from(ledger.giftedCoins)).toEqual(reference.gifted);
        reference.rejections.forEach((n, code) => expect(ledger.rejections[code]).toBe(n));
        expect(auditLedger(ledger).state).toBe("passed");
      }),
      { numRuns: 150 },
    );
  });

  it("marks exactly the rows it rejects, in batch order, on bucketed ledgers", () => {
    const ledger = createLedger(economy, { viewers: 1 << 19, creators: 2 });
    applyPurchases(ledger, purchaseBatchFromRows([{ viewer: 400_000, region: 0, channel: 0, tier: 0, order: 0 }, { viewer: 3, region: 0, channel: 0, tier: 0, order: 1 }]));
    // Viewer 400,000 (a late bucket) can pay 70 coins: the third 30-coin gift is short.
    const batch = giftBatchFromRows([
      { viewer: 400_000, creator: 0, gift: 7, count: 1, stream: 0, seq: 0 },
      { viewer: 3, creator: 1, gift: 7, count: 1, stream: 0, seq: 1 },
      { viewer: 400_000, creator: 0, gift: 7, count: 1, stream: 0, seq: 2 },
      { viewer: 400_000, creator: 1, gift: 7, count: 1, stream: 0, seq: 3 },
      { viewer: 3, creator: 1, gift: 0, count: 1, stream: 0, seq: 4 },
    ]);
    const result = applyGifts(ledger, batch);
    expect(Array.from(batch.status)).toEqual([0, 0, 0, 1, 0]);
    expect(result.applied).toBe(4);
    expect(Array.from(ledger.giftedCoins)).toEqual([60, 31]);
    expect(auditLedger(ledger).state).toBe("passed");
  });

  it("partitioning gift and purchase batches by viewer and merging equals the unpartitioned ledger", () => {
    // In a real stream each key belongs to one event; a replay re-sends the same event. So
    // keys are made unique per row, and some rows are sent twice.
    const keyed = fc
      .array(step.filter((s) => s.kind !== "payouts"), { maxLength: 10 })
      .chain((all) => fc.tuple(fc.constant(all), fc.array(fc.boolean(), { minLength: all.length, maxLength: all.length })))
      .map(([all, replay]) => {
        let key = 0;
        return all.map((s, i) => {
          if (s.kind === "gifts") {
            const rows = s.rows.map((row) => ({ ...row, stream: key % 3, seq: key++ }));
            return { kind: s.kind, rows: replay[i] ? [...rows, ...rows] : rows };
          }
          const rows = (s.rows as PurchaseRow[]).map((row) => ({ ...row, order: key++ }));
          return { kind: s.kind, rows: replay[i] ? [...rows, ...rows] : rows };
        }) as Step[];
      });
    fc.assert(
      fc.property(keyed, fc.integer({ min: 2, max: 4 }), (all, parts) => {
        const whole = run(all);
        const partials = Array.from({ length: parts }, () => createLedger(economy, { viewers: VIEWERS, creators: CREATORS }));
        const isViewerId = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
        // Rows whose viewer is not an id at all go to partition 0, so they are counted once.
        const owner = (row: { viewer: unknown }) => (isViewerId(row.viewer) ? row.viewer % parts : 0);
        for (const s of all) {
          partials.forEach((partial, p) => {
            if (s.kind === "purchases") applyPurchases(partial, purchaseBatchFromRows(s.rows.filter((r) => owner(r) === p)));
            if (s.kind === "gifts") applyGifts(partial, giftBatchFromRows(s.rows.filter((r) => owner(r) === p)));
          });
        }
        const merged = partials[0];
        for (const partial of partials.slice(1)) mergeLedgers(merged, partial);
        expect(Array.from(merged.giftedCoins)).toEqual(Array.from(whole.giftedCoins));
        expect(Array.from(merged.walletCoins)).toEqual(Array.from(whole.walletCoins));
        expect(merged.platform).toEqual(whole.platform);
        expect(Array.from(merged.rejections)).toEqual(Array.from(whole.rejections));
        expect(ledgerDigest(merged)).toBe(ledgerDigest(whole));
        expect(auditLedger(merged).state).toBe("passed");
      }),
      { numRuns: 150 },
    );
  });
});

/** Rejection counters legitimately grow on a replay (duplicates are counted); the rest must not change. */
function ledgerDigestWithoutRejections(ledger: Ledger): string {
  const saved = Float64Array.from(ledger.rejections);
  ledger.rejections.fill(0);
  const digest = ledgerDigest(ledger);
  ledger.rejections.set(saved);
  return digest;
}
