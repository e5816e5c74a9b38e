/**
 * Validation of POST /v1/events bodies. The shape is checked here (an object with arrays of
 * events, every field present and a JSON number, no unknown keys) and answered 400 when
 * wrong. Whether a number is a usable id is not: every number goes on to the core through the
 * batch builders, which turn NaN, fractions, huge values and out-of-range ids into rows the
 * core rejects and counts, never applies.
 */
import { z } from "zod";
import { problemsFromZod, type Problem } from "../errors.js";
import type { EventsRequest } from "./http-api.js";

/** Any JSON number, Infinity (from 1e400) included: its range is the core's to judge, per row. */
const anyNumber = z.custom<number>((value) => typeof value === "number", { message: "a number" });

const giftEvent = z.strictObject({ viewer: anyNumber, creator: anyNumber, gift: anyNumber, count: anyNumber, stream: anyNumber, seq: anyNumber });
const purchaseEvent = z.strictObject({ viewer: anyNumber, region: anyNumber, channel: anyNumber, tier: anyNumber, order: anyNumber });

/** Problems reported per 400 answer; a body with thousands of bad rows gets the first ones and a count. */
const MAX_PROBLEMS = 20;

export type ParsedRequest = { ok: true; request: Required<EventsRequest> } | { ok: false; problems: Problem[] };

/** The body schema for requests of at most `maxEvents` events; build it once per server. */
export function eventsRequestSchema(maxEvents: number) {
  return z
    .strictObject({ gifts: z.array(giftEvent).max(maxEvents).optional(), purchases: z.array(purchaseEvent).max(maxEvents).optional() })
    .refine((body) => (body.gifts?.length ?? 0) + (body.purchases?.length ?? 0) <= maxEvents, {
      message: `at most ${maxEvents} events (gifts and purchases together)`,
      path: [],
    });
}

/** Validates a parsed JSON body against `schema` (from eventsRequestSchema). */
export function parseEventsRequest(schema: ReturnType<typeof eventsRequestSchema>, body: unknown): ParsedRequest {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return { ok: true, request: { gifts: parsed.data.gifts ?? [], purchases: parsed.data.purchases ?? [] } };
  const problems = problemsFromZod(parsed.error.issues, body);
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
  const more = problems.length - MAX_PROBLEMS;
  return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), { path: "(body)", value: `${more} more problems`, expected: "fix the ones above first" }] };
}
