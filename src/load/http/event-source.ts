/**
 * Request bodies for an HTTP load: seeded gifts with fresh idempotency keys, each request
 * carrying the purchases that fund its own gifts. A request is applied whole by the server, so
 * its gifts are affordable whatever order concurrent or retried requests arrive in, and a
 * duplicate answered to a retry can only mean the earlier attempt was applied.
 *
 * Keys start where the server says no key has been used (GET /v1/totals `next`): streams
 * streamBase.. (one per creator, at most MAX_STREAMS per run), seq counting up per stream,
 * and order ids from orderBase.
 */
import seedrandom from "seedrandom";
import { MAX_KEY_NAMESPACE } from "../../core/index.js";
import { errors } from "../../errors.js";
import { eventsBody, giftJson, purchaseJson, type ServiceConfig } from "../../serve/http-api.js";

/** Streams one run uses: creators share them beyond this, so a server's key namespaces last many runs. */
export const MAX_STREAMS = 1024;

export interface EventSourceOptions {
  seed: string;
  giftsPerRequest: number;
  streamBase: number;
  orderBase: number;
}

/** One request: its JSON body, and per event the key and coins the client tallies when it is accepted. */
export interface LoadRequest {
  body: string;
  giftStream: Int32Array;
  giftSeq: Int32Array;
  giftCoins: Float64Array;
  order: Int32Array;
  purchaseCoins: Float64Array;
}

export interface EventSource {
  next(): LoadRequest;
}

interface BundleGroup {
  region: number;
  channel: number;
  /** Coins per tier, indexed as the server indexes tiers. */
  coins: number[];
}

/** A seeded source of request bodies for the service described by `config`. */
export function createEventSource(config: ServiceConfig, options: EventSourceOptions): EventSource {
  const random = seedrandom.alea(`${options.seed}/http`);
  const prices = config.giftPriceCoins;
  const streams = Math.min(config.creators, MAX_STREAMS);
  if (options.streamBase + streams - 1 > MAX_KEY_NAMESPACE) {
    throw errors.invalidInput("target state", [{ path: "next.stream", value: options.streamBase, expected: `at most ${MAX_KEY_NAMESPACE - streams + 1}: the server has no fresh streams left` }]);
  }
  const groups: BundleGroup[] = [];
  config.bundleCoins.forEach((byChannel, region) =>
    byChannel.forEach((coins, channel) => {
      // A group of zero-coin bundles could never fund a gift.
      if (coins.some((c) => c > 0)) groups.push({ region, channel, coins });
    }),
  );
  if (groups.length === 0) throw errors.invalidInput("target config", [{ path: "bundleCoins", value: config.bundleCoins, expected: "at least one bundle on sale" }]);
  const nextSeq = new Int32Array(streams);
  let nextOrder = options.orderBase;
  const n = options.giftsPerRequest;

  return {
    next() {
      const giftStream = new Int32Array(n);
      const giftSeq = new Int32Array(n);
      const giftCoins = new Float64Array(n);
      const demand = new Map<number, number>();
      let gifts = "";
      for (let i = 0; i < n; i++) {
        const viewer = (random() * config.viewers) | 0;
        const creator = (random() * config.creators) | 0;
        const gift = (random() * prices.length) | 0;
        const count = 1 + ((random() * 3) | 0);
        const lane = creator % streams;
        const stream = options.streamBase + lane;
        const seq = nextSeq[lane]++;
        giftStream[i] = stream;
        giftSeq[i] = seq;
        giftCoins[i] = prices[gift] * count;
        demand.set(viewer, (demand.get(viewer) ?? 0) + giftCoins[i]);
        gifts += `${i === 0 ? "" : ","}${giftJson(viewer, creator, gift, count, stream, seq)}`;
      }
      const orders: number[] = [];
      const orderCoins: number[] = [];
      let purchases = "";
      for (const [viewer, coins] of demand) {
        const group = groups[viewer % groups.length];
        for (let short = coins; short > 0; ) {
          const tier = smallestCovering(group.coins, short);
          const order = nextOrder++;
          if (order > 0x7fffffff) {
            throw errors.invalidInput("target state", [{ path: "next.order", value: options.orderBase, expected: "room for more order ids below 2^31" }]);
          }
          purchases += `${orders.length === 0 ? "" : ","}${purchaseJson(viewer, group.region, group.channel, tier, order)}`;
          orders.push(order);
          orderCoins.push(group.coins[tier]);
          short -= group.coins[tier];
        }
      }
      return {
        body: eventsBody(purchases, gifts),
        giftStream,
        giftSeq,
        giftCoins,
        order: Int32Array.from(orders),
        purchaseCoins: Float64Array.from(orderCoins),
      };
    },
  };
}

/** The tier with the fewest coins that covers `needed`, else the largest tier. */
function smallestCovering(coins: number[], needed: number): number {
  let best = -1;
  let largest = 0;
  for (let tier = 0; tier < coins.length; tier++) {
    if (coins[tier] >= needed && (best < 0 || coins[tier] < coins[best])) best = tier;
    if (coins[tier] > coins[largest]) largest = tier;
  }
  return best >= 0 ? best : largest;
}
