/**
 * Two-sided tail probability of Student's t, for p-values. simple-statistics has no t
 * distribution, so this uses the identity P(|T| > t) = I_x(df/2, 1/2) with x = df / (df + t^2)
 * and evaluates the regularized incomplete beta function I by its continued fraction
 * (modified Lentz), which converges fast on the side of 1/2 it is used on.
 */
import { gammaln } from "simple-statistics";

/** P(|T| >= |t|) for Student's t with `df` degrees of freedom (df > 0, may be fractional). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(1 - x);
  // The continued fraction converges for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** t such that P(|T| >= t) = `twoSidedP` for `df` degrees of freedom (fractional df allowed), by bisection. */
export function studentTCritical(twoSidedP: number, df: number): number {
  if (!(df > 0) || !(twoSidedP > 0 && twoSidedP < 1)) return Number.NaN;
  let low = 0;
  let high = 1;
  while (studentTTwoSidedP(high, df) > twoSidedP) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (studentTTwoSidedP(mid, df) > twoSidedP) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
