export { runSyntheticLoad } from "./synthetic-load.js";
export type { LoadPartitionReport, SyntheticLoadReport } from "./synthetic-load.js";
export { DEFAULT_SYNTHETIC_LOAD, MAX_LOAD_WORKERS, validateSyntheticLoad } from "./synthetic-options.js";
export type { SyntheticLoadOptions } from "./synthetic-options.js";
export { runSyntheticPartition } from "./synthetic-partition.js";
export type { SyntheticPartitionRun } from "./synthetic-partition.js";
export { VIRTUAL_PARTITIONS, partitionRows, viewerPartition, virtualPartition } from "./viewer-partition.js";
export type { ViewerPartition } from "./viewer-partition.js";
export { ledgerFromSnapshot, ledgerSnapshot } from "./ledger-transfer.js";
export type { LedgerSnapshot, TransferableLedger } from "./ledger-transfer.js";
export { createSyntheticStream, purchaseRowsFor } from "./synthetic-stream.js";
export type { StreamPartition, SyntheticStream, SyntheticStreamOptions } from "./synthetic-stream.js";
export { syntheticCatalog, syntheticEconomy } from "./synthetic-catalog.js";
export { createLatencyHistogram, encodeLatencyHistogram, latencyAtPercentile, mergeLatencyHistograms, recordMillis, summarizeLatency } from "./latency-histogram.js";
export type { LatencySummary } from "./latency-histogram.js";
export { addTallies, emptyTally, sameTally, subtractTallies, tallyEvent, tallyFromWire, tallyToWire } from "./event-tally.js";
export type { EventTally, WireTally } from "./event-tally.js";
export { ROUTES } from "./http-api.js";
export type {
  BatchOutcome,
  ErrorResponse,
  EventsRequest,
  EventsResponse,
  GiftEvent,
  PurchaseEvent,
  RequestCounts,
  ServiceConfig,
  ServiceTotals,
} from "./http-api.js";
export * from "./serve/index.js";
export * from "./http/index.js";
export * from "./replay/index.js";
