/**
 * The run folder's tables (replicates, streams, timeseries, and worlds when the plan draws its
 * constants in worlds) as typed tables, written as
 * CSV always and as Parquet on request from the same rows. Identities are text and integers,
 * every figure a float64 (a figure a replicate could not measure is NaN: empty in CSV, null
 * in Parquet), so a reader gets the same type for a column whatever values a run produced.
 */
import type { CheckpointHeader } from "./checkpoint.js";
import type { ReplicateRecord } from "./record.js";
import { replicateSeed } from "./seed.js";
import type { Table, TableColumn } from "./table.js";
import { worldSlot, worldValues } from "./worlds.js";

/** The tables of a run folder, by file name without its extension. */
export type ResultTables = Record<"replicates" | "streams" | "timeseries", Table> & { worlds?: Table };

const doubles = (names: readonly string[]): TableColumn[] => names.map((name) => ({ name, type: "DOUBLE" }));
const CELL_KEY: readonly TableColumn[] = [
  { name: "arm", type: "STRING" },
  { name: "pointIndex", type: "INT32" },
];
const REPLICATE: TableColumn = { name: "replicate", type: "INT32" };

/** The tables of the run `header` describes, over `records` (in plan order). */
export function resultTables(header: CheckpointHeader, records: readonly ReplicateRecord[]): ResultTables {
  const { cells, sweep, worlds } = header.scenario;
  const sweepPaths = sweep.map((axis) => axis.path);
  // A swept column is numeric when every point's value is a number, text otherwise.
  const sweepColumns = sweepPaths.map((name): TableColumn => ({ name, type: cells.every((cell) => typeof cell.point[name] === "number") ? "DOUBLE" : "STRING" }));
  return {
    replicates: {
      columns: [...CELL_KEY, ...sweepColumns, REPLICATE, { name: "seed", type: "STRING" }, ...doubles(header.columns.metrics)],
      *rows() {
        for (const record of records) {
          const cell = cells[record.cell];
          const seedReplicate = worlds === undefined ? record.replicate : worldSlot(worlds, record.replicate).seedReplicate;
          const seed = replicateSeed({ masterSeed: header.seed, scenarioHash: header.scenarioHash, replicate: seedReplicate });
          const swept = sweepColumns.map(({ name, type }) => (type === "DOUBLE" ? (cell.point[name] as number) : sweptText(cell.point[name])));
          yield [cell.arm, cell.pointIndex, ...swept, record.replicate, seed, ...record.metrics];
        }
      },
    },
    streams: rowsPerRecord(header, records, header.columns.streams, (record) => record.streams),
    timeseries: rowsPerRecord(header, records, header.columns.timeseries, (record) => record.timeseries),
    ...(worlds === undefined ? {} : { worlds: worldsTable(header, records) }),
  };
}

/**
 * One row per replicate index in `records`: the design point it ran, the replicate whose seed
 * it ran with, and the value of every drawn constant (one column per config path).
 */
function worldsTable(header: CheckpointHeader, records: readonly ReplicateRecord[]): Table {
  const design = header.scenario.worlds;
  if (design === undefined) throw new Error("worldsTable needs a plan with worlds");
  const replicates = [...new Set(records.map((record) => record.replicate))].sort((a, b) => a - b);
  return {
    columns: [REPLICATE, { name: "point", type: "INT32" }, { name: "seedReplicate", type: "INT32" }, ...doubles(design.constants.map((c) => c.path))],
    *rows() {
      for (const replicate of replicates) {
        const slot = worldSlot(design, replicate);
        yield [replicate, slot.point, slot.seedReplicate, ...worldValues(design, header.seed, slot.point)];
      }
    },
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
