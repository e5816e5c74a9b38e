/**
 * What an HTTP load sends and when: an arrival schedule (when each request is due) and the
 * requests themselves, made in order as connections free up. The synthetic load makes both
 * from an arrival profile and a seeded event source; a scenario replay makes them from the
 * scenario's gift stream. A factory sees the target's config and its first unused keys.
 */
import type { ServiceConfig } from "../../serve/http-api.js";
import type { ArrivalSchedule } from "./arrival-schedule.js";
import type { LoadRequest } from "./event-source.js";

export interface Traffic {
  schedule: ArrivalSchedule;
  /** The next request, in schedule order. */
  next(): LoadRequest;
}

/** Smallest stream id and order id the target has not used yet (GET /v1/totals `next`). */
export interface KeyBases {
  stream: number;
  order: number;
}

export type TrafficFactory = (config: ServiceConfig, keys: KeyBases) => Traffic;
