/**
 * Paired bootstrap of two arms whose replicates are paired by replicate index (with common
 * random numbers, replicate i of both arms shares everything the arms' difference does not
 * touch). A resample draws pairs, never the arms apart, so what the pair shares cancels in every
 * resampled difference and ratio. For each resample the location of each arm is measured three
 * ways (mean, median, trimmed mean) and compared two ways: the difference arm - base and the
 * lift arm / base - 1.
 *
 * Speed: a resample is a count per pair, and each arm's values are sorted once, so the median
 * and the trimmed mean of a resample come from one walk over the sorted values (O(n)), not a
 * sort per resample. The random stream is seedrandom's Alea seeded with `seed`: the intervals are
 * a pure function of the values and the seed.
 */
import seedrandom from "seedrandom";
import { bcaInterval, percentileInterval, type BootstrapMethod } from "./bootstrap-interval.js";
import { DEFAULT_TRIM } from "./trimmed-mean.js";

/** Resamples drawn by default: enough for the 2.5% and 97.5% ends of a BCa interval to settle. */
export const DEFAULT_RESAMPLES = 2000;

export interface PairedBootstrapOptions {
  /** Seed of the resampling stream (any string): the same seed gives the same intervals. */
  seed: string;
  /** Resamples; default DEFAULT_RESAMPLES. */
  resamples?: number;
  /** Interval coverage; default 0.95. */
  confidence?: number;
  /** Default "bca". */
  method?: BootstrapMethod;
  /** Share trimmed from each end for the trimmed mean; default DEFAULT_TRIM (20%). */
  trim?: number;
}

/** A statistic on the original pairs and its bootstrap interval; nulls where it is undefined or unbounded. */
export interface BootstrapEstimate {
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** The method that made the interval (BCa falls back to percentile when its correction is undefined); null without one. */
  method: BootstrapMethod | null;
}

/** One location measure compared across the pairs: arm - base, and arm / base - 1. */
export interface PairedEffect {
  difference: BootstrapEstimate;
  /** Null estimate when the base's location is zero; null interval when some resample's is (the ratio is unbounded). */
  lift: BootstrapEstimate;
}

/** The paired bootstrap of arm against base. */
export interface PairedBootstrap {
  /** Pairs with a finite value in both arms (the others are left out). */
  pairs: number;
  resamples: number;
  confidence: number;
  trim: number;
  mean: PairedEffect;
  median: PairedEffect;
  trimmedMean: PairedEffect;
}

/** The location measures, in the order `locations` writes them. */
const LOCATIONS = ["mean", "median", "trimmedMean"] as const;

/**
 * Paired bootstrap intervals of the difference and the lift of the mean, the median and the
 * trimmed mean of `arm` against `base`, pair i being (base[i], arm[i]). Needs two pairs.
 */
