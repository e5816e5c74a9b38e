/**
 * The task a load worker runs: one viewer partition of a synthetic load. The result carries
 * the partial ledger's columns as transferables and the latency histogram encoded, so the
 * main thread merges exact ledgers and exact histograms.
 */
import { move, transferableSymbol, valueSymbol } from "piscina";
import { encodeLatencyHistogram } from "../latency-histogram.js";
import { ledgerSnapshot, type LedgerSnapshot } from "./ledger-transfer.js";
import type { SyntheticLoadOptions } from "./synthetic-options.js";
import { runSyntheticPartition, type PartitionFigures } from "./synthetic-partition.js";
import { viewerPartition, type ViewerPartition } from "./viewer-partition.js";

export interface PartitionTask {
  options: SyntheticLoadOptions;
  index: number;
  count: number;
}

export interface PartitionTaskResult extends PartitionFigures {
  partition: ViewerPartition;
  ledger: LedgerSnapshot;
  /** The partition's batch latency histogram, HdrHistogram compressed base64. */
  histogram: string;
}

export function runPartitionTask(task: PartitionTask): ReturnType<typeof move> {
  const partition = viewerPartition(task.options.viewers, task.index, task.count);
  const { ledger, histogram, partition: _, ...figures } = runSyntheticPartition(task.options, partition);
  const { snapshot, buffers } = ledgerSnapshot(ledger);
  const result: PartitionTaskResult = { ...figures, partition, ledger: snapshot, histogram: encodeLatencyHistogram(histogram) };
  // Piscina moves (rather than clones) what a Transferable lists under transferableSymbol.
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return result;
    },
  });
}
