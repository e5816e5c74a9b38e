import { METRIC_NAMES, STREAM_COLUMNS, runReplicate, type StreamColumn, type EventLogChunk, type EventLogSink, type ReplicateOutput, type SimConfig } from "../../src/sim/index.js";
import { resolveSimConfig } from "../../src/scenario/index.js";

/** A metric of one replicate by name. */
export function metric(output: ReplicateOutput, name: string): number {
  const index = METRIC_NAMES.indexOf(name);
  if (index < 0) throw new Error(`no metric ${name}`);
  return output.metrics[index];
}

/** Mean of a metric over replicates, skipping NaN. */
export function meanMetric(outputs: readonly ReplicateOutput[], name: string): number {
  const values = outputs.map((o) => metric(o, name)).filter(Number.isFinite);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** A stream-table column of one replicate. */
export function streamColumn(output: ReplicateOutput, name: StreamColumn): number[] {
  const width = STREAM_COLUMNS.length;
  const at = STREAM_COLUMNS.indexOf(name);
  const rows = output.streams.length / width;
  return Array.from({ length: rows }, (_, r) => output.streams[r * width + at]);
}

export function config(overrides: unknown = {}): SimConfig {
  return resolveSimConfig(overrides);
}

export function replicates(simConfig: SimConfig, count: number, prefix = "test"): ReplicateOutput[] {
  return Array.from({ length: count }, (_, i) => runReplicate(simConfig, `${prefix}-${i}`));
}

/** Rows of a log as plain objects, copied out of the reused chunks. */
export type LogRows = Record<string, number>[];

export interface CollectedLog {
  sink: EventLogSink;
  purchases: LogRows;
  gifts: LogRows;
  payouts: LogRows;
}

export function collectLog(): CollectedLog {
  const purchases: LogRows = [];
  const gifts: LogRows = [];
  const payouts: LogRows = [];
  const copy = <C extends string>(into: LogRows) => (chunk: EventLogChunk<C>) => {
    const names = Object.keys(chunk.columns) as C[];
    for (let row = 0; row < chunk.length; row++) into.push(Object.fromEntries(names.map((n) => [n, chunk.columns[n][row]])));
  };
  return { sink: { purchases: copy(purchases), gifts: copy(gifts), payouts: copy(payouts) }, purchases, gifts, payouts };
}
