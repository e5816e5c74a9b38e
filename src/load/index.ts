export * from "./synthetic/index.js";
export * from "./replay/index.js";
export * from "./http/index.js";
export { createLatencyHistogram, encodeLatencyHistogram, latencyAtPercentile, mergeLatencyHistograms, recordMillis, summarizeLatency } from "./latency-histogram.js";
export type { LatencySummary } from "./latency-histogram.js";
