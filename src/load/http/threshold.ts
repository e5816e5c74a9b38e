/**
 * Pass/fail criteria on a load run, written as k6 writes them: "p99<50ms", "p99.9<=200ms",
 * "errors<0.1%", "rps>=900". Latency percentiles are measured from each request's intended
 * send time. A broken threshold makes the run fail (exit code 1).
 */
import { errors } from "../../errors.js";
import type { LatencySummary } from "../latency-histogram.js";

const LATENCY_METRICS = { p50: "p50", p90: "p90", p95: "p95", p99: "p99", "p99.9": "p999", p999: "p999", max: "max", mean: "mean", avg: "mean" } as const;
type LatencyMetric = (typeof LATENCY_METRICS)[keyof typeof LATENCY_METRICS];
export type ThresholdMetric = LatencyMetric | "errors" | "rps";
type Operator = "<" | "<=" | ">" | ">=";

export interface Threshold {
  /** As the user wrote it. */
  expression: string;
  metric: ThresholdMetric;
  operator: Operator;
  /** In the metric's base unit: microseconds, a fraction (errors), requests/s. */
  limit: number;
}

/** What thresholds are judged on. */
export interface ThresholdMetrics {
  latencyMicros: LatencySummary;
  /** Failed and dropped requests over requests due, 0..1. */
  errorRate: number;
  requestsPerSecond: number;
}

export interface ThresholdResult {
  expression: string;
  ok: boolean;
  /** The measured value in the threshold's base unit. */
  actual: number;
  /** The measured value as the expression writes it, e.g. "12.41ms" or "0.02%". */
  actualText: string;
}

const SYNTAX = /^\s*(p50|p90|p95|p99\.9|p999|p99|max|mean|avg|errors|rps)\s*(<=|>=|<|>)\s*(\d+(?:\.\d+)?)\s*(us|µs|ms|s|%)?\s*$/;
const EXPECTED = 'metric operator value, e.g. "p99<50ms", "p99.9<=200ms", "errors<0.1%" or "rps>=900" (metrics p50 p90 p95 p99 p99.9 max mean errors rps)';

export function parseThreshold(expression: string, flag = "--threshold"): Threshold {
  const match = SYNTAX.exec(expression);
  const problem = (expected: string) => errors.invalidInput("threshold", [{ path: flag, value: expression, expected }]);
  if (match === null) throw problem(EXPECTED);
  const [, name, operator, number, unit] = match;
  const value = Number(number);
  if (name === "errors") {
    if (unit !== undefined && unit !== "%") throw problem("an error rate as a percentage or a fraction, e.g. errors<0.1% or errors<0.001");
    return { expression, metric: "errors", operator: operator as Operator, limit: unit === "%" ? value / 100 : value };
  }
  if (name === "rps") {
    if (unit !== undefined) throw problem("requests per second without a unit, e.g. rps>=900");
    return { expression, metric: "rps", operator: operator as Operator, limit: value };
  }
  if (unit === "%") throw problem("a latency with a unit us, ms or s (ms when omitted), e.g. p99<50ms");
  const microsPerUnit = unit === "s" ? 1e6 : unit === "us" || unit === "µs" ? 1 : 1e3;
  return { expression, metric: LATENCY_METRICS[name as keyof typeof LATENCY_METRICS], operator: operator as Operator, limit: value * microsPerUnit };
}

function compare(actual: number, operator: Operator, limit: number): boolean {
  switch (operator) {
    case "<":
      return actual < limit;
    case "<=":
      return actual <= limit;
    case ">":
      return actual > limit;
    case ">=":
      return actual >= limit;
  }
}

/** Judges each threshold on a run's figures, in the order given. */
export function evaluateThresholds(thresholds: readonly Threshold[], metrics: ThresholdMetrics): ThresholdResult[] {
  return thresholds.map((threshold) => {
    let actual: number;
    let actualText: string;
    if (threshold.metric === "errors") {
      actual = metrics.errorRate;
      actualText = `${(actual * 100).toPrecision(3)}%`;
    } else if (threshold.metric === "rps") {
      actual = metrics.requestsPerSecond;
      actualText = actual.toFixed(1);
    } else if (metrics.latencyMicros.count === 0) {
      // No answered request: a latency bound must not pass for want of measurements.
      return { expression: threshold.expression, ok: false, actual: NaN, actualText: "no request answered" };
    } else {
      actual = metrics.latencyMicros[threshold.metric];
      actualText = `${(actual / 1000).toFixed(3)}ms`;
    }
    return { expression: threshold.expression, ok: compare(actual, threshold.operator, threshold.limit), actual, actualText };
  });
}
