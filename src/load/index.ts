export { DEFAULT_SYNTHETIC_LOAD, runSyntheticLoad, validateSyntheticLoad } from "./synthetic-load.js";
export type { SyntheticLoadOptions, SyntheticLoadReport } from "./synthetic-load.js";
export { createSyntheticStream } from "./synthetic-stream.js";
export type { SyntheticStream, SyntheticStreamOptions } from "./synthetic-stream.js";
export { syntheticCatalog } from "./synthetic-catalog.js";
export { createLatencyHistogram, summarizeLatency } from "./latency-histogram.js";
export type { LatencySummary } from "./latency-histogram.js";
