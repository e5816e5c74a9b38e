/**
 * Reads a history CSV (docs/calibration.md, "The history file") and checks it the way a
 * scenario is checked: every problem is collected, each naming the file line, the column, the
 * value and what was expected, and a bad file is refused whole (exit 2). The header is checked
 * first; a bad header stops there, since every row would repeat its problem.
 */
import { errors, type Problem } from "../errors.js";
import { parseCsv } from "../run/read-csv.js";
import { readCappedText } from "../scenario/index.js";
import { SIM_LIMITS } from "../sim/index.js";
import { dayNumber } from "./dates.js";
import {
  HISTORY_METRICS,
  MAX_HISTORY_FILE_BYTES,
  MAX_HISTORY_ROWS,
  MAX_STREAM_MINUTES,
  REVENUE_UNITS,
  historyColumn,
  isWholeUnit,
  type HistoryMetric,
  type RevenueUnit,
  type StreamHistory,
} from "./history.js";

const REQUIRED = ["date", "durationMinutes"] as const;
const COUNT_METRICS = HISTORY_METRICS.filter((m) => m !== "revenue");
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED, ...COUNT_METRICS, ...REVENUE_UNITS];
const STREAM_MINUTES = `minutes, more than 0 and at most ${MAX_STREAM_MINUTES}`;
/** A non-negative decimal as a spreadsheet writes it (no sign, no thousands separators, no hex). */
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Reads and checks the history file at `path`; throws the input error (exit 2) listing every problem. */
export function readHistory(path: string): StreamHistory {
  return parseHistory(readCappedText(path, MAX_HISTORY_FILE_BYTES, "a history file"), path);
}

/** Parses and checks history CSV `text`; `source` names it in messages. */
export function parseHistory(text: string, source: string): StreamHistory {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lineCount = body.split("\n").filter((line, i, all) => i < all.length - 1 || line !== "").length;
  if (lineCount - 1 > MAX_HISTORY_ROWS) throw errors.tooLarge(`${source}: stream rows`, lineCount - 1, MAX_HISTORY_ROWS, "the row limit of a history file, docs/calibration.md");
  if (body.trim() === "") throw errors.invalidFile(source, [{ path: "(file)", value: "", expected: `a header row (${expectedHeader()}) and one row per stream` }]);
  const csv = parseCsv(body);
  const header = csv.header.map((name) => name.trim());
  const layout = readHeader(header);
  if (layout.problems.length > 0) throw errors.invalidFile(source, layout.problems);
  const { unit, metrics } = layout;
  const columnOf = (name: string) => header.indexOf(name);
  const problems: Problem[] = [];
  const rows = csv.rows.map((fields, i) => ({ fields: fields.map((f) => f.trim()), line: i + 2 })).filter((row) => row.fields.some((f) => f !== ""));
  if (rows.length === 0) problems.push({ path: "line 2", value: undefined, expected: "at least one stream row after the header" });
  const n = rows.length;
  const days = new Int32Array(n);
  const durationMinutes = new Float64Array(n);
  const values: Partial<Record<HistoryMetric, Float64Array>> = {};
  for (const metric of metrics) values[metric] = new Float64Array(n);
  let previous: { date: string; day: number } | undefined;
  rows.forEach(({ fields, line }, r) => {
    if (fields.length !== header.length) {
      problems.push({ path: `line ${line}`, value: `${fields.length} fields`, expected: `${header.length} fields, one per header column` });
      return;
    }
    const at = (column: string) => `line ${line}, column ${column}`;
    const date = fields[columnOf("date")];
    const day = dayNumber(date);
    if (day === undefined) problems.push({ path: at("date"), value: date, expected: "a date YYYY-MM-DD" });
    else if (previous !== undefined && day < previous.day) problems.push({ path: at("date"), value: date, expected: `a date on or after ${previous.date} (the row above; rows in date order)` });
    if (day !== undefined) {
      previous = { date, day };
      days[r] = day;
    }
    const duration = readNumber(fields[columnOf("durationMinutes")], { whole: false, at: at("durationMinutes"), problems, what: STREAM_MINUTES });
    if (duration !== undefined && (duration <= 0 || duration > MAX_STREAM_MINUTES)) problems.push({ path: at("durationMinutes"), value: duration, expected: STREAM_MINUTES });
    durationMinutes[r] = duration ?? 0;
    for (const metric of metrics) {
      const column = historyColumn(metric, unit);
      const whole = metric !== "revenue" || isWholeUnit(unit as RevenueUnit);
      const what = whole ? "a whole number, 0 or more" : "an amount in dollars, 0 or more (such as 12.50)";
      (values[metric] as Float64Array)[r] = readNumber(fields[columnOf(column)], { whole, at: at(column), problems, what }) ?? 0;
    }
  });
  const first = rows.length > 0 ? dayNumber(rows[0].fields[columnOf("date")] ?? "") : undefined;
  if (first !== undefined && previous !== undefined && previous.day - first >= SIM_LIMITS.horizonWeeks * 7) {
    problems.push({ path: `line ${rows[rows.length - 1].line}, column date`, value: previous.date, expected: `a date within ${SIM_LIMITS.horizonWeeks} weeks of the first stream (the simulator's horizon limit)` });
  }
  if (problems.length > 0) throw errors.invalidFile(source, problems);
  const firstDay = days[0];
  for (let i = 0; i < n; i++) days[i] -= firstDay;
  return { unit, metrics, dates: rows.map((row) => row.fields[columnOf("date")]), day: days, durationMinutes, values };
}

