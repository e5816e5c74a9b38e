/**
 * Parquet as giftsim writes it (hyparquet-writer): an explicit schema, snappy pages, and row
 * groups of exactly ROW_GROUP_ROWS rows (the last one shorter). Rows arrive one at a time and a
 * row group is written as soon as it is full, so a file of any size streams through a bounded
 * buffer, and where the groups break depends only on the row sequence: the same rows give the
 * same bytes whatever chunking, worker count or shard merge produced them.
 */
import { ByteWriter, ParquetWriter, type SchemaElement } from "hyparquet-writer";
import { writeFileAtomicHashed } from "./atomic-file.js";
import type { Table, TableColumn, TableRow } from "./table.js";

/** Writes rows (NaN and null as null); `finish` writes the last row group and the footer. */
export interface ParquetTableWriter {
  row(values: TableRow): void;
  finish(): void;
}

/** Rows per row group: large enough to compress well, small enough to hold in memory. */
export const ROW_GROUP_ROWS = 131_072;

/** A writer of `columns` that hands the file's bytes to `write` as they are made. */
export function parquetTableWriter(write: (bytes: Uint8Array) => void, columns: readonly TableColumn[]): ParquetTableWriter {
  const writer = new ParquetWriter({ writer: new DrainingWriter(write), schema: schemaOf(columns), createdBy: "giftsim" });
  let buffers = columns.map(() => [] as Array<string | number | null>);
  const writeGroup = () => {
    if (buffers[0].length === 0) return;
    void writer.write({ columnData: columns.map((column, i) => ({ name: column.name, data: buffers[i] })), rowGroupSize: ROW_GROUP_ROWS });
    buffers = columns.map(() => []);
  };
  return {
    row(values) {
      for (let i = 0; i < columns.length; i++) {
        const value = values[i];
        buffers[i].push(typeof value === "number" && Number.isNaN(value) ? null : value);
      }
      if (buffers[0].length === ROW_GROUP_ROWS) writeGroup();
    },
    finish() {
      writeGroup();
      void writer.finish();
    },
  };
}

/** Writes `table` to `file` as Parquet, atomically; returns the file's sha256. */
export function writeParquetTable(file: string, table: Table): string {
  return writeFileAtomicHashed(file, (write) => {
    const writer = parquetTableWriter(write, table.columns);
    for (const row of table.rows()) writer.row(row);
    writer.finish();
  });
}

/** A ByteWriter that hands its bytes on whenever ParquetWriter flushes (after each row group) or finishes. */
class DrainingWriter extends ByteWriter {
  constructor(private readonly sink: (bytes: Uint8Array) => void) {
    super(1 << 20);
  }

  flush(): void {
    this.sink(this.getBytes());
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}

function schemaOf(columns: readonly TableColumn[]): SchemaElement[] {
  return [
    { name: "root", num_children: columns.length },
    ...columns.map(({ name, type }): SchemaElement => {
      switch (type) {
        case "STRING":
          return { name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" };
        case "INT32":
          return { name, type: "INT32", repetition_type: "REQUIRED" };
        case "DOUBLE":
          return { name, type: "DOUBLE", repetition_type: "OPTIONAL" };
      }
    }),
  ];
}
