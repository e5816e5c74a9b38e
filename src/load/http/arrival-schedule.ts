/**
 * Open-model arrivals, as k6's constant-arrival-rate and ramping-arrival-rate executors
 * define them: request i is due at a time fixed in advance by the rate profile, never by
 * when earlier answers came back. Within a stage the rate moves linearly from the previous
 * stage's target to this one's, so the number of requests due by time t is the integral of
 * the rate, and request i is due where that integral reaches i.
 */
import { errors } from "../../errors.js";
import { parseDuration } from "./duration.js";

export interface RampStage {
  durationMs: number;
  /** Requests per second at the end of the stage. */
  targetPerSecond: number;
}

/** A profile of rates over time, as k6's arrival-rate executors take it. */
export type RateProfile = { kind: "constant"; ratePerSecond: number; durationMs: number } | { kind: "ramping"; startRatePerSecond: number; stages: RampStage[] };

/** A scenario's gift stream at its own simulated timing, scaled by `speed` (src/load/replay). */
export interface ReplayArrival {
  kind: "replay";
  scenario: string;
  arm: string;
  replicate: number;
  repeat: number;
  /** Real seconds per simulated second is 1 / speed. */
  speed: number;
  /** Simulated idle gaps longer than this were shortened to it. */
  maxGapSeconds: number;
  /** Events (purchases and gifts) over all copies. */
  events: number;
  durationMs: number;
}

export type ArrivalProfile = RateProfile | ReplayArrival;

export interface ArrivalSchedule {
  /** Requests due over the whole profile. */
  readonly total: number;
  readonly durationMs: number;
  /** When request i (0..total-1) is due, in ms from the start. Calls must come in increasing i. */
  dueMs(i: number): number;
}

/** Most requests/s a profile may ask for: a bound against typos, far beyond one client machine. */
export const MAX_RATE_PER_SECOND = 1_000_000;

interface Segment {
  startMs: number;
  durationSec: number;
  fromRate: number;
  toRate: number;
  /** Requests due before the segment, and within it (fractional). */
  before: number;
  count: number;
}

/** The schedule of a profile (already validated: positive rates and durations). */
export function createArrivalSchedule(profile: RateProfile): ArrivalSchedule {
  const stages = profile.kind === "constant" ? [{ durationMs: profile.durationMs, targetPerSecond: profile.ratePerSecond }] : profile.stages;
  let rate = profile.kind === "constant" ? profile.ratePerSecond : profile.startRatePerSecond;
  let startMs = 0;
  let before = 0;
  const segments: Segment[] = [];
  for (const stage of stages) {
    const durationSec = stage.durationMs / 1000;
    const count = ((rate + stage.targetPerSecond) / 2) * durationSec;
    segments.push({ startMs, durationSec, fromRate: rate, toRate: stage.targetPerSecond, before, count });
    before += count;
    startMs += stage.durationMs;
    rate = stage.targetPerSecond;
  }
  // A hair of slack so 100/s for 10 s gives 1,000 requests despite float sums.
  const total = Math.floor(before + 1e-9);
  let cursor = 0;
  return {
    total,
    durationMs: startMs,
    dueMs(i) {
      while (cursor < segments.length - 1 && i >= segments[cursor].before + segments[cursor].count) cursor++;
      const { startMs: at, durationSec, fromRate, toRate, before: done } = segments[cursor];
      const m = i - done;
      const slope = (toRate - fromRate) / durationSec;
      // Solve fromRate * t + slope * t^2 / 2 = m for the segment's elapsed time t.
      const t = Math.abs(slope) < 1e-12 ? m / fromRate : (-fromRate + Math.sqrt(Math.max(0, fromRate * fromRate + 2 * slope * m))) / slope;
      return at + Math.min(Math.max(t, 0), durationSec) * 1000;
    },
  };
}

/** Parses `--stages "10s:100,20s:500"`: ramp to 100 req/s over 10 s, then to 500 over 20 s. */
export function parseStages(text: string, flag = "--stages"): RampStage[] {
  const expected = 'comma-separated duration:rate stages, e.g. "10s:100,20s:500"';
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === "")) throw errors.invalidInput("stages", [{ path: flag, value: text, expected }]);
  return parts.map((part) => {
    const [duration, rate, extra] = part.split(":");
    const target = Number(rate);
    if (duration === undefined || rate === undefined || extra !== undefined || rate.trim() === "" || !Number.isFinite(target) || target < 0 || target > MAX_RATE_PER_SECOND) {
      throw errors.invalidInput("stages", [{ path: flag, value: part, expected: `${expected}, rates 0..${MAX_RATE_PER_SECOND}` }]);
    }
    const durationMs = parseDuration(duration, flag);
    if (durationMs <= 0) throw errors.invalidInput("stages", [{ path: flag, value: part, expected: "a stage duration above 0" }]);
    return { durationMs, targetPerSecond: target };
  });
}
