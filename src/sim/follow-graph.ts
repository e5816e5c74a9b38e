/**
 * Who is in whose audience pool (MODEL.md "Many creators": a follow graph of communities and
 * popularity; docs/model.md "Many creators, shared audiences"), for one community: a world cut
 * into communities (audience.communitySize) is simulated a community at a time, each as a world
 * of its own (community.ts), so a world's people are in its own creators' pools only.
 *
 * Each creator's pool has a target size: the population's count x poolSize potential viewers
 * split in proportion to (quality / config quality)^reachElasticity, at least MIN_POOL each.
 * Without overlap every slot of every pool is a person of its own (the identity map: the model
 * as it was). With overlap the people are the pools' total slots over the mean number
 * of pools a person is in; each person is in k pools, k drawn from a power law P(k) proportional
 * to k^-poolsExponent on 1 .. min(maxPools, the creators) (most people in one pool, a
 * few heavy viewers in many), and picks its k creators without replacement in proportion to their
 * target sizes (popularity). The i-th person is always in the i-th creator's pool
 * (so no pool is empty); the other picks are by popularity. Each pool is shuffled, keyed by its
 * creator, so that its first slots (the initial followers) are people drawn at random, not the
 * same low-numbered people in every pool. Every draw is keyed (by person, or by creator) on the
 * replicate's `audience` stream, so the graph does not depend on the order it is built in.
 */
import type { SimConfig } from "./config.js";
import type { KeyedRandom } from "./random.js";

/** Smallest audience pool a creator is meant to get, however low its quality. */
const MIN_POOL = 50;
/** Draws of an already-picked creator after which a person's next pick scans for a free one. */
const MAX_REJECTIONS = 64;
/** Second key of a pool's shuffle (a person's picks are keyed (person, 0)). */
const SHUFFLE_KEY = 1;

/** The follow graph: pools of slots, each slot one person in one creator's pool. */
export interface FollowGraph {
  /** First slot of each creator's pool; entry `count` is the number of slots. */
  readonly poolStart: Int32Array;
  /** Person of each slot. */
  readonly person: Int32Array;
  /** Number of people. */
  readonly people: number;
}

/** The follow graph for creators of `quality` (random: the replicate's audience stream). */
export function buildFollowGraph(config: SimConfig, quality: Float64Array, random: KeyedRandom): FollowGraph {
  const target = targetPoolSizes(config, quality);
  if (!config.audience.overlap) {
    const poolStart = new Int32Array(target.length + 1);
    for (let c = 0; c < target.length; c++) poolStart[c + 1] = poolStart[c] + target[c];
    const total = poolStart[target.length];
    return { poolStart, person: Int32Array.from({ length: total }, (_, v) => v), people: total };
  }
  return sharedPools(config, target, random);
}

/**
 * Splits count x poolSize potential viewers among creators in proportion to
 * (quality / config quality)^reachElasticity, so better creators reach more people while the
 * population (and memory) stays what the config asked for.
 */
function targetPoolSizes(config: SimConfig, quality: Float64Array): Int32Array {
  const count = quality.length;
  const sizes = new Int32Array(count);
  const elasticity = config.creators.reachElasticity;
  let weightSum = 0;
  for (let c = 0; c < count; c++) weightSum += Math.pow(quality[c] / config.creators.quality, elasticity);
  const total = config.population.poolSize * count;
  for (let c = 0; c < count; c++) {
    const share = Math.pow(quality[c] / config.creators.quality, elasticity) / weightSum;
    sizes[c] = count === 1 ? total : Math.max(MIN_POOL, Math.floor(total * share));
  }
  return sizes;
}

/** The community's shape: its creators, its people and the laws they are drawn from. */
interface Community {
  creators: number;
  people: number;
  /** Cumulative P(k), k = 1 .. its length. */
  poolsCumulative: Float64Array;
  /** Cumulative target sizes of its creators (popularity). */
  popularity: Float64Array;
}

