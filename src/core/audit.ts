/**
 * The double-entry audit. Viewer-side columns, creator-side columns and the platform's
 * BigInt accounts are kept by different code paths; the audit sums each side exactly and
 * proves the identities a ledger must satisfy after any run:
 *   coins bought  = coins spent + coins in wallets
 *   coins spent   = creator share + platform share
 *   diamonds earned = diamonds paid out + diamonds pending
 *   fiat paid by viewers = store fees + platform net + creator payouts + creator pending (valued)
 * A run whose audit fails is an error, never a report.
 */
import type { Ledger } from "./ledger.js";

const BPS = 10_000n;

/** Exact ledger totals; fiat in micro-USD, fractional parts as separate remainders. */
export interface LedgerTotals {
  coinsBought: bigint;
  coinsSpent: bigint;
  coinsInWallets: bigint;
  /** Creator and platform shares of spent coins, times 10,000 (exact). */
  creatorShareCoinsBps: bigint;
  platformShareCoinsBps: bigint;
  diamondsEarned: bigint;
  diamondsPaid: bigint;
  diamondsPending: bigint;
  fiatPaidMicros: bigint;
  storeFeeMicros: bigint;
  platformNetMicros: bigint;
  creatorPayoutsMicros: bigint;
  payoutFeeMicros: bigint;
  creatorPendingMicros: bigint;
  /** Sub-micro parts of the four fiat figures above, over a common denominator `fiatRemainderDen`. */
  fiatRemainderNum: bigint;
  fiatRemainderDen: bigint;
}

export type AuditResult =
  | { state: "passed"; totals: LedgerTotals }
  | { state: "failed"; totals: LedgerTotals; failures: string[] };

/** Exact sum of a column of non-negative integers: float64 while the partial sum is exact. */
function sum(column: Float64Array | Int32Array): bigint {
  let total = 0n;
  let partial = 0;
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (!Number.isSafeInteger(value)) total += BigInt(Math.trunc(Number.isFinite(value) ? value : 0));
    else if (partial + value > Number.MAX_SAFE_INTEGER) {
      total += BigInt(partial);
      partial = value;
    } else partial += value;
  }
  return total + BigInt(partial);
}

function unsafeValues(name: string, column: Float64Array, failures: string[]): void {
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (!Number.isSafeInteger(value) || value < 0) {
      failures.push(`${name}[${i}] = ${value} is not a non-negative exact integer`);
      return;
    }
  }
}

