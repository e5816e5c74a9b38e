/**
 * Admission control: the server answers "not now" instead of queueing without bound.
 * - In-flight bound: a request counts from its headers to its answer. Beyond `maxInFlight`
 *   it is answered 503 before its body is read, so memory is bounded by
 *   maxInFlight x maxBodyBytes however many clients pile on.
 * - Optional rate limit in events/s (a token bucket holding one second of events): a request
 *   that would exceed it is answered 429 with the wait that would let it through.
 * Either way nothing of the request is applied, so a client may retry it with the same keys.
 */
import { performance } from "node:perf_hooks";
import { errors, type GiftsimError } from "../errors.js";

export interface AdmissionOptions {
  maxInFlight: number;
  /** Events per second; 0 turns the limit off. */
  rateLimitEventsPerSecond: number;
}

export type Admission = { kind: "admit" } | { kind: "reject"; status: 429 | 503; retryAfterSeconds: number; error: GiftsimError };

export interface AdmissionControl {
  readonly inFlight: number;
  /** At a request's headers: admit it (and count it in flight) or reject it. */
  enter(): Admission;
  /** When an admitted request has been answered or its client has gone. */
  leave(): void;
  /** Once the body is parsed: take `events` from the rate budget or reject. */
  charge(events: number): Admission;
}

const ADMIT: Admission = { kind: "admit" };

/** Admission control with the given bounds; `now` in milliseconds, injectable for tests. */
export function createAdmissionControl(options: AdmissionOptions, now: () => number = () => performance.now()): AdmissionControl {
  const rate = options.rateLimitEventsPerSecond;
  let inFlight = 0;
  let tokens = rate;
  let refilledAt = now();
  return {
    get inFlight() {
      return inFlight;
    },
    enter() {
      if (inFlight >= options.maxInFlight) {
        return { kind: "reject", status: 503, retryAfterSeconds: 1, error: errors.overloaded(inFlight, options.maxInFlight) };
      }
      inFlight++;
      return ADMIT;
    },
    leave() {
      inFlight--;
    },
    charge(events) {
      if (rate === 0 || events === 0) return ADMIT;
      const at = now();
      tokens = Math.min(rate, tokens + ((at - refilledAt) / 1000) * rate);
      refilledAt = at;
      // A request larger than the whole bucket passes when the bucket is full and leaves a
      // debt, or it could never pass at all.
      if (tokens >= events || tokens >= rate) {
        tokens -= events;
        return ADMIT;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((Math.min(events, rate) - tokens) / rate));
      return { kind: "reject", status: 429, retryAfterSeconds, error: errors.rateLimited(rate, retryAfterSeconds) };
    },
  };
}