interface HeaderLayout {
  unit: RevenueUnit | null;
  metrics: HistoryMetric[];
  problems: Problem[];
}

/** The columns a header names, or the problems with it. */
function readHeader(header: readonly string[]): HeaderLayout {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    const path = `line 1, column ${i + 1}`;
    if (!KNOWN_COLUMNS.includes(name)) problems.push({ path, value: name, expected: `a known column (${KNOWN_COLUMNS.join(", ")})` });
    else if (seen.has(name)) problems.push({ path, value: name, expected: "each column once (this one is named twice)" });
    seen.add(name);
  });
  for (const name of REQUIRED) if (!seen.has(name)) problems.push({ path: `line 1, column ${name}`, value: undefined, expected: `a ${name} column (required)` });
  const units = REVENUE_UNITS.filter((u) => seen.has(u));
  for (const extra of units.slice(1)) problems.push({ path: `line 1, column ${extra}`, value: extra, expected: `one revenue column only (this file also has ${units[0]})` });
  const metrics = HISTORY_METRICS.filter((m) => (m === "revenue" ? units.length > 0 : seen.has(m)));
  if (metrics.length === 0) problems.push({ path: "line 1", value: header.join(","), expected: `at least one observed column besides date and durationMinutes (${expectedHeader()})` });
  return { unit: units[0] ?? null, metrics, problems };
}

function expectedHeader(): string {
  return `date, durationMinutes and any of ${COUNT_METRICS.join(", ")} and one revenue column of ${REVENUE_UNITS.join(", ")}`;
}

/** A field as a non-negative number (whole when `whole`), or undefined with a problem pushed. */
function readNumber(field: string, check: { whole: boolean; at: string; problems: Problem[]; what: string }): number | undefined {
  const { at, problems, what } = check;
  if (field === "") {
    problems.push({ path: at, value: field, expected: `${what}; every stream needs a value (leave the column out if the dashboard lacks it)` });
    return undefined;
  }
  if (!DECIMAL.test(field)) {
    const hint = /^-/.test(field) && DECIMAL.test(field.slice(1)) ? " (this one is negative)" : field.includes(",") ? " (without thousands separators)" : "";
    problems.push({ path: at, value: field, expected: `${what}${hint}` });
    return undefined;
  }
  const value = Number(field);
  if (!Number.isFinite(value) || (check.whole && !Number.isSafeInteger(value))) {
    problems.push({ path: at, value: field, expected: what });
    return undefined;
  }
  return value;
}
