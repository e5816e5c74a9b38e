/**
 * Per-replicate day series out of timeseries.csv: each (cell, replicate) as columns of the
 * asked names, so a chart can average over replicates by day or week.
 */
import type { ReportData } from "../report-data.js";

/** One replicate's days: values by column name, index = position in the replicate's rows. */
export interface ReplicateSeries {
  cell: number;
  replicate: number;
  columns: Record<string, number[]>;
}

/** The replicates' series of `columns`, or null when the run has no timeseries or lacks a column. */
export function replicateSeries(data: ReportData, columns: readonly string[]): ReplicateSeries[] | null {
  const table = data.timeseries;
  if (table === null) return null;
  const at = columns.map((name) => table.columns.indexOf(name));
  const cellAt = table.columns.indexOf("cell");
  const replicateAt = table.columns.indexOf("replicate");
  if (at.some((index) => index < 0) || replicateAt < 0) return null;
  const byKey = new Map<string, ReplicateSeries>();
  for (const row of table.rows) {
    const key = `${row[cellAt]}:${row[replicateAt]}`;
    let series = byKey.get(key);
    if (series === undefined) {
      series = { cell: row[cellAt], replicate: row[replicateAt], columns: Object.fromEntries(columns.map((name) => [name, [] as number[]])) };
      byKey.set(key, series);
    }
    columns.forEach((name, i) => series.columns[name].push(row[at[i]]));
  }
  return [...byKey.values()];
}
