/** Writes a history as the CSV parse-history.ts reads, whole or not at all. */
import { writeFileAtomic } from "../run/atomic-file.js";
import { historyColumn, type StreamHistory } from "./history.js";

/** The history as CSV text: date, durationMinutes, then the present metrics in HISTORY_METRICS order. */
export function formatHistory(history: StreamHistory): string {
  const { metrics, unit, values } = history;
  const lines = [["date", "durationMinutes", ...metrics.map((m) => historyColumn(m, unit))].join(",")];
  history.dates.forEach((date, i) => {
    // String(number) is the shortest text that reads back as the same double.
    lines.push([date, String(history.durationMinutes[i]), ...metrics.map((m) => String((values[m] as Float64Array)[i]))].join(","));
  });
  return `${lines.join("\n")}\n`;
}

/** Writes the history to `path` atomically (a reader never sees half a file). */
export function writeHistory(path: string, history: StreamHistory): void {
  writeFileAtomic(path, formatHistory(history));
}
