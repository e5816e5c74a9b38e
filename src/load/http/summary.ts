/**
 * The end-of-test summary of an HTTP load: plain data, so the same object is printed as text,
 * written as JSON, and (later, by the report machinery) rendered as an HTML page. A renderer
 * is any function from the summary to a string; `schema` names the shape renderers read.
 */
import type { RejectionReason } from "../../core/index.js";
import type { WireTally } from "../../serve/event-tally.js";
import type { LatencySummary } from "../latency-histogram.js";
import type { HttpLoadOptions } from "./http-load-options.js";
import type { Reconciliation } from "./reconcile.js";
import type { ThresholdResult } from "./threshold.js";
import type { LatencyBucket } from "./latency-buckets.js";
import type { TimelineSecond } from "./timeline.js";

export const HTTP_LOAD_SUMMARY_SCHEMA = "giftsim.http-load-summary/1";

export interface HttpLoadSummary {
  schema: typeof HTTP_LOAD_SUMMARY_SCHEMA;
  target: string;
  /** The options the run was given, less the target, thresholds and reconcile (reported on their own). */
  options: Omit<HttpLoadOptions, "target" | "thresholds" | "reconcile">;
  startedAt: string;
  /** From the first due request to the last answer (the settle pass not included). */
  elapsedSeconds: number;
  requests: {
    /** Requests the arrival profile made due. */
    due: number;
    /** Due requests sent (the rest were dropped). */
    sent: number;
    /** Answered 200. */
    ok: number;
    /** Failed for good: a 4xx, or retries exhausted on answers that applied nothing. */
    failed: number;
    /** Never sent: due while `maxInFlight` requests were unanswered, or still waiting for a connection when the run was stopped. */
    dropped: number;
    /** Without an answer when the run ended, even after retries. */
    unanswered: number;
    /** Of those, still without an answer after the settle pass: their events may or may not be applied. */
    unresolved: number;
    /** Attempts beyond the first. */
    retries: number;
    /** Unresolved requests answered when resent after the run, before reconciling. */
    settled: number;
    /** Due in the warm-up (options.warmupMs): in every count here and in the timeline, in no latency figure. */
    warmup: number;
    /** Every attempt's answer: HTTP status, or "network" for no answer. */
    byStatus: Record<string, number>;
  };
  events: {
    giftsSent: number;
    purchasesSent: number;
    giftsAccepted: number;
    purchasesAccepted: number;
    giftsRejected: Partial<Record<RejectionReason, number>>;
    purchasesRejected: Partial<Record<RejectionReason, number>>;
  };
  rates: {
    /** Requests due per second of the profile. */
    targetPerSecond: number;
    /** Requests answered 200 per second. */
    requestsPerSecond: number;
    /** Accepted events (gifts and purchases) per second. */
    eventsPerSecond: number;
  };
  /** (failed + dropped + unanswered) / due. */
  errorRate: number;
  /**
   * From each request's intended send time to its final answer: coordinated omission
   * corrected. This and every latency figure below but the timeline leave out the warm-up's
   * requests; percentiles are at most the max.
   */
  latencyMicros: LatencySummary;
  /** From each attempt being handed to a connection to its answer: what a closed-loop tool would report. */
  serviceTimeMicros: LatencySummary;
  /** From intended send time to dispatch on a connection: scheduler lateness plus waiting for a free connection. */
  sendDelayMicros: LatencySummary;
  /** Second by second from the first due request (answers counted in the second they arrived). */
  timeline: TimelineSecond[];
  /** Latency from intended send: requests per log-spaced bucket, and the value at each percentile. */
  latencyBuckets: LatencyBucket[];
  latencyPercentiles: { percentile: number; ms: number }[];
  thresholds: ThresholdResult[];
  reconciliation: Reconciliation;
  /** The client's tallies, for reconciling against a server's own report (e.g. its exit summary). */
  client: { gifts: { accepted: WireTally; unresolved: WireTally }; purchases: { accepted: WireTally; unresolved: WireTally } };
  /** Thresholds held and reconciliation passed (or was skipped with --no-reconcile): failed, inconclusive and unavailable all fail. */
  passed: boolean;
}

/** Turns a summary into one output format (text, JSON, and the HTML report later). */
export type SummaryRenderer = (summary: HttpLoadSummary) => string;

/** The summary as JSON, BigInt-free by construction. */
export const renderSummaryJson: SummaryRenderer = (summary) => `${JSON.stringify(summary, null, 2)}\n`;
