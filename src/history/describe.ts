/** A history in one line, as `giftsim history` and `giftsim validate --history` print it. */
import { historyColumn, type StreamHistory } from "./history.js";

/** "42 streams, 2026-01-05 to 2026-02-20 (47 days), columns date, durationMinutes, gifters, diamonds". */
export function describeHistory(history: StreamHistory): string {
  const n = history.dates.length;
  const span = n === 0 ? "no dates" : `${history.dates[0]} to ${history.dates[n - 1]} (${history.day[n - 1] + 1} days)`;
  const columns = ["date", "durationMinutes", ...history.metrics.map((m) => historyColumn(m, history.unit))];
  return `${n} stream${n === 1 ? "" : "s"}, ${span}, columns ${columns.join(", ")}`;
}
