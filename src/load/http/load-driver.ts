/**
 * The open-model driver. Requests are due at times the arrival schedule fixes in advance;
 * a due request waits in a backlog of intended send times (plain numbers, so a stalled server
 * costs the client almost nothing) until one of the keep-alive connections is free, and only
 * then is its body generated and sent. Latency is measured from the intended time, so the
 * wait for a connection counts (coordinated omission corrected); service time is measured
 * from the dispatch on a connection.
 *
 * A request answered 429, 5xx or not at all is retried with the same body (the same
 * idempotency keys) after Retry-After or a backoff, ahead of new requests. When
 * `maxInFlight` due requests are unanswered, new ones are dropped and counted.
 *
 * Requests due in the warm-up (`warmupMs` from the start) are sent and counted like any
 * other, but kept out of the latency histograms, so a cold server's first second does not
 * speak for the whole run; the timeline still shows them.
 */
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import { createLatencyHistogram, recordMillis } from "../latency-histogram.js";
import type { ArrivalSchedule } from "./arrival-schedule.js";
import { emptyClientTally, isEventsResponse, recordAnswer, type ClientTally } from "./client-tally.js";
import type { LoadRequest } from "./event-source.js";
import type { HttpLoadOptions } from "./http-load-options.js";
import { answerJson, postEvents, type PostAnswer } from "./post-events.js";
import { createLatencyBuckets, type LatencyBuckets } from "./latency-buckets.js";
import { createTimelineRecorder, type TimelineRecorder } from "./timeline.js";

/** A live view of a run, for progress lines. */
export interface HttpLoadProgress {
  elapsedMs: number;
  due: number;
  total: number;
  ok: number;
  /** Due and not yet answered. */
  outstanding: number;
}

export interface HttpLoadHooks {
  /** Called about once a second while requests are due. */
  onProgress?(progress: HttpLoadProgress): void;
}

/** One logical request and its attempts. */
export interface Flight {
  request: LoadRequest;
  /** Intended send time, performance.now() scale. */
  dueAt: number;
  attempts: number;
  /** True once an attempt went unanswered, so it may have been applied. */
  unanswered: boolean;
}

type Histogram = ReturnType<typeof createLatencyHistogram>;

export interface DriveResult {
  startedAt: Date;
  elapsedMs: number;
  due: number;
  dueRatePerSecond: number;
  sent: number;
  ok: number;
  failed: number;
  dropped: number;
  retries: number;
  giftsSent: number;
  purchasesSent: number;
  byStatus: Record<string, number>;
  /** Requests due in the warm-up: in every count, in no latency figure. */
  warmupRequests: number;
  /** The latency figures, of requests due after the warm-up. */
  latency: Histogram;
  latencyBuckets: LatencyBuckets;
  serviceTime: Histogram;
  sendDelay: Histogram;
  /** Second by second, for charts: every request, warm-up included. */
  timeline: TimelineRecorder;
  tally: ClientTally;
  /** Requests without an answer when the run ended. */
  unanswered: number;
  /** Of those, the ones still unanswered (the settle pass removes the ones it resolves). */
  unresolved: Flight[];
}

/** Backoff when an answer gives no Retry-After: 50 ms doubling, at most 1 s. */
const backoffMs = (attempt: number) => Math.min(1_000, 50 * 2 ** (attempt - 1));

