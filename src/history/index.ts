// The history layer's public face: a creator's stream history read from and written to CSV,
// made from a simulated replicate, and turned into the schedule and summary statistics that
// calibration fits against.
export { HISTORY_METRICS, MAX_HISTORY_FILE_BYTES, MAX_HISTORY_ROWS, MAX_STREAM_MINUTES, REVENUE_UNITS } from "./history.js";
export type { HistoryMetric, RevenueUnit, StreamHistory } from "./history.js";
export { parseHistory, readHistory } from "./parse-history.js";
export { formatHistory, writeHistory } from "./write-history.js";
export { DASHBOARD_UNITS, historyFromStreams } from "./from-streams.js";
export type { HistoryOptions } from "./from-streams.js";
export { historySchedule } from "./schedule.js";
export type { HistorySchedule } from "./schedule.js";
export { historySummary } from "./summary.js";
export { describeHistory } from "./describe.js";
export { isHistoryDate } from "./dates.js";
