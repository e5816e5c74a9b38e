/**
 * Reads the CSV files a run writes (csv.ts) and creators' stream histories (src/history): a
 * header row, comma separated, text quoted when it must be, an empty field for an undefined figure. Small on purpose: RFC 4180 quoting
 * and nothing else, so what the writer promises is exactly what is read back.
 */

/** A CSV file as its header and rows of raw fields. */
export interface CsvText {
  header: string[];
  rows: string[][];
}

/** Splits CSV text into header and rows; a trailing newline ends the last row. */
export function parseCsv(text: string): CsvText {
  // Run files rarely quote anything (arm names are identifiers), and a split is many times faster.
  if (!text.includes('"')) {
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === "") lines.pop();
    const [header = [], ...rows] = lines.map((line) => line.split(","));
    return { header, rows };
  }
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** A CSV number field: empty is NaN (undefined figure), "inf" and "-inf" are infinities. */
export function csvFieldNumber(field: string): number {
  if (field === "") return Number.NaN;
  if (field === "inf") return Number.POSITIVE_INFINITY;
  if (field === "-inf") return Number.NEGATIVE_INFINITY;
  return Number(field);
}
