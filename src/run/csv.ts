/**
 * CSV as pandas, DuckDB and R read it: a header row, comma separated, numbers in JavaScript's
 * shortest round-trip form (so a float64 parses back to the same bits), an undefined figure
 * (NaN) as an empty field, text quoted when it must be. Files are written under a temporary
 * name and renamed; the sha256 of the bytes is returned for the manifest.
 */
import { writeFileAtomicHashed } from "./atomic-file.js";

/** A number as a CSV field. */
export function csvNumber(value: number): string {
  if (Number.isNaN(value)) return "";
  if (value === Number.POSITIVE_INFINITY) return "inf";
  if (value === Number.NEGATIVE_INFINITY) return "-inf";
  return String(value);
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
