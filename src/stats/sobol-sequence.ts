/**
 * The Sobol' low-discrepancy sequence (unscrambled, Gray-code order, 32 bits), as
 * scipy.stats.qmc.Sobol(scramble=False) gives it: point n of dimension j is the XOR of the
 * direction numbers v_j,k over the bits k of the Gray code of n. Over a block of 2^m points
 * every dyadic box of the unit cube of volume 2^-m holds the same number of points, which is
 * what lets Saltelli sampling and plausible worlds cover a parameter space with far fewer
 * points than independent draws. No npm package keeps these numbers well, so the direction
 * numbers are Joe and Kuo's (joe-kuo-directions.ts), for up to MAX_SOBOL_DIMENSIONS inputs.
 */
import { errors } from "../errors.js";
import { JOE_KUO_DIRECTIONS } from "./joe-kuo-directions.js";

const BITS = 32;
const SCALE = 2 ** -BITS;

/** Dimensions the direction numbers cover. */
export const MAX_SOBOL_DIMENSIONS = JOE_KUO_DIRECTIONS.length + 1;

/** Points n = skip .. skip + count - 1 of the `dimensions`-dimensional Sobol' sequence, each in [0, 1)^dimensions. */
export function sobolSequence(count: number, dimensions: number, skip = 0): Float64Array[] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_SOBOL_DIMENSIONS) {
    throw errors.invalidInput("Sobol' sequence", [{ path: "dimensions", value: dimensions, expected: `an integer 1..${MAX_SOBOL_DIMENSIONS}` }]);
  }
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(skip) || skip < 0 || count + skip > 2 ** BITS) {
    throw errors.invalidInput("Sobol' sequence", [{ path: "count", value: count, expected: `whole numbers of points and skipped points, together at most 2^${BITS}` }]);
  }
  const directions = Array.from({ length: dimensions }, (_, j) => directionNumbers(j));
  // The state at `skip`: XOR of the direction numbers over the bits of its Gray code.
  const state = new Uint32Array(dimensions);
  const gray = (skip ^ Math.floor(skip / 2)) >>> 0;
  for (let k = 0; k < BITS; k++) {
    if (((gray >>> k) & 1) === 0) continue;
    for (let j = 0; j < dimensions; j++) state[j] ^= directions[j][k];
  }
  const points: Float64Array[] = [];
  for (let n = skip; n < skip + count; n++) {
    points.push(Float64Array.from(state, (x) => x * SCALE));
    // Gray-code step to n + 1: flip the direction number of the lowest zero bit of n.
    const k = lowestZeroBit(n);
    if (k < BITS) for (let j = 0; j < dimensions; j++) state[j] ^= directions[j][k];
  }
  return points;
}

/** v_j,1..32 of dimension j (0-based) as 32-bit integers: m_k 2^(32-k), then the polynomial's recurrence. */
function directionNumbers(j: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (j === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [s, a, m] = JOE_KUO_DIRECTIONS[j - 1];
  for (let k = 0; k < Math.min(s, BITS); k++) v[k] = m[k] * 2 ** (BITS - 1 - k);
  for (let k = s; k < BITS; k++) {
    let value = v[k - s] ^ (v[k - s] >>> s);
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) value ^= v[k - i];
    v[k] = value >>> 0;
  }
  return v;
}

function lowestZeroBit(n: number): number {
  let k = 0;
  let rest = n;
  while (rest % 2 === 1) {
    rest = Math.floor(rest / 2);
    k++;
  }
  return k;
}
