/**
 * A simulated creator's history, as their dashboard would show it: one entry per stream the
 * creator held, taken from the replicate's stream table (docs/calibration.md, "From the
 * simulator to the columns"). Day 0 of a replicate is a Monday, so the dates start from the
 * first Monday on or after `startDate` and every stream keeps its simulated weekday.
 */
import { errors } from "../errors.js";
import { STREAM_COLUMNS, type ReplicateOutput, type SimConfig, type StreamColumn } from "../sim/index.js";
import { dateOf, dayNumber, weekdayOf } from "./dates.js";
import { HISTORY_METRICS, type HistoryMetric, type RevenueUnit, type StreamHistory } from "./history.js";

/** What historyFromStreams takes beside the replicate. */
export interface HistoryOptions {
  /** YYYY-MM-DD; the history starts on the first Monday on or after it. */
  startDate: string;
  /** Index of the creator whose history this is (default 0). */
  creator?: number;
  /** The revenue column's unit, or null for none. */
  unit: RevenueUnit | null;
  /** The observed columns to include (revenue only with a unit). */
  metrics: readonly HistoryMetric[];
}

/** The revenue unit a platform's dashboard reports in: diamonds on TikTok, Bits on Twitch, dollars for Super Chat. */
export const DASHBOARD_UNITS: Readonly<Record<string, RevenueUnit>> = { tiktok: "diamonds", "twitch-bits": "bits", "youtube-superchat": "usd" };

const MICROS_PER_CENT = 10_000;
const column = (name: StreamColumn) => STREAM_COLUMNS.indexOf(name);

/** The stream column behind each unit's revenue (usd is the creator's earnings, rounded to cents). */
const REVENUE_COLUMNS: Record<RevenueUnit, StreamColumn> = { diamonds: "creatorDiamonds", coins: "giftedCoins", bits: "giftedCoins", usd: "creatorEarningsMicros" };

/** One metric's value from the stream row starting at `at`. */
function metricValue(streams: Float64Array, at: number, metric: HistoryMetric, unit: RevenueUnit | null): number {
  switch (metric) {
    case "viewers": {
      // Views count every visit, re-entries included. Presence is integrated over the stream and
      // every visit closes by its end, so viewer-minutes / minutes per visit = visits.
      const watch = streams[at + column("meanWatchMinutes")];
      return watch > 0 ? Math.round((streams[at + column("meanConcurrency")] * streams[at + column("durationMinutes")]) / watch) : 0;
    }
    case "revenue": {
      const value = streams[at + column(REVENUE_COLUMNS[unit as RevenueUnit])];
      return unit === "usd" ? Math.round(value / MICROS_PER_CENT) / 100 : value;
    }
    default:
      return streams[at + column(metric)];
  }
}

/**
 * A replicate's stream table (ReplicateOutput.streams, STREAM_COLUMNS) as the history a
 * creator's dashboard would show, for creator `creator` (default 0), dates from `startDate`.
 */
export function historyFromStreams(output: ReplicateOutput, config: SimConfig, options: HistoryOptions): StreamHistory {
  const creator = options.creator ?? 0;
  const start = dayNumber(options.startDate);
  if (start === undefined) throw errors.invalidInput("history start date", [{ path: "startDate", value: options.startDate, expected: "a date YYYY-MM-DD" }]);
  if (!Number.isInteger(creator) || creator < 0 || creator >= config.creators.count) {
    throw errors.invalidInput("history creator", [{ path: "creator", value: creator, expected: `an integer 0..${config.creators.count - 1} (the scenario's creators)` }]);
  }
  const unit = options.unit;
  const metrics = HISTORY_METRICS.filter((m) => options.metrics.includes(m) && (m !== "revenue" || unit !== null));
  const width = STREAM_COLUMNS.length;
  const rows: number[] = [];
  for (let at = 0; at < output.streams.length; at += width) if (output.streams[at + column("creator")] === creator) rows.push(at);
  let monday = start;
  while (weekdayOf(monday) !== "mon") monday++;
  const simDays = rows.map((at) => output.streams[at + column("day")]);
  const values: Partial<Record<HistoryMetric, Float64Array>> = {};
  for (const metric of metrics) values[metric] = Float64Array.from(rows, (at) => metricValue(output.streams, at, metric, unit));
  return {
    unit: metrics.includes("revenue") ? unit : null,
    metrics,
    dates: simDays.map((d) => dateOf(monday + d)),
    day: Int32Array.from(simDays, (d) => d - simDays[0]),
    durationMinutes: Float64Array.from(rows, (at) => output.streams[at + column("durationMinutes")]),
    values,
  };
}
