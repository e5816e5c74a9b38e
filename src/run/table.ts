/**
 * A typed table, the one shape the CSV and Parquet writers share: named columns with a type,
 * and rows of values in column order produced on demand (a table may be far larger than memory).
 */

/** A column's type: text, a 32-bit integer (identities), or a float64 (NaN: no value). */
export type ColumnType = "STRING" | "INT32" | "DOUBLE";

/** One column of a table. */
export interface TableColumn {
  name: string;
  type: ColumnType;
}

/** A row's values in column order; null or NaN is a figure with no value. */
export type TableRow = ReadonlyArray<string | number | null>;

/** Columns and a way to walk the rows in order. */
export interface Table {
  columns: readonly TableColumn[];
  rows(): Iterable<TableRow>;
}