/** Runs the schedule against `origin`; resolves when every due request has an outcome. */
export function drive(options: HttpLoadOptions, origin: string, schedule: ArrivalSchedule, nextRequest: () => LoadRequest, hooks: HttpLoadHooks): Promise<DriveResult> {
  const pool = new Pool(origin, {
    connections: options.connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connect: { timeout: options.timeoutMs },
  });
  const start = performance.now();
  const result: DriveResult = {
    startedAt: new Date(),
    elapsedMs: 0,
    due: 0,
    dueRatePerSecond: schedule.durationMs > 0 ? schedule.total / (schedule.durationMs / 1000) : schedule.total,
    sent: 0,
    ok: 0,
    failed: 0,
    dropped: 0,
    retries: 0,
    giftsSent: 0,
    purchasesSent: 0,
    byStatus: {},
    warmupRequests: 0,
    latency: createLatencyHistogram(),
    latencyBuckets: createLatencyBuckets(),
    serviceTime: createLatencyHistogram(),
    sendDelay: createLatencyHistogram(),
    timeline: createTimelineRecorder(start),
    tally: emptyClientTally(),
    unanswered: 0,
    unresolved: [],
  };
  const deadline = start + schedule.durationMs + options.graceMs;
  const warmupEnd = start + options.warmupMs;
  const measured = (dueAt: number) => dueAt >= warmupEnd;
  // Backlog of intended send times, a ring: at most maxInFlight are outstanding, so it never overflows.
  const backlog = new Float64Array(options.maxInFlight);
  let backlogHead = 0;
  let backlogSize = 0;
  const retryReady: Flight[] = [];
  const backingOff = new Map<NodeJS.Timeout, Flight>();
  let active = 0;
  let outstanding = 0;
  let scheduleDone = false;
  let stopping = false;
  let lastAnswerAt = start;
  let progressAt = start;
  let acceptedEvents = 0;

  return new Promise((resolve, reject) => {
    let graceTimer: NodeJS.Timeout | undefined;
    let closed: Promise<void> | undefined;
    const closePool = () => (closed ??= pool.destroy());
    let finished = false;
    /** An error that ends the run early (the event source running out of keys). */
    let fatal: unknown;

    function finishRun(): void {
      if (finished) return;
      finished = true;
      if (graceTimer !== undefined) clearTimeout(graceTimer);
      result.elapsedMs = lastAnswerAt - start;
      result.unanswered = result.unresolved.length;
      void closePool().then(() => (fatal === undefined ? resolve(result) : reject(fatal)));
    }

    function done(flight: Flight, outcome: "ok" | "failed" | "unresolved", at: number): void {
      outstanding--;
      lastAnswerAt = Math.max(lastAnswerAt, at);
      if (measured(flight.dueAt)) {
        recordMillis(result.latency, at - flight.dueAt);
        result.latencyBuckets.record(at - flight.dueAt);
      }
      const accepted = result.tally.gifts.accepted.count + result.tally.purchases.accepted.count;
      result.timeline.finished(at, at - flight.dueAt, outcome, accepted - acceptedEvents);
      acceptedEvents = accepted;
      if (outcome === "ok") result.ok++;
      else if (outcome === "failed") result.failed++;
      else result.unresolved.push(flight);
      if (scheduleDone && outstanding === 0) finishRun();
    }

    function count(status: string): void {
      result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
    }

    function retryOrGiveUp(flight: Flight, retryAfterSeconds: number | undefined, at: number): void {
      const wait = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : backoffMs(flight.attempts);
      if (stopping || flight.attempts > options.retries || at + wait >= deadline) {
        done(flight, flight.unanswered ? "unresolved" : "failed", at);
        return;
      }
      result.retries++;
      const timer = setTimeout(() => {
        backingOff.delete(timer);
        retryReady.push(flight);
        pump();
      }, wait);
      backingOff.set(timer, flight);
    }

    function answered(flight: Flight, answer: PostAnswer, at: number): void {
      const { status, retryAfter } = answer;
      count(String(status));
      if (status === 200) {
        const parsed = answerJson(answer);
        const { request } = flight;
        if (isEventsResponse(parsed, request.giftSeq.length, request.order.length)) {
          recordAnswer(result.tally, request, parsed, !flight.unanswered);
          done(flight, "ok", at);
        } else {
          // Applied, presumably, but which events the answer does not say.
          flight.unanswered = true;
          done(flight, "unresolved", at);
        }
      } else if (status === 429 || status >= 500) {
        // 429 and 503 apply nothing (the API promises it); other 5xx may come from a server
        // or proxy that failed after applying.
        if (status !== 429 && status !== 503) flight.unanswered = true;
        else result.timeline.refused(at);
        const seconds = Number(retryAfter);
        retryOrGiveUp(flight, retryAfter !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined, at);
      } else done(flight, flight.unanswered ? "unresolved" : "failed", at);
    }

    function attempt(flight: Flight): void {
      flight.attempts++;
      active++;
      postEvents(pool, flight.request.body).then(
        (answer) => {
          const at = performance.now();
          active--;
          if (measured(flight.dueAt)) recordMillis(result.serviceTime, at - answer.dispatchedAt);
          answered(flight, answer, at);
          pump();
        },
        (error: NodeJS.ErrnoException) => {
          const at = performance.now();
          active--;
          count("network");
          result.timeline.refused(at);
          // A refused connection never carried the request; anything else may have.
          if (error.code !== "ECONNREFUSED") flight.unanswered = true;
          retryOrGiveUp(flight, undefined, at);
          pump();
        },
      );
    }

    /** Fills free connections: retries first, then the oldest due request. */
    function pump(): void {
      while (active < options.connections && !stopping) {
        const retry = retryReady.shift();
        if (retry !== undefined) {
          attempt(retry);
          continue;
        }
        if (backlogSize === 0) return;
        const dueAt = backlog[backlogHead];
        backlogHead = (backlogHead + 1) % backlog.length;
        backlogSize--;
        let request: LoadRequest;
        try {
          request = nextRequest();
        } catch (error) {
          fatal = error;
          outstanding--;
          stop();
          return;
        }
        result.sent++;
        result.giftsSent += request.giftSeq.length;
        result.purchasesSent += request.order.length;
        if (measured(dueAt)) recordMillis(result.sendDelay, performance.now() - dueAt);
        attempt({ request, dueAt, attempts: 0, unanswered: false });
      }
    }

    function stop(): void {
      stopping = true;
      scheduleDone = true;
      const now = performance.now();
      // Due but never sent: dropped, like requests due while maxInFlight were outstanding.
      result.dropped += backlogSize;
      for (let i = 0; i < backlogSize; i++) result.timeline.dropped(now);
      outstanding -= backlogSize;
      backlogSize = 0;
      for (const [timer, flight] of backingOff) {
        clearTimeout(timer);
        done(flight, flight.unanswered ? "unresolved" : "failed", now);
      }
      backingOff.clear();
      for (const flight of retryReady.splice(0)) done(flight, flight.unanswered ? "unresolved" : "failed", now);
      if (outstanding === 0) finishRun();
      // Requests on the wire fail with an abort and end as unresolved.
      else void closePool();
    }

    function tick(): void {
      if (stopping) return;
      const now = performance.now();
      while (result.due < schedule.total) {
        const dueAt = start + schedule.dueMs(result.due);
        if (dueAt > now) {
          setTimeout(tick, dueAt - now);
          break;
        }
        result.due++;
        if (!measured(dueAt)) result.warmupRequests++;
        result.timeline.due(dueAt);
        if (outstanding >= options.maxInFlight) {
          result.dropped++;
          result.timeline.dropped(dueAt);
          continue;
        }
        backlog[(backlogHead + backlogSize) % backlog.length] = dueAt;
        backlogSize++;
        outstanding++;
      }
      pump();
      if (hooks.onProgress !== undefined && now - progressAt >= 1_000) {
        progressAt = now;
        hooks.onProgress({ elapsedMs: now - start, due: result.due, total: schedule.total, ok: result.ok, outstanding });
      }
      if (result.due < schedule.total || stopping) return;
      scheduleDone = true;
      if (outstanding === 0) finishRun();
      else graceTimer = setTimeout(stop, Math.max(0, deadline - performance.now()));
    }

    tick();
  });
}
