/**
 * Merging Parquet shard logs: each shard log is read forward one row group at a time (one per
 * shard in memory), and its rows are written in (cell, shard) order through the same row
 * group cutter as a whole run's log, so the merged file equals the unsharded run's byte for
 * byte. A shard's rows must list the cells in plan order; the rows left over when every cell
 * is done show they did not, and the merged file is then abandoned.
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from "hyparquet";
import { errors } from "../errors.js";
import type { ResolvedScenario } from "../scenario/index.js";
import { openAtomicFile } from "./atomic-file.js";
import { EVENT_LOG_COLUMNS, EVENT_LOG_TABLE_COLUMNS } from "./event-log.js";
import type { ShardLog } from "./shard-log.js";
import { parquetTableWriter } from "./parquet.js";
import type { TableRow } from "./table.js";

/** What is wrong with the shape of a shard's Parquet log (unreadable, other columns), if anything. */
export async function checkParquetShardLog(file: string): Promise<string | undefined> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
  } catch (error) {
    return `is not a readable Parquet file (${(error as Error).message.split("\n")[0]})`;
  }
  const columns = metadata.schema.slice(1).map((element) => element.name);
  return columns.join(",") === EVENT_LOG_COLUMNS.join(",") ? undefined : "does not have the event log's columns";
}

/** Writes the merged log of Parquet shard `logs` (in shard order) to `file` atomically; returns its sha256. */
export async function writeMergedParquetLog(file: string, logs: readonly ShardLog[], scenario: ResolvedScenario): Promise<string> {
  const atomic = openAtomicFile(file);
  try {
    const table = parquetTableWriter((bytes) => atomic.write(bytes), EVENT_LOG_TABLE_COLUMNS);
    const cursors = await Promise.all(logs.map((log) => openCursor(log.file)));
    for (const cell of scenario.cells) {
      for (const cursor of cursors) {
        for (;;) {
          const row = cursor.row() ?? (await cursor.load());
          if (row === undefined || row[1] !== cell.arm || row[2] !== cell.pointIndex) break;
          table.row(row);
          cursor.advance();
        }
      }
    }
    for (const [i, cursor] of cursors.entries()) {
      const left = cursor.row() ?? (await cursor.load());
      if (left !== undefined) throw errors.shardLog(logs[i].label, logs[i].dir, `its rows of ${String(left[1])},${String(left[2])} are not in plan order`);
    }
    table.finish();
  } catch (error) {
    atomic.abort();
    throw error;
  }
  return atomic.commit();
}

/** A Parquet log read forward: `row` is the current row, or undefined when `load` must read the next row group. */
interface Cursor {
  row(): TableRow | undefined;
  advance(): void;
  /** Reads the next row group; resolves to its first row, or undefined at the end of the file. */
  load(): Promise<TableRow | undefined>;
}

async function openCursor(path: string): Promise<Cursor> {
  const file: AsyncBuffer = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  let rows: TableRow[] = [];
  let at = 0;
  let group = 0;
  let rowStart = 0;
  return {
    row: () => rows[at],
    advance: () => void at++,
    async load() {
      while (at >= rows.length && group < metadata.row_groups.length) {
        const rowEnd = rowStart + Number(metadata.row_groups[group].num_rows);
        await parquetRead({ file, metadata, rowStart, rowEnd, onComplete: (read) => (rows = read.map((values) => values.map((value: unknown) => (value ?? null) as string | number | null))) });
        at = 0;
        group++;
        rowStart = rowEnd;
      }
      return rows[at];
    },
  };
}
