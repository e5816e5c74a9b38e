/**
 * A random stream and the distributions the model draws from. Every draw of a replicate comes
 * from streams made here from the replicate's seed string (one per purpose: random-streams.ts),
 * so a replicate is a pure function of (config, seed). Alea is seedrandom's fastest algorithm
 * with a long period; the draws below use one or a few uniforms each and allocate nothing.
 */
import seedrandom from "seedrandom";

/** A random stream. */
export interface Random {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** A second standard normal from the last Box-Muller pair, or NaN. */
  spareNormal: number;
}

/**
 * A random stream that can be restarted at a key: after `rekey(a, b)` it yields a sequence
 * that is a function of its seed and (a, b) alone, whatever was drawn from it before. This is
 * what keeps common random numbers common: a viewer's traits keyed by the viewer are the same
 * in two arms however differently the arms reached that viewer.
 */
export interface KeyedRandom extends Random {
  /** Restarts the stream at key (a, b), both integers in [0, 2^31). */
  rekey(a: number, b: number): void;
}

/**
 * seedrandom's Alea, seeded by seedrandom itself and stepped here with the same arithmetic, so
 * it yields exactly seedrandom's numbers. Its state lives on one class whose `uniform` every
 * call site sees as the same method, so the JIT inlines it; seedrandom's generator is a new
 * closure per replicate, which call sites cannot keep inlined across replicates.
 */
class AleaStream implements KeyedRandom {
  spareNormal = Number.NaN;
  /** s0, s1, s2, c: typed, so that each step updates numbers in place rather than boxing them. */
  private readonly state = new Float64Array(4);
  /** The seeded s0, s1, s2 as 32-bit integers, which `rekey` mixes with the key. */
  private readonly base = new Int32Array(3);

  constructor(seed: string) {
    const { s0, s1, s2, c } = seedrandom.alea(seed, { state: true }).state();
    this.state.set([s0, s1, s2, c]);
    // Alea's s values are multiples of 2^-32 in [0, 1): exact as 32-bit integers.
    this.base.set([s0 * 4294967296, s1 * 4294967296, s2 * 4294967296]);
  }

  /**
   * Counter-based restart: each of s0, s1, s2 becomes a murmur3-finalised hash of the seeded
   * value and the key, a 32-bit fraction as Alea's own seeding (Mash) makes them, with c = 1
   * as Alea starts. No allocation and no string hashing, so it can run once per viewer.
   */
  rekey(a: number, b: number): void {
    const key = mix32(Math.imul(a, 0x9e3779b1) ^ mix32(b + 0x7f4a7c15));
    const base = this.base;
    const state = this.state;
    state[0] = (mix32(base[0] ^ key) >>> 0) * 2.3283064365386963e-10;
    state[1] = (mix32(base[1] ^ key) >>> 0) * 2.3283064365386963e-10;
    state[2] = (mix32(base[2] ^ key) >>> 0) * 2.3283064365386963e-10;
    state[3] = 1;
    this.spareNormal = Number.NaN;
  }

  uniform(): number {
    const state = this.state;
    const t = 2091639 * state[0] + state[3] * 2.3283064365386963e-10; // 2^-32
    const c = t | 0;
    state[0] = state[1];
    state[1] = state[2];
    state[2] = t - c;
    state[3] = c;
    return state[2];
  }
}

/** A random stream from a seed string (restartable at a key: KeyedRandom). */
export function createRandom(seed: string): KeyedRandom {
  return new AleaStream(seed);
}

/** murmur3's 32-bit finaliser: every input bit reaches every output bit. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Exponential with the given rate (mean 1 / rate); Infinity for a zero rate. */
export function exponential(random: Random, rate: number): number {
  if (!(rate > 0)) return Number.POSITIVE_INFINITY;
  return -Math.log(1 - random.uniform()) / rate;
}

/** Standard normal by Box-Muller, keeping the pair's second value for the next call. */
export function standardNormal(random: Random): number {
  const spare = random.spareNormal;
  if (spare === spare) {
    random.spareNormal = Number.NaN;
    return spare;
  }
  const u = 1 - random.uniform();
  const v = random.uniform();
  const radius = Math.sqrt(-2 * Math.log(u));
  random.spareNormal = radius * Math.sin(2 * Math.PI * v);
  return radius * Math.cos(2 * Math.PI * v);
}

/** Lognormal with the given median and log-scale sigma. */
export function lognormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(random));
}

/** Pareto with scale xm and tail index alpha (P(X > x) = (xm / x)^alpha). */
export function pareto(random: Random, xm: number, alpha: number): number {
  return xm / Math.pow(1 - random.uniform(), 1 / alpha);
}

/** Largest integer shape drawn as a sum of exponentials (cheaper than Marsaglia-Tsang below it). */
const SMALL_INTEGER_SHAPE = 24;

/**
 * Gamma(shape, 1): for small integer shapes the sum of `shape` exponentials, -log of a product of
 * uniforms (the model's Beta(2, 5)-style traits need only a few uniforms and one log); otherwise
 * Marsaglia and Tsang, with the usual boost for shape < 1.
 */
export function gamma(random: Random, shape: number): number {
  // Kept small so that it inlines into its callers: a double returned from a call that does
  // not inline is boxed on the heap, and trait draws make hundreds of thousands of these calls.
  if (shape <= SMALL_INTEGER_SHAPE && Number.isInteger(shape)) {
    let product = 1;
    for (let i = 0; i < shape; i++) product *= 1 - random.uniform();
    return -Math.log(product);
  }
  return marsagliaTsang(random, shape);
}

/** Gamma(shape, 1) by Marsaglia and Tsang, with the usual boost for shape < 1. */
function marsagliaTsang(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(1 - random.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.uniform();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Beta(alpha, beta) as a ratio of gammas, or by inverting the CDF when a shape is 1: the
 * default churn hazard, Beta(1, 19), would otherwise take 20 uniforms and two logarithms.
 */
export function betaDraw(random: Random, alpha: number, beta: number): number {
  if (alpha === 1) return 1 - Math.pow(1 - random.uniform(), 1 / beta); // P(X <= x) = 1 - (1 - x)^beta
  if (beta === 1) return Math.pow(random.uniform(), 1 / alpha); // P(X <= x) = x^alpha
  const x = gamma(random, alpha);
  const y = gamma(random, beta);
  return x / (x + y);
}

/** Index drawn from cumulative weights (last entry = total). */
export function categorical(random: Random, cumulative: Float64Array): number {
  const u = random.uniform() * cumulative[cumulative.length - 1];
  for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return i;
  return cumulative.length - 1;
}

/** Running sums of weights, for `categorical`. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** Geometric number of extra items with the given mean (0, 1, 2, ...). */
export function geometric(random: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  const p = 1 / (1 + mean);
  return Math.floor(Math.log(1 - random.uniform()) / Math.log(1 - p));
}
