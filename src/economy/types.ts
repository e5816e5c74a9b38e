/**
 * The economy's vocabulary. Every figure that came from outside carries a `source`
 * (see shared economics notes): reports must be able to say where a number came from.
 * Money is integer: fiat in minor units of its currency, rates in basis points.
 */

/** A figure with its provenance. */
export interface Sourced {
  /** Where the figure comes from, or "assumption: ..." with the reason. */
  source: string;
}

/** Purchase channels a viewer can buy coins through. */
export const CHANNELS = ["app-ios", "app-android", "web"] as const;
export type ChannelId = (typeof CHANNELS)[number];

export interface Region extends Sourced {
  id: string;
  /** ISO 4217 code of the local currency. */
  currency: string;
  /** Exact FX: how many micro-USD one minor unit of the local currency is worth. */
  usdMicrosPerMinorUnit: number;
}

export interface Channel extends Sourced {
  id: ChannelId;
  /** App-store fee on a purchase, in basis points of the price (3000 = 30%). */
  storeFeeBps: number;
}

export interface Bundle extends Sourced {
  region: string;
  channel: ChannelId;
  coins: number;
  /** Price in minor units of the region's currency. */
  priceMinor: number;
}

export interface Gift extends Sourced {
  id: number;
  name: string;
  priceCoins: number;
}

export interface ConversionPolicy {
  /** Share of a spent coin's nominal value credited to the creator, in basis points. */
  creatorShareBps: number;
  /** Nominal value of one coin, in micro-USD, against which the creator share is taken. */
  coinNominalMicros: number;
  /** What one diamond is worth to the creator at payout, in micro-USD. */
  diamondValueMicros: number;
  /** Smallest pending balance a creator may cash out, in micro-USD. */
  payoutThresholdMicros: number;
  /** Most a creator may cash out per day, in micro-USD. */
  dailyPayoutCapMicros: number;
  /** Payout provider fee, basis points of each payout. */
  payoutFeeBps: number;
  /** Provenance of each policy figure, keyed by field name. */
  sources: Record<string, string>;
}

/** A platform's whole price book: what viewers pay, what gifts cost, how creators are paid. */
export interface Economy {
  id: string;
  name: string;
  /** What a coin is called on this platform (coins, bits, cents). */
  coinName: string;
  regions: Region[];
  channels: Channel[];
  bundles: Bundle[];
  gifts: Gift[];
  policy: ConversionPolicy;
}
