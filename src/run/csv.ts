/**
 * CSV as pandas, DuckDB and R read it: a header row, comma separated, numbers in JavaScript's
 * shortest round-trip form (so a float64 parses back to the same bits), an undefined figure
 * (NaN) as an empty field, text quoted when it must be. Files are written under a temporary
 * name and renamed; the sha256 of the bytes is returned for the manifest.
 */
import { writeFileAtomicHashed } from "./atomic-file.js";
import type { Table, TableRow } from "./table.js";

/** A number as a CSV field. */
export function csvNumber(value: number): string {
  if (Number.isNaN(value)) return "";
  if (value === Number.POSITIVE_INFINITY) return "inf";
  if (value === Number.NEGATIVE_INFINITY) return "-inf";
  return String(value);
}

/** A CSV field csvNumber wrote, back as the same number; an empty field is null. */
export function parseCsvNumber(field: string): number | null {
  if (field === "") return null;
  if (field === "inf") return Number.POSITIVE_INFINITY;
  if (field === "-inf") return Number.NEGATIVE_INFINITY;
  return Number(field);
}

/** Text as a CSV field, quoted when it holds a comma, quote or line break. */
export function csvText(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const FLUSH_CHARS = 1 << 20;

/** Writes lines (each without its newline) to `file` atomically; returns the file's sha256. */
export function writeLinesAtomic(file: string, lines: Iterable<string>): string {
  return writeFileAtomicHashed(file, (write) => {
    let pending = "";
    for (const line of lines) {
      pending += `${line}\n`;
      if (pending.length >= FLUSH_CHARS) {
        write(Buffer.from(pending, "utf8"));
        pending = "";
      }
    }
    write(Buffer.from(pending, "utf8"));
  });
}

/** A row of typed values as a CSV line (without its newline); null is an empty field. */
export function csvRow(values: TableRow): string {
  return values.map((value) => (value === null ? "" : typeof value === "number" ? csvNumber(value) : csvText(value))).join(",");
}

/** Writes `table` to `file` as CSV, header first, atomically; returns the file's sha256. */
export function writeCsvTable(file: string, table: Table): string {
  return writeLinesAtomic(file, (function* () {
    yield csvRow(table.columns.map((column) => column.name));
    for (const row of table.rows()) yield csvRow(row);
  })());
}