export function pairedBootstrap(base: ArrayLike<number>, arm: ArrayLike<number>, options: PairedBootstrapOptions): PairedBootstrap {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const confidence = options.confidence ?? 0.95;
  const trim = options.trim ?? DEFAULT_TRIM;
  const method = options.method ?? "bca";
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < Math.min(base.length, arm.length); i++) {
    if (Number.isFinite(base[i]) && Number.isFinite(arm[i])) {
      x.push(base[i]);
      y.push(arm[i]);
    }
  }
  const n = x.length;
  const none: BootstrapEstimate = { estimate: null, low: null, high: null, method: null };
  const result: PairedBootstrap = { pairs: n, resamples, confidence, trim, mean: { difference: none, lift: none }, median: { difference: none, lift: none }, trimmedMean: { difference: none, lift: none } };
  if (n < 2) return result;

  const baseArm = sortedArm(x);
  const otherArm = sortedArm(y);
  const counts = new Int32Array(n);
  const baseAt = new Float64Array(LOCATIONS.length);
  const armAt = new Float64Array(LOCATIONS.length);
  /** Measures both arms of the multiset `counts` holds and stores the comparisons at `slot`. */
  const measure = (total: number, into: Array<{ difference: Float64Array; lift: Float64Array }>, slot: number) => {
    locations(baseArm, counts, total, trim, baseAt);
    locations(otherArm, counts, total, trim, armAt);
    for (let k = 0; k < LOCATIONS.length; k++) {
      into[k].difference[slot] = armAt[k] - baseAt[k];
      into[k].lift[slot] = armAt[k] / baseAt[k] - 1;
    }
  };

  counts.fill(1);
  locations(baseArm, counts, n, trim, baseAt);
  locations(otherArm, counts, n, trim, armAt);
  const pointBase = Float64Array.from(baseAt);
  const pointArm = Float64Array.from(armAt);
  // Jackknife: each pair left out once (for BCa's acceleration).
  const jack = LOCATIONS.map(() => ({ difference: new Float64Array(n), lift: new Float64Array(n) }));
  for (let i = 0; i < n; i++) {
    counts[i] = 0;
    measure(n - 1, jack, i);
    counts[i] = 1;
  }
  const random = seedrandom.alea(options.seed);
  const boot = LOCATIONS.map(() => ({ difference: new Float64Array(resamples), lift: new Float64Array(resamples) }));
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]++;
    measure(n, boot, b);
  }
  LOCATIONS.forEach((location, k) => {
    const b0 = pointBase[k];
    const a0 = pointArm[k];
    result[location] = {
      difference: interval(a0 - b0, boot[k].difference, jack[k].difference, confidence, method),
      lift: b0 === 0 ? none : interval(a0 / b0 - 1, boot[k].lift, jack[k].lift, confidence, method),
    };
  });
  return result;
}

function interval(estimate: number, bootstrap: Float64Array, jackknife: Float64Array, confidence: number, method: BootstrapMethod): BootstrapEstimate {
  // A resample whose base location is zero has no ratio: the lift's interval is unbounded.
  if (!bootstrap.every(Number.isFinite) || (method === "bca" && !jackknife.every(Number.isFinite))) return { estimate, low: null, high: null, method: null };
  const found = method === "bca" ? bcaInterval(estimate, bootstrap, jackknife, confidence) : percentileInterval(bootstrap, confidence);
  return { estimate, low: found.low, high: found.high, method: found.method };
}

/** One arm's values with the pair order that sorts them. */
interface SortedArm {
  values: Float64Array;
  /** order[k]: the pair holding the k-th smallest value. */
  order: Int32Array;
}

function sortedArm(values: number[]): SortedArm {
  const order = Int32Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
  return { values: Float64Array.from(order, (i) => values[i]), order };
}

/**
 * Mean, median (interpolated, as quantileSorted at 0.5) and trimmed mean, written to `out` in
 * LOCATIONS order, of the multiset that holds pair i `counts[i]` times (`total` values in all),
 * by one walk over the sorted values.
 */
function locations(arm: SortedArm, counts: Int32Array, total: number, trim: number, out: Float64Array): void {
  const cut = Math.floor(total * trim);
  const mid = (total - 1) / 2;
  const midLow = Math.floor(mid);
  const midHigh = Math.ceil(mid);
  let position = 0;
  let sum = 0;
  let trimmedSum = 0;
  let low = Number.NaN;
  let high = Number.NaN;
  for (let k = 0; k < arm.values.length; k++) {
    const c = counts[arm.order[k]];
    if (c === 0) continue;
    const v = arm.values[k];
    const end = position + c;
    sum += c * v;
    // Positions [position, end) hold v; the trimmed mean keeps positions [cut, total - cut).
    const kept = Math.min(end, total - cut) - Math.max(position, cut);
    if (kept > 0) trimmedSum += kept * v;
    if (midLow >= position && midLow < end) low = v;
    if (midHigh >= position && midHigh < end) high = v;
    position = end;
  }
  out[0] = sum / total;
  out[1] = low + (mid - midLow) * (high - low);
  out[2] = trimmedSum / (total - 2 * cut);
}
