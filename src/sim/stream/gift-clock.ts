/**
 * The stream's one gift clock (stream.ts's module comment has the model): a candidate gift
 * time drawn from a bound on the total gift hazard of everyone present, a viewer drawn in
 * proportion to their weight, and acceptance with the ratio of their actual hazard to the
 * bound (thinning). The contagion c(t) that excites gifting lives here too.
 */
import { exponential } from "../random.js";
import { drawSlot } from "../weighted-set.js";
import type { StreamState } from "./state.js";

/** Draws a new candidate gift time from t under the current bound. */
export function redraw(s: StreamState, t: number): void {
  const total = s.weights.total;
  const herding = s.config.gifting.herding;
  s.boundTotal = total;
  // The margin is capped (at the crowd again, plus 64) so the memoised herding table stays small.
  s.presentLimit = s.lazyBound ? s.present + Math.min(s.present + 64, Math.floor((herding.scaleViewers + s.present) * s.slackShare)) : s.present;
  if (!(total > 0)) {
    s.giftTime = Number.POSITIVE_INFINITY;
    return;
  }
  let boost = 1;
  const tactics = s.tactics.boosting;
  for (let i = 0; i < tactics.length; i++) boost *= tactics[i].boost(s);
  s.goalBoost = boost;
  const formatBound = s.format.hazardBound(s, t);
  s.boundProduct = herdingAt(s, s.presentLimit) * boost * formatBound * (1 + s.contagionStrength * contagionAt(s, t));
  const candidate = t + exponential(s.giftRandom, total * s.boundProduct);
  if (candidate > s.boundUntil) {
    s.giftTime = s.boundUntil;
    s.giftReal = false;
  } else {
    s.giftTime = candidate;
    s.giftReal = true;
  }
}

/** The contagion at t (it only decays between gifts). */
export function contagionAt(s: StreamState, t: number): number {
  return s.contagionValue * Math.exp(-(t - s.contagionTime) / s.contagionDecay);
}

/** Herding factor for n viewers present, memoised: it is needed after every event. */
function herdingAt(s: StreamState, n: number): number {
  const world = s.world;
  let table = world.herding;
  if (n >= table.length) {
    const grown = new Float64Array(Math.max(2 * table.length, n + 1)).fill(Number.NaN);
    grown.set(table);
    world.herding = table = grown;
  }
  let value = table[n];
  if (value !== value) {
    const herding = s.config.gifting.herding;
    value = table[n] = Math.pow(1 + n / herding.scaleViewers, herding.elasticity);
  }
  return value;
}

/**
 * The candidate now (s.now, with the contagion just before it in s.contagionNow): draws who and
 * thins by the ratio of their actual hazard to the bound. Returns the accepted viewer's slot, or -1.
 */
export function acceptCandidate(s: StreamState): number {
  const { weights, now: t, contagionNow } = s;
  const slot = drawSlot(weights, s.giftRandom.uniform());
  if (slot < 0 || weights.weight[slot] === 0) return -1;
  const v = s.slotViewer[slot];
  const crowding = 1 / (1 + s.config.gifting.crowdingOut * contagionNow);
  const actual = herdingAt(s, s.present) * s.goalBoost * crowding * s.format.hazard(s, v, t) * (1 + s.viewers.socialProof[v] * s.contagionStrength * contagionNow);
  // The candidate came at rate boundTotal x boundProduct; v was drawn from today's smaller total.
  if (s.giftRandom.uniform() * s.boundProduct * (s.boundTotal / weights.total) >= actual) return -1;
  return slot;
}
