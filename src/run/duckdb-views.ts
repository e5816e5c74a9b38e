/**
 * duckdb.sql: a view per CSV table with every column's type named. DuckDB's CSV sniffer types
 * a column from its values, so a metric a run never measured (every field empty) would come out
 * as VARCHAR and `avg()` of it fail; a CSV file cannot carry its types, so they travel beside
 * it. Paths are relative, to be read from inside the run folder (`duckdb -init duckdb.sql`).
 */
import type { ColumnType } from "./table.js";
import type { ResultTables } from "./result-tables.js";

const DUCKDB_TYPES: Record<ColumnType, string> = { STRING: "VARCHAR", INT32: "INTEGER", DOUBLE: "DOUBLE" };

/** The text of duckdb.sql for `tables`. */
export function duckdbViews(tables: ResultTables): string {
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  return Object.entries(tables)
    .map(([name, table]) => {
      const columns = table.columns.map((column) => `${literal(column.name)}: ${literal(DUCKDB_TYPES[column.type])}`).join(", ");
      return `CREATE OR REPLACE VIEW ${name} AS SELECT * FROM read_csv(${literal(`${name}.csv`)}, header = true, columns = {${columns}});`;
    })
    .join("\n");
}
