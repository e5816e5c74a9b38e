/**
 * The conversion core as a service: one ledger, requests applied whole (purchases, then
 * gifts, in one synchronous step, so a request is either entirely applied or not at all),
 * and a tally of applied events that load clients reconcile against. Knows nothing of HTTP.
 */
import {
  APPLIED,
  MAX_KEY_NAMESPACE,
  REJECTION_REASONS,
  applyGifts,
  applyPurchases,
  auditLedger,
  createLedger,
  diamondsEarned,
  giftBatchFromRows,
  ledgerDigest,
  purchaseBatchFromRows,
  rejectionsByName,
  totalsToJson,
  viewerCoinsSpent,
  type Ledger,
} from "../core/index.js";
import { bundleGroupCoins, syntheticEconomy, type CompiledEconomy } from "../economy/index.js";
import { emptyTally, tallyEvent, tallyToWire } from "./event-tally.js";
import type { BatchOutcome, EventsRequest, EventsResponse, ServiceConfig, ServiceTotals } from "./http-api.js";

export interface ConversionServiceOptions {
  preset: string;
  viewers: number;
  creators: number;
  /** Gift kinds: the first G of the preset's catalog, synthetic past its end. */
  gifts: number;
  /** Seed of the synthetic catalog's prices. */
  seed: string;
}

export interface ConversionService {
  readonly ledger: Ledger;
  readonly economy: CompiledEconomy;
  apply(request: Required<EventsRequest>): EventsResponse;
  /** Exact totals, tallies and the audit; costs a pass over the ledger. */
  totals(): Omit<ServiceTotals, "requests" | "instance">;
  config(): Omit<ServiceConfig, "limits">;
  /** A viewer's wallet, or undefined for an unknown id. */
  viewer(id: number): { viewer: number; walletCoins: number; coinsBought: number; coinsSpent: number; fiatPaidMicros: number } | undefined;
  creator(id: number): { creator: number; giftedCoins: number; diamondsEarned: number; diamondsPaid: number; payoutGrossMicros: number } | undefined;
}

/** A ledger sized and priced by `options`, behind the service interface. */
export function createConversionService(options: ConversionServiceOptions): ConversionService {
  const economy = syntheticEconomy(options);
  const ledger = createLedger(economy, { viewers: options.viewers, creators: options.creators });
  const giftTally = emptyTally();
  const purchaseTally = emptyTally();
  let nextStream = 0;
  let nextOrder = 0;

  function outcome(status: Uint8Array, rows: number, applied: number): BatchOutcome {
    const rejected: BatchOutcome["rejected"] = [];
    for (let i = 0; i < rows; i++) {
      if (status[i] !== APPLIED) rejected.push({ index: i, reason: REJECTION_REASONS[status[i] - 1] });
    }
    return { applied, rejected };
  }

  return {
    ledger,
    economy,
    apply(request) {
      const purchases = purchaseBatchFromRows(request.purchases);
      const purchaseResult = applyPurchases(ledger, purchases);
      const gifts = giftBatchFromRows(request.gifts);
      const giftResult = applyGifts(ledger, gifts);
      // Keys seen, applied or not, are never handed out as fresh: max over valid keys.
      for (let i = 0; i < purchases.length; i++) {
        const order = purchases.order[i];
        if (order >= nextOrder) nextOrder = order + 1;
        if (purchases.status[i] !== APPLIED) continue;
        const bundle = economy.bundleGroupStart[purchases.region[i] * economy.channelIds.length + purchases.channel[i]] + purchases.tier[i];
        tallyEvent(purchaseTally, 0, order, economy.bundleCoins[bundle]);
      }
      for (let i = 0; i < gifts.length; i++) {
        const stream = gifts.stream[i];
        if (stream >= nextStream && stream <= MAX_KEY_NAMESPACE) nextStream = stream + 1;
        if (gifts.status[i] !== APPLIED) continue;
        tallyEvent(giftTally, stream, gifts.seq[i], economy.giftPriceCoins[gifts.gift[i]] * gifts.count[i]);
      }
      return {
        purchases: outcome(purchases.status, purchases.length, purchaseResult.applied),
        gifts: outcome(gifts.status, gifts.length, giftResult.applied),
      };
    },
    totals() {
      const audit = auditLedger(ledger);
      return {
        tallies: { gifts: tallyToWire(giftTally), purchases: tallyToWire(purchaseTally) },
        rejected: rejectionsByName(ledger.rejections),
        next: { stream: nextStream, order: nextOrder },
        audit: { state: audit.state, failures: audit.state === "failed" ? audit.failures : [] },
        ledger: totalsToJson(audit.totals),
        ledgerDigest: ledgerDigest(ledger),
      };
    },
    config() {
      return {
        preset: economy.economy.id,
        viewers: ledger.viewerCount,
        creators: ledger.creatorCount,
        giftPriceCoins: Array.from(economy.giftPriceCoins),
        regions: [...economy.regionIds],
        channels: [...economy.channelIds],
        bundleCoins: economy.regionIds.map((_, region) => economy.channelIds.map((_, channel) => bundleGroupCoins(economy, region, channel))),
      };
    },
    viewer(id) {
      if (!Number.isInteger(id) || id < 0 || id >= ledger.viewerCount) return undefined;
      return {
        viewer: id,
        walletCoins: ledger.walletCoins[id],
        coinsBought: ledger.coinsBought[id],
        coinsSpent: viewerCoinsSpent(ledger, id),
        fiatPaidMicros: ledger.fiatPaidMicros[id],
      };
    },
    creator(id) {
      if (!Number.isInteger(id) || id < 0 || id >= ledger.creatorCount) return undefined;
      return {
        creator: id,
        giftedCoins: ledger.giftedCoins[id],
        diamondsEarned: diamondsEarned(ledger, id),
        diamondsPaid: ledger.diamondsPaid[id],
        payoutGrossMicros: ledger.payoutGrossMicros[id],
      };
    },
  };
}
