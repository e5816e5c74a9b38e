/** How numbers read in the report's text: percentages, p-values and metric values in their units. */

/** A relative change or share as a percentage: whole percent from 10%, one decimal below. */
export function formatPercent(value: number, signed = false): string {
  const pct = value * 100;
  const digits = Math.abs(pct) >= 10 || pct === 0 ? 0 : 1;
  const text = Math.abs(pct).toFixed(digits);
  const sign = pct < 0 && Number(text) !== 0 ? "−" : signed && Number(text) !== 0 ? "+" : "";
  return `${sign}${text}%`;
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
