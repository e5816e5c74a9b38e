/**
 * `giftsim load http`: an open-model load against a gift service (the driver is in
 * load-driver.ts). Before the run it reads the service's config (to send valid events) and
 * totals (fresh keys, and the "before" reading); after it, requests still unanswered are
 * resent once (settle), the totals are read again and reconciled against the client's tally,
 * and thresholds are judged.
 */
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import { errors } from "../../errors.js";
import { tallyToWire } from "../../serve/event-tally.js";
import { ROUTES, type ServiceConfig, type ServiceTotals } from "../../serve/http-api.js";
import { latencyAtPercentile, summarizeLatency } from "../latency-histogram.js";
import { isEventsResponse, recordAnswer, recordUnresolved, type ClientTally } from "./client-tally.js";
import { createArrivalSchedule } from "./arrival-schedule.js";
import { createEventSource } from "./event-source.js";
import { requestSizeFlag, validateHttpLoad, type HttpLoadOptions } from "./http-load-options.js";
import { drive, type DriveResult, type Flight, type HttpLoadHooks } from "./load-driver.js";
import { answerJson, postEvents } from "./post-events.js";
import { reconcile, type Reconciliation } from "./reconcile.js";
import { HTTP_LOAD_SUMMARY_SCHEMA, type HttpLoadSummary } from "./summary.js";
import { evaluateThresholds } from "./threshold.js";
import type { TrafficFactory } from "./traffic.js";

/** Seeded synthetic gifts at the arrival profile's rate. */
function syntheticTraffic(options: HttpLoadOptions): TrafficFactory {
  return (config, keys) => {
    if (options.arrival.kind === "replay") throw new Error("a replay arrival needs the replay's traffic");
    const source = createEventSource(config, { seed: options.seed, giftsPerRequest: options.giftsPerRequest, streamBase: keys.stream, orderBase: keys.order });
    return { schedule: createArrivalSchedule(options.arrival), next: source.next };
  };
}

/**
 * Runs an HTTP load as `options` say and returns its summary; throws GiftsimError for bad
 * options or an unreachable target. `makeTraffic` replaces the synthetic requests (a scenario
 * replay passes its own).
 */
export async function runHttpLoad(options: HttpLoadOptions, hooks: HttpLoadHooks = {}, makeTraffic?: TrafficFactory): Promise<HttpLoadSummary> {
  validateHttpLoad(options);
  const origin = new URL(options.target).origin;
  const control = new Pool(origin, { connections: 1, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  try {
    const config = await getJson<ServiceConfig>(control, origin, ROUTES.config);
    const before = await getJson<ServiceTotals>(control, origin, ROUTES.totals);
    const maxEvents = config.limits?.maxEventsPerRequest;
    if (typeof maxEvents === "number" && options.giftsPerRequest > maxEvents) {
      throw errors.invalidInput("load options", [{ path: requestSizeFlag(options.arrival), value: options.giftsPerRequest, expected: `at most ${maxEvents}, the target's events per request` }]);
    }
    const keys = { stream: before.next?.stream ?? 0, order: before.next?.order ?? 0 };
    const traffic = (makeTraffic ?? syntheticTraffic(options))(config, keys);
    const run = await drive(options, origin, traffic.schedule, traffic.next, hooks);
    const settled = await settle(control, run.tally, run.unresolved, options.graceMs);
    for (const flight of run.unresolved) recordUnresolved(run.tally, flight.request);
    const reconciliation = options.reconcile ? await reconcileAfter(control, run.tally, before) : { state: "skipped" as const };
    return summarize(options, run, settled, reconciliation);
  } finally {
    await control.destroy();
  }
}

/** GETs `path` as JSON; throws an Error saying what went wrong. */
async function readJson<T>(pool: Pool, path: string): Promise<T> {
  let status: number;
  let text: string;
  try {
    const answer = await pool.request({ path, method: "GET" });
    status = answer.statusCode;
    text = await answer.body.text();
  } catch (error) {
    throw new Error(`GET ${path}: ${(error as Error).message}`);
  }
  if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`GET ${path} answered something other than JSON`);
  }
}

/** Before the run: a target that does not answer is bad input (exit 2). */
async function getJson<T>(pool: Pool, origin: string, path: string): Promise<T> {
  try {
    return await readJson<T>(pool, path);
  } catch (error) {
    throw errors.targetUnreachable(origin, (error as Error).message);
  }
}

