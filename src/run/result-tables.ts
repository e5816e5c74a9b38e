/**
 * The run folder's three tables (replicates, streams, timeseries) as typed tables, written as
 * CSV always and as Parquet on request from the same rows. Identities are text and integers,
 * every figure a float64 (a figure a replicate could not measure is NaN: empty in CSV, null
 * in Parquet), so a reader gets the same type for a column whatever values a run produced.
 */
import type { CheckpointHeader } from "./checkpoint.js";
import type { ReplicateRecord } from "./record.js";
import { replicateSeed } from "./seed.js";
import type { Table, TableColumn } from "./table.js";

/** The tables of a run folder, by file name without its extension. */
export type ResultTables = Record<"replicates" | "streams" | "timeseries", Table>;

const doubles = (names: readonly string[]): TableColumn[] => names.map((name) => ({ name, type: "DOUBLE" }));
const CELL_KEY: readonly TableColumn[] = [
  { name: "arm", type: "STRING" },
  { name: "pointIndex", type: "INT32" },
];
const REPLICATE: TableColumn = { name: "replicate", type: "INT32" };

/** The tables of the run `header` describes, over `records` (in plan order). */
export function resultTables(header: CheckpointHeader, records: readonly ReplicateRecord[]): ResultTables {
  const { cells, sweep } = header.scenario;
  const sweepPaths = sweep.map((axis) => axis.path);
  // A swept column is numeric when every point's value is a number, text otherwise.
  const sweepColumns = sweepPaths.map((name): TableColumn => ({ name, type: cells.every((cell) => typeof cell.point[name] === "number") ? "DOUBLE" : "STRING" }));
  return {
    replicates: {
      columns: [...CELL_KEY, ...sweepColumns, REPLICATE, { name: "seed", type: "STRING" }, ...doubles(header.columns.metrics)],
      *rows() {
        for (const record of records) {
          const cell = cells[record.cell];
          const seed = replicateSeed({ masterSeed: header.seed, scenarioHash: header.scenarioHash, replicate: record.replicate });
          const swept = sweepColumns.map(({ name, type }) => (type === "DOUBLE" ? (cell.point[name] as number) : sweptText(cell.point[name])));
          yield [cell.arm, cell.pointIndex, ...swept, record.replicate, seed, ...record.metrics];
        }
      },
    },
    streams: rowsPerRecord(header, records, header.columns.streams, (record) => record.streams),
    timeseries: rowsPerRecord(header, records, header.columns.timeseries, (record) => record.timeseries),
  };
}

/** A table of `columns`-wide rows packed in each record's `values`, keyed by cell and replicate. */
function rowsPerRecord(header: CheckpointHeader, records: readonly ReplicateRecord[], columns: readonly string[], values: (record: ReplicateRecord) => Float64Array): Table {
  return {
    columns: [...CELL_KEY, REPLICATE, ...doubles(columns)],
    *rows() {
      for (const record of records) {
        const cell = header.scenario.cells[record.cell];
        const packed = values(record);
        for (let row = 0; row < packed.length; row += columns.length) {
          yield [cell.arm, cell.pointIndex, record.replicate, ...packed.subarray(row, row + columns.length)];
        }
      }
    },
  };
}

/** A swept value as text: strings as they are, anything else as JSON. */
function sweptText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
