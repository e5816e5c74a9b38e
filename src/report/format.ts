/** How numbers read in the report's text: percentages, p-values and metric values in their units. */

/** A relative change or share as a percentage: whole percent from 10%, one decimal below (or `digits` decimals). */
export function formatPercent(value: number, signed = false, digits = percentDigits(value)): string {
  return `${signedFixed(value * 100, digits, signed)}%`;
}

/**
 * An interval's ends as percentages, each with formatPercent's decimals, more where it takes
 * that for them to read apart (a CI of -19.2% to -18.6% must not read "-19% to -19%").
 */
export function formatPercentInterval(low: number, high: number, signed = false): [string, string] {
  return distinctEnds(0, (extra) => [formatPercent(low, signed, percentDigits(low) + extra), formatPercent(high, signed, percentDigits(high) + extra)]);
}

/** A difference of two shares in percentage points, one decimal: "+3.5". */
export function formatPoints(value: number, signed = false, digits = 1): string {
  return signedFixed(value * 100, digits, signed);
}

/** An interval of share differences in percentage points, ends told apart like formatPercentInterval. */
export function formatPointsInterval(low: number, high: number, signed = false): [string, string] {
  return distinctEnds(1, (digits) => [formatPoints(low, signed, digits), formatPoints(high, signed, digits)]);
}

/** Most decimals added before an interval's ends are left equal (they are then equal in fact). */
const MAX_EXTRA_DIGITS = 3;

/** format(n) for the first n from `from` whose two ends differ. */
function distinctEnds(from: number, format: (digits: number) => [string, string]): [string, string] {
  let ends = format(from);
  for (let digits = from + 1; ends[0] === ends[1] && digits <= from + MAX_EXTRA_DIGITS; digits++) ends = format(digits);
  return ends;
}

function percentDigits(value: number): number {
  const pct = Math.abs(value * 100);
  return pct >= 10 || pct === 0 ? 0 : 1;
}

/** `value` with `digits` decimals and a true minus sign; "+" when `signed`; no sign on a zero. */
function signedFixed(value: number, digits: number, signed: boolean): string {
  const text = Math.abs(value).toFixed(digits);
  const sign = value < 0 && Number(text) !== 0 ? "−" : signed && Number(text) !== 0 ? "+" : "";
  return `${sign}${text}`;
}

/** A count with its noun, singular for one: "1 replicate", "150 replicates", "2 creators". */
export function countOf(n: number, noun: string): string {
  return `${formatNumber(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** A p-value as a reader expects it: "p < 0.001" or "p = 0.042". */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return "p n/a";
  if (p < 0.001) return "p < 0.001";
  return `p = ${p >= 0.1 ? p.toFixed(2) : p.toPrecision(2)}`;
}

/** A metric value in its unit: micro-USD as dollars, shares as percentages, others with grouping. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return "–";
  if (unit === "micro-USD") return formatUsd(value / 1e6);
  if (unit === "share") return formatPercent(value);
  return formatNumber(value);
}

/** Dollars with cents below $1,000 and whole dollars above. */
export function formatUsd(usd: number): string {
  const digits = Math.abs(usd) >= 1000 ? 0 : 2;
  const text = Math.abs(usd).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${usd < 0 ? "−" : ""}$${text}`;
}

/** A plain number with three significant digits below 1,000 and grouping above; a true minus sign. */
export function formatNumber(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  const text = abs >= 1000 ? Math.round(abs).toLocaleString("en-US") : Number(abs.toPrecision(3)).toLocaleString("en-US", { maximumFractionDigits: 6 });
  return `${value < 0 ? "−" : ""}${text}`;
}
