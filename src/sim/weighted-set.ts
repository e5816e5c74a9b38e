/**
 * Weights over slots with O(log n) update and weighted draw (a Fenwick tree): who among the
 * viewers present sends the next gift. Floating-point sums drift after many updates, so a draw
 * can land on a slot whose weight is zero; callers treat that as a rejected candidate.
 */
export interface WeightedSet {
  /** Number of slots (a power of two). */
  size: number;
  tree: Float64Array;
  weight: Float64Array;
  total: number;
}

/** A set of at least `slots` slots, all weight 0. */
export function createWeightedSet(slots: number): WeightedSet {
  let size = 1;
  while (size < slots) size *= 2;
  return { size, tree: new Float64Array(size + 1), weight: new Float64Array(size), total: 0 };
}

/** Makes room for at least `slots` slots, keeping every weight (rebuilds the tree, O(n)). */
export function ensureSlots(set: WeightedSet, slots: number): void {
  if (slots <= set.size) return;
  const old = set.weight;
  let size = set.size;
  while (size < slots) size *= 2;
  set.size = size;
  set.tree = new Float64Array(size + 1);
  set.weight = new Float64Array(size);
  set.total = 0;
  for (let slot = 0; slot < old.length; slot++) if (old[slot] !== 0) setWeight(set, slot, old[slot]);
}

/** Sets every weight to 0. */
export function clearWeights(set: WeightedSet): void {
  set.tree.fill(0);
  set.weight.fill(0);
  set.total = 0;
}

/** Sets a slot's weight, updating the tree and the total. */
export function setWeight(set: WeightedSet, slot: number, weight: number): void {
  const delta = weight - set.weight[slot];
  if (delta === 0) return;
  set.weight[slot] = weight;
  set.total += delta;
  if (set.total < 1e-12) set.total = 0;
  const tree = set.tree;
  for (let i = slot + 1; i <= set.size; i += i & -i) tree[i] += delta;
}

/** Slot drawn with probability weight / total for u uniform on [0, 1); -1 if all weights are zero. */
export function drawSlot(set: WeightedSet, u: number): number {
  if (set.total <= 0) return -1;
  let target = u * set.total;
  let position = 0;
  const tree = set.tree;
  for (let step = set.size; step > 0; step >>= 1) {
    const next = position + step;
    if (next <= set.size && tree[next] <= target) {
      position = next;
      target -= tree[next];
    }
  }
  return position < set.size ? position : set.size - 1;
}