function sharedPools(config: SimConfig, target: Int32Array, random: KeyedRandom): FollowGraph {
  const count = target.length;
  const poolsCumulative = powerLaw(Math.min(config.audience.maxPools, count), config.audience.poolsExponent);
  const popularity = new Float64Array(count);
  let slots = 0;
  for (let c = 0; c < count; c++) popularity[c] = slots += target[c];
  const people = Math.max(count, Math.round(slots / meanOf(poolsCumulative)));
  const community: Community = { creators: count, people, poolsCumulative, popularity };
  const picks = new Int32Array(config.audience.maxPools);
  // Two passes over the same keyed draws: count each pool, then place its people.
  const filled = new Int32Array(count);
  eachMembership(community, random, picks, (c) => filled[c]++);
  const poolStart = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) poolStart[c + 1] = poolStart[c] + filled[c];
  const person = new Int32Array(poolStart[count]);
  filled.fill(0);
  eachMembership(community, random, picks, (c, p) => (person[poolStart[c] + filled[c]++] = p));
  for (let c = 0; c < count; c++) shufflePool(person, poolStart[c], poolStart[c + 1], c, random);
  return { poolStart, person, people };
}

/** Calls `join(creator, person)` for every pool each person of the community is in. */
function eachMembership(community: Community, random: KeyedRandom, picks: Int32Array, join: (creator: number, person: number) => void): void {
  const { creators, popularity, poolsCumulative } = community;
  for (let p = 0; p < community.people; p++) {
    random.rekey(p, 0);
    const k = 1 + search(poolsCumulative, random.uniform() * poolsCumulative[poolsCumulative.length - 1]);
    let picked = 0;
    if (p < creators) picks[picked++] = p;
    while (picked < k) {
      const c = pickFree(popularity, picks, picked, random);
      picks[picked++] = c;
    }
    for (let j = 0; j < picked; j++) join(picks[j], p);
  }
}

/** A creator not among the first `picked` picks, by popularity. */
function pickFree(popularity: Float64Array, picks: Int32Array, picked: number, random: KeyedRandom): number {
  const total = popularity[popularity.length - 1];
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const c = search(popularity, random.uniform() * total);
    if (!isPicked(picks, picked, c)) return c;
  }
  // The person's picks hold most of the popularity: take the first free creator from a random start.
  const start = Math.floor(random.uniform() * popularity.length);
  for (let j = 0; ; j++) {
    const c = (start + j) % popularity.length;
    if (!isPicked(picks, picked, c)) return c;
  }
}

function isPicked(picks: Int32Array, picked: number, c: number): boolean {
  for (let j = 0; j < picked; j++) if (picks[j] === c) return true;
  return false;
}

/** Cumulative k^-exponent for k = 1 .. kMax. */
function powerLaw(kMax: number, exponent: number): Float64Array {
  const cumulative = new Float64Array(kMax);
  let sum = 0;
  for (let k = 1; k <= kMax; k++) cumulative[k - 1] = sum += Math.pow(k, -exponent);
  return cumulative;
}

/** Mean of k under a cumulative law on k = 1 .. its length. */
function meanOf(cumulative: Float64Array): number {
  let mean = 0;
  for (let k = 1; k <= cumulative.length; k++) mean += k * (cumulative[k - 1] - (k > 1 ? cumulative[k - 2] : 0));
  return mean / cumulative[cumulative.length - 1];
}

/** First index whose cumulative weight exceeds u (binary search). */
function search(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Fisher-Yates over person[from, to), keyed by the pool's creator. */
function shufflePool(person: Int32Array, from: number, to: number, creator: number, random: KeyedRandom): void {
  random.rekey(creator, SHUFFLE_KEY);
  for (let i = to - 1; i > from; i--) {
    const j = from + Math.floor(random.uniform() * (i - from + 1));
    const swap = person[i];
    person[i] = person[j];
    person[j] = swap;
  }
}
