import { readFileSync } from "node:fs";
import { join } from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { ROW_GROUP_ROWS, writeParquetTable } from "../../src/run/parquet.js";
import type { Table, TableRow } from "../../src/run/table.js";
import { tempDir } from "./helpers.js";

const ROWS = 2 * ROW_GROUP_ROWS + 5;

/** A table whose figures include NaN, infinities and values only float64 holds exactly. */
function table(): Table {
  return {
    columns: [
      { name: "arm", type: "STRING" },
      { name: "replicate", type: "INT32" },
      { name: "value", type: "DOUBLE" },
    ],
    *rows(): Iterable<TableRow> {
      for (let i = 0; i < ROWS; i++) yield [i % 2 === 0 ? "qa" : "challenge", i, i % 7 === 0 ? Number.NaN : i === 1 ? Number.POSITIVE_INFINITY : i / 3];
    },
  };
}

describe("writeParquetTable", () => {
  it("cuts row groups by row count alone and reads back value for value, NaN as null", async () => {
    const dir = tempDir("parquet");
    const file = join(dir, "t.parquet");
    const sha256 = writeParquetTable(file, table());
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([ROW_GROUP_ROWS, ROW_GROUP_ROWS, 5]);
    const rows = await parquetReadObjects({ file: buffer, rowStart: ROW_GROUP_ROWS - 2, rowEnd: ROW_GROUP_ROWS + 1 });
    const expected = [...table().rows()].slice(ROW_GROUP_ROWS - 2, ROW_GROUP_ROWS + 1).map(([arm, replicate, value]) => ({ arm, replicate, value: Number.isNaN(value) ? null : value }));
    expect(rows).toEqual(expected);
    const head = await parquetReadObjects({ file: buffer, rowStart: 0, rowEnd: 2 });
    expect(head.map((row) => row.value)).toEqual([null, Number.POSITIVE_INFINITY]);
    // Same rows, same bytes: the writer holds no state but the rows.
    expect(writeParquetTable(join(dir, "again.parquet"), table())).toBe(sha256);
    expect(readFileSync(join(dir, "again.parquet")).equals(readFileSync(file))).toBe(true);
  });
});
