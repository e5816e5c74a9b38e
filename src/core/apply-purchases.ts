import type { PurchaseBatch } from "./batches.js";
import { emptyBatchResult, type BatchResult } from "./batch-result.js";
import { addKey, hasKey } from "./key-set.js";
import { MAX_WALLET_COINS } from "../economy/index.js";
import type { Ledger } from "./ledger.js";
import { Rejection } from "./rejection.js";

const BPS = 10_000;
/** Flush float64 sums into BigInt before they could lose a unit. */
const FLUSH_AT = 2 ** 50;

/**
 * Applies a purchase batch: a viewer pays a bundle's price through a channel and gets its
 * coins. The price splits exactly into the store fee and the platform's gross; both are kept
 * as basis-point numerators so no sub-micro-USD fraction is rounded away.
 */
export function applyPurchases(ledger: Ledger, batch: PurchaseBatch): BatchResult {
  const result = emptyBatchResult();
  const counts = result.rejectedByReason;
  const { viewer, region, channel, tier, order, status } = batch;
  const economy = ledger.economy;
  const { bundleGroupStart, bundleGroupSize, bundleCoins, bundlePriceMicros, bundleStoreFeeBps } = economy;
  const channelCount = economy.channelIds.length;
  const regionCount = economy.regionIds.length;
  const { walletCoins, coinsBought, fiatPaidMicros } = ledger;
  let coins = 0;
  let fiat = 0;
  let fee = 0;
  let gross = 0;
  const platform = ledger.platform;
  const flush = () => {
    platform.coinsSold += BigInt(coins);
    platform.fiatReceivedMicros += BigInt(fiat);
    platform.storeFeeMicrosBps += BigInt(fee);
    platform.platformGrossMicrosBps += BigInt(gross);
    coins = fiat = fee = gross = 0;
  };
  let applied = 0;
  for (let i = 0; i < batch.length; i++) {
    const v = viewer[i];
    const r = region[i];
    const ch = channel[i];
    const t = tier[i];
    const o = order[i];
    let code = -1;
    if (v >>> 0 >= ledger.viewerCount) code = Rejection.unknownViewer;
    else if (r >>> 0 >= regionCount || ch >>> 0 >= channelCount) code = Rejection.unknownBundle;
    else if (t >>> 0 >= bundleGroupSize[r * channelCount + ch]) code = Rejection.unknownBundle;
    else if (o < 0) code = Rejection.invalidKey;
    // Duplicate before wallet-full: a retried purchase that was applied must read as a duplicate.
    else if (hasKey(ledger.orderKeys, 0, o)) code = Rejection.duplicate;
    else if (walletCoins[v] + bundleCoins[bundleGroupStart[r * channelCount + ch] + t] > MAX_WALLET_COINS) {
      code = Rejection.walletFull;
    } else addKey(ledger.orderKeys, 0, o);
    if (code >= 0) {
      status[i] = code + 1;
      counts[code]++;
      continue;
    }
    const bundle = bundleGroupStart[r * channelCount + ch] + t;
    const bundleCoinCount = bundleCoins[bundle];
    const priceMicros = bundlePriceMicros[bundle];
    const feeBpsNumerator = priceMicros * bundleStoreFeeBps[bundle];
    walletCoins[v] += bundleCoinCount;
    coinsBought[v] += bundleCoinCount;
    fiatPaidMicros[v] += priceMicros;
    coins += bundleCoinCount;
    fiat += priceMicros;
    fee += feeBpsNumerator;
    gross += priceMicros * BPS - feeBpsNumerator;
    if (gross > FLUSH_AT || fee > FLUSH_AT) flush();
    status[i] = 0;
    applied++;
  }
  flush();
  ledger.applied.purchases += applied;
  result.applied = applied;
  result.rejected = batch.length - applied;
  for (let c = 0; c < counts.length; c++) ledger.rejections[c] += counts[c];
  return result;
}
