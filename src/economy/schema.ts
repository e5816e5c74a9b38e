import { z } from "zod";
import { MAX_GIFT_COUNT, MAX_WALLET_COINS } from "./limits.js";
import { CHANNELS } from "./types.js";

const source = z.string().min(1, "a non-empty source");
const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();
const basisPoints = z.number().int().min(0).max(10_000);

export const regionSchema = z.strictObject({
  id: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD"),
  usdMicrosPerMinorUnit: positiveInt,
  source,
});

export const channelSchema = z.strictObject({
  id: z.enum(CHANNELS),
  storeFeeBps: basisPoints,
  source,
});

export const bundleSchema = z.strictObject({
  region: z.string().min(1),
  channel: z.enum(CHANNELS),
  /** At most what one wallet may hold (the core's int32 wallets). */
  coins: positiveInt.max(MAX_WALLET_COINS),
  priceMinor: positiveInt,
  source,
});

/**
 * Most coins a gift may cost: price x the largest count (MAX_GIFT_COUNT, 10,000) must fit the
 * core's int32 coin columns. Far above any catalog (Universe is 34,999).
 */
export const MAX_GIFT_PRICE_COINS = Math.floor(MAX_WALLET_COINS / MAX_GIFT_COUNT);

export const giftSchema = z.strictObject({
  id: nonNegativeInt,
  name: z.string().min(1),
  priceCoins: positiveInt.max(MAX_GIFT_PRICE_COINS),
  source,
});

export const policySchema = z.strictObject({
  creatorShareBps: basisPoints,
  coinNominalMicros: positiveInt,
  diamondValueMicros: positiveInt,
  payoutThresholdMicros: nonNegativeInt,
  dailyPayoutCapMicros: positiveInt,
  payoutFeeBps: basisPoints,
  sources: z.record(z.string(), z.string()),
});

/** The schema of a whole price book, with the cross-field rules a typo would break. */
export const economySchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    coinName: z.string().min(1),
    regions: z.array(regionSchema).min(1),
    channels: z.array(channelSchema).min(1),
    bundles: z.array(bundleSchema).min(1),
    gifts: z.array(giftSchema).min(1),
    policy: policySchema,
  })
  .superRefine((economy, ctx) => {
    const regionIds = new Set(economy.regions.map((r) => r.id));
    const channelIds = new Set(economy.channels.map((c) => c.id));
    economy.bundles.forEach((bundle, i) => {
      if (!regionIds.has(bundle.region)) {
        ctx.addIssue({ code: "custom", path: ["bundles", i, "region"], input: bundle.region, message: `one of the regions ${[...regionIds].join(", ")}` });
      }
      if (!channelIds.has(bundle.channel)) {
        ctx.addIssue({ code: "custom", path: ["bundles", i, "channel"], input: bundle.channel, message: `one of the channels ${[...channelIds].join(", ")}` });
      }
    });
    if (economy.policy.dailyPayoutCapMicros < economy.policy.diamondValueMicros) {
      ctx.addIssue({
        code: "custom",
        path: ["policy", "dailyPayoutCapMicros"],
        input: economy.policy.dailyPayoutCapMicros,
        message: `at least one diamond's value (${economy.policy.diamondValueMicros} micro-USD), or no payout could ever happen`,
      });
    }
    economy.gifts.forEach((gift, i) => {
      if (gift.id !== i) {
        ctx.addIssue({ code: "custom", path: ["gifts", i, "id"], input: gift.id, message: `gift ids numbered 0.. in order (expected ${i})` });
      }
    });
    for (const region of regionIds) {
      for (const channel of channelIds) {
        if (!economy.bundles.some((b) => b.region === region && b.channel === channel)) {
          ctx.addIssue({ code: "custom", path: ["bundles"], input: `${region}/${channel}`, message: `at least one bundle for region ${region} on channel ${channel}` });
        }
      }
    }
  });
