/**
 * The gift service's HTTP API as both sides see it: routes and JSON shapes. `giftsim serve`
 * answers it and `giftsim load http` speaks it; docs/http-api.md describes it for anyone
 * writing another server or client.
 */
import type { RejectionReason } from "../core/index.js";
import type { WireTally } from "./event-tally.js";

export const ROUTES = {
  events: "/v1/events",
  totals: "/v1/totals",
  config: "/v1/config",
  viewer: "/v1/viewers/",
  creator: "/v1/creators/",
  health: "/healthz",
} as const;

/** A gift: `count` of gift `gift` from `viewer` to `creator`; (stream, seq) is its idempotency key. */
export interface GiftEvent {
  viewer: number;
  creator: number;
  gift: number;
  count: number;
  stream: number;
  seq: number;
}

/** A coin bundle bought by `viewer` on (region, channel), tier `tier`; `order` is its idempotency key. */
export interface PurchaseEvent {
  viewer: number;
  region: number;
  channel: number;
  tier: number;
  order: number;
}

/**
 * A gift, a purchase and a request body as JSON text, for clients that write thousands of
 * events per second without building objects: the same fields, in the same order, as
 * JSON.stringify of a GiftEvent, a PurchaseEvent and { purchases, gifts } would give.
 */
export function giftJson(viewer: number, creator: number, gift: number, count: number, stream: number, seq: number): string {
  return `{"viewer":${viewer},"creator":${creator},"gift":${gift},"count":${count},"stream":${stream},"seq":${seq}}`;
}

export function purchaseJson(viewer: number, region: number, channel: number, tier: number, order: number): string {
  return `{"viewer":${viewer},"region":${region},"channel":${channel},"tier":${tier},"order":${order}}`;
}

/** A request body from comma-joined purchase and gift JSON. */
export function eventsBody(purchases: string, gifts: string): string {
  return `{"purchases":[${purchases}],"gifts":[${gifts}]}`;
}

/** POST /v1/events. Purchases are applied before gifts, so a request can fund its own gifts. */
export interface EventsRequest {
  gifts?: GiftEvent[];
  purchases?: PurchaseEvent[];
}

/** Per-kind outcome: every event not listed under `rejected` was applied. */
export interface BatchOutcome {
  applied: number;
  rejected: { index: number; reason: RejectionReason }[];
}

/** 200 answer to POST /v1/events. */
export interface EventsResponse {
  purchases: BatchOutcome;
  gifts: BatchOutcome;
}

/** Every non-2xx answer. */
export interface ErrorResponse {
  error: string;
  message: string;
  problems?: { path: string; value: unknown; expected: string }[];
  retryAfterSeconds?: number;
}

/** GET /v1/config: what a client needs to send valid events. */
export interface ServiceConfig {
  preset: string;
  viewers: number;
  creators: number;
  /** Gift prices in coins, indexed by gift id. */
  giftPriceCoins: number[];
  regions: string[];
  channels: string[];
  /** Coins of each bundle tier, indexed [region][channel][tier]; an empty list: nothing sold there. */
  bundleCoins: number[][][];
  limits: { maxBodyBytes: number; maxEventsPerRequest: number; maxInFlight: number; rateLimitEventsPerSecond: number; bodyTimeoutMs: number };
}

/** Requests answered since the server started, by outcome. */
export interface RequestCounts {
  accepted: number;
  badRequest: number;
  tooLarge: number;
  rateLimited: number;
  overloaded: number;
  shuttingDown: number;
  /** Answered 408: the body did not arrive within the body timeout. */
  bodyTimedOut: number;
}

/** GET /v1/totals. */
export interface ServiceTotals {
  /**
   * A fresh id each time the server starts. Tallies count from the start, so a client that
   * reads two different ids knows the server restarted in between and its tallies cannot
   * cover the run. Optional for other servers; without it a restart is caught only if the
   * tallies went down.
   */
  instance?: string;
  /** Applied events since start: the tallies a load client reconciles against. */
  tallies: { gifts: WireTally; purchases: WireTally };
  rejected: Record<RejectionReason, number>;
  /** Smallest stream id and order id no event has used yet: where a new client can start fresh keys. */
  next: { stream: number; order: number };
  requests: RequestCounts;
  audit: { state: "passed" | "failed"; failures: string[] };
  /** Exact ledger totals (numbers while exact, decimal strings beyond 2^53). */
  ledger: Record<string, number | string>;
  ledgerDigest: string;
}