/** After the run: totals that cannot be read (the server died) leave reconciliation unavailable, which fails the run. */
async function reconcileAfter(pool: Pool, tally: ClientTally, before: ServiceTotals): Promise<Reconciliation> {
  let after: ServiceTotals;
  try {
    after = await readJson<ServiceTotals>(pool, ROUTES.totals);
  } catch (error) {
    return { state: "unavailable", reason: `the target stopped answering during the run (${(error as Error).message}), so its tallies cannot show what became of the accepted events` };
  }
  return reconcile(tally, before, after);
}

/**
 * Resends requests that never got an answer, once each, one at a time, within `budgetMs`: a
 * request applied earlier answers `duplicate` (accepted), one never applied is applied now.
 * Resolved flights leave `unresolved`; returns how many.
 */
async function settle(pool: Pool, tally: ClientTally, unresolved: Flight[], budgetMs: number): Promise<number> {
  const until = performance.now() + budgetMs;
  let settled = 0;
  for (let i = 0; i < unresolved.length && performance.now() < until; ) {
    const flight = unresolved[i];
    try {
      const answer = await postEvents(pool, flight.request.body);
      const parsed = answer.status === 200 ? answerJson(answer) : undefined;
      if (isEventsResponse(parsed, flight.request.giftSeq.length, flight.request.order.length)) {
        recordAnswer(tally, flight.request, parsed, false);
        unresolved.splice(i, 1);
        settled++;
        continue;
      }
    } catch {
      // The server is gone: nothing more can be settled.
      break;
    }
    i++;
  }
  return settled;
}

/** Where the latency spectrum is read: HdrHistogram's classic plot, thinned. */
const SPECTRUM_PERCENTILES = [0, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];

function summarize(options: HttpLoadOptions, run: DriveResult, settled: number, reconciliation: Reconciliation): HttpLoadSummary {
  const elapsedSeconds = Math.max(run.elapsedMs, 1) / 1000;
  const { tally } = run;
  const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  const latencyMicros = summarizeLatency(run.latency);
  const errorRate = run.due === 0 ? 0 : (run.failed + run.dropped + run.unanswered) / run.due;
  const requestsPerSecond = run.ok / elapsedSeconds;
  const thresholds = evaluateThresholds(options.thresholds, { latencyMicros, errorRate, requestsPerSecond });
  return {
    schema: HTTP_LOAD_SUMMARY_SCHEMA,
    target: options.target,
    options: {
      arrival: options.arrival,
      giftsPerRequest: options.giftsPerRequest,
      connections: options.connections,
      maxInFlight: options.maxInFlight,
      retries: options.retries,
      timeoutMs: options.timeoutMs,
      graceMs: options.graceMs,
      warmupMs: options.warmupMs,
      seed: options.seed,
    },
    startedAt: run.startedAt.toISOString(),
    elapsedSeconds,
    requests: {
      due: run.due,
      sent: run.sent,
      ok: run.ok,
      failed: run.failed,
      dropped: run.dropped,
      unanswered: run.unanswered,
      unresolved: run.unresolved.length,
      retries: run.retries,
      settled,
      warmup: run.warmupRequests,
      byStatus: run.byStatus,
    },
    events: {
      giftsSent: run.giftsSent,
      purchasesSent: run.purchasesSent,
      giftsAccepted: tally.gifts.accepted.count,
      purchasesAccepted: tally.purchases.accepted.count,
      giftsRejected: nonZero(tally.gifts.rejected),
      purchasesRejected: nonZero(tally.purchases.rejected),
    },
    rates: {
      targetPerSecond: run.dueRatePerSecond,
      requestsPerSecond,
      eventsPerSecond: (tally.gifts.accepted.count + tally.purchases.accepted.count) / elapsedSeconds,
    },
    errorRate,
    latencyMicros,
    serviceTimeMicros: summarizeLatency(run.serviceTime),
    sendDelayMicros: summarizeLatency(run.sendDelay),
    timeline: run.timeline.seconds(),
    latencyBuckets: run.latencyBuckets.buckets(),
    latencyPercentiles:
      run.latency.totalCount === 0 ? [] : SPECTRUM_PERCENTILES.map((percentile) => ({ percentile, ms: latencyAtPercentile(run.latency, percentile) / 1000 })),
    thresholds,
    reconciliation,
    client: {
      gifts: { accepted: tallyToWire(tally.gifts.accepted), unresolved: tallyToWire(tally.gifts.unresolved) },
      purchases: { accepted: tallyToWire(tally.purchases.accepted), unresolved: tallyToWire(tally.purchases.unresolved) },
    },
    passed: thresholds.every((t) => t.ok) && (reconciliation.state === "passed" || reconciliation.state === "skipped"),
  };
}