export function auditLedger(ledger: Ledger): AuditResult {
  const failures: string[] = [];
  const check = (ok: boolean, identity: string, left: bigint, right: bigint) => {
    if (!ok) failures.push(`${identity}: ${left} != ${right}`);
  };
  const columns = {
    coinsBought: ledger.coinsBought,
    fiatPaidMicros: ledger.fiatPaidMicros,
    giftedCoins: ledger.giftedCoins,
    diamondsPaid: ledger.diamondsPaid,
    payoutGrossMicros: ledger.payoutGrossMicros,
  };
  for (const [name, column] of Object.entries(columns)) unsafeValues(name, column, failures);
  const economy = ledger.economy;
  const num = BigInt(economy.diamondsPerCoinNum);
  const den = BigInt(economy.diamondsPerCoinDen);
  const value = BigInt(economy.diamondValueMicros);
  const platform = ledger.platform;

  const coinsBought = sum(ledger.coinsBought);
  // Coins spent are counted on the creator side (every gift credits one creator) and by the
  // platform per batch; wallets are debited on the viewer side. The three must agree.
  const coinsInWallets = sum(ledger.walletCoins);
  const giftedCoins = sum(ledger.giftedCoins);
  const coinsSpent = platform.coinsGifted;
  check(coinsBought === platform.coinsSold, "coins bought by viewers = coins sold by the platform", coinsBought, platform.coinsSold);
  check(giftedCoins === coinsSpent, "coins gifted to creators = coins spent booked by the platform", giftedCoins, coinsSpent);
  check(coinsBought === coinsSpent + coinsInWallets, "coins bought = coins spent + coins in wallets", coinsBought, coinsSpent + coinsInWallets);
  const creatorShareCoinsBps = giftedCoins * BigInt(economy.creatorShareBps);
  check(
    coinsSpent * BPS === creatorShareCoinsBps + platform.platformShareCoinsBps,
    "coins spent = creator share + platform share (x10,000)",
    coinsSpent * BPS,
    creatorShareCoinsBps + platform.platformShareCoinsBps,
  );

  let diamondsEarned = 0n;
  let diamondsPaid = 0n;
  let creatorPayoutsMicros = 0n;
  for (let c = 0; c < ledger.creatorCount; c++) {
    const earned = (BigInt(ledger.giftedCoins[c]) * num) / den;
    const paid = BigInt(ledger.diamondsPaid[c]);
    const gross = BigInt(ledger.payoutGrossMicros[c]);
    if (paid > earned) failures.push(`creator ${c}: paid ${paid} diamonds but earned only ${earned}`);
    if (gross !== paid * value) failures.push(`creator ${c}: payouts ${gross} micro-USD != ${paid} diamonds x ${value}`);
    diamondsEarned += earned;
    diamondsPaid += paid;
    creatorPayoutsMicros += gross;
  }
  const diamondsPending = diamondsEarned - diamondsPaid;
  check(diamondsPaid === platform.diamondsPaidOut, "diamonds paid to creators = diamonds paid by the provider", diamondsPaid, platform.diamondsPaidOut);
  check(diamondsEarned === diamondsPaid + diamondsPending, "diamonds earned = paid + pending", diamondsEarned, diamondsPaid + diamondsPending);
  check(creatorPayoutsMicros === platform.payoutGrossMicros, "creator payouts = provider payouts", creatorPayoutsMicros, platform.payoutGrossMicros);

  const fiatPaidMicros = sum(ledger.fiatPaidMicros);
  check(fiatPaidMicros === platform.fiatReceivedMicros, "fiat paid by viewers = fiat received", fiatPaidMicros, platform.fiatReceivedMicros);
  check(
    fiatPaidMicros * BPS === platform.storeFeeMicrosBps + platform.platformGrossMicrosBps,
    "fiat paid = store fees + platform gross (x10,000)",
    fiatPaidMicros * BPS,
    platform.storeFeeMicrosBps + platform.platformGrossMicrosBps,
  );

  // Everything over the common denominator 10,000 x den (micro-USD units): creator earnings
  // valued exactly include the fraction of a diamond not yet whole.
  const unit = BPS * den;
  const creatorEarnedUnits = sum(ledger.giftedCoins) * num * value * BPS;
  const storeFeeUnits = platform.storeFeeMicrosBps * den;
  const platformNetUnits = platform.platformGrossMicrosBps * den - creatorEarnedUnits;
  const payoutUnits = creatorPayoutsMicros * unit;
  const pendingUnits = creatorEarnedUnits - payoutUnits;
  const rightUnits = storeFeeUnits + platformNetUnits + payoutUnits + pendingUnits;
  check(
    fiatPaidMicros * unit === rightUnits,
    "fiat paid by viewers = store fees + platform net + creator payouts + creator pending",
    fiatPaidMicros * unit,
    rightUnits,
  );
  if (pendingUnits < 0n) failures.push(`creator pending value is negative: ${pendingUnits} / ${unit} micro-USD`);
  for (let v = 0; v < ledger.viewerCount; v++) {
    if (ledger.walletCoins[v] < 0 || ledger.walletCoins[v] > ledger.coinsBought[v]) {
      failures.push(`viewer ${v}: wallet ${ledger.walletCoins[v]} is outside 0..${ledger.coinsBought[v]} (coins bought)`);
      break;
    }
  }

  const floorDiv = (units: bigint) => (units >= 0n ? units / unit : -((-units + unit - 1n) / unit));
  const storeFeeMicros = floorDiv(storeFeeUnits);
  const platformNetMicros = floorDiv(platformNetUnits);
  const creatorPendingMicros = floorDiv(pendingUnits);
  const payoutFeeMicros = platform.payoutFeeMicrosBps / BPS;
  const totals: LedgerTotals = {
    coinsBought,
    coinsSpent,
    coinsInWallets,
    creatorShareCoinsBps,
    platformShareCoinsBps: platform.platformShareCoinsBps,
    diamondsEarned,
    diamondsPaid,
    diamondsPending,
    fiatPaidMicros,
    storeFeeMicros,
    platformNetMicros,
    creatorPayoutsMicros,
    payoutFeeMicros,
    creatorPendingMicros,
    fiatRemainderNum: storeFeeUnits - storeFeeMicros * unit + (platformNetUnits - platformNetMicros * unit) + (pendingUnits - creatorPendingMicros * unit),
    fiatRemainderDen: unit,
  };
  return failures.length === 0 ? { state: "passed", totals } : { state: "failed", totals, failures };
}

/** Totals as JSON-safe values: numbers while exact, decimal strings beyond 2^53. */
export function totalsToJson(totals: LedgerTotals): Record<keyof LedgerTotals, number | string> {
  const out = {} as Record<keyof LedgerTotals, number | string>;
  for (const [key, value] of Object.entries(totals) as [keyof LedgerTotals, bigint][]) {
    out[key] = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  return out;
}
