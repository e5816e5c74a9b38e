/**
 * The order in which a day room (day-room.ts) advances its streams: a binary min-heap of stream
 * indices keyed by the absolute second of each stream's next event, ties to the lower rank (a
 * stream's rank is given: streams of a battle pair break ties as the pair always has, the side
 * with more followers first).
 * Typed arrays sized once per room, so advancing a stream allocates nothing.
 */

/** A heap over streams 0 .. n - 1. */
export interface StreamOrder {
  readonly key: Float64Array;
  /** Tie order: of two streams whose next events fall at the same second, the lower rank goes first. */
  readonly rank: Int32Array;
  /** Heap of stream indices; `at[k]` is stream k's position in it. */
  readonly heap: Int32Array;
  readonly at: Int32Array;
}

/** A heap over `keys.length` streams with these keys and tie ranks (distinct). */
export function createStreamOrder(keys: Float64Array, rank: Int32Array): StreamOrder {
  const n = keys.length;
  const order = { key: Float64Array.from(keys), rank, heap: Int32Array.from({ length: n }, (_, k) => k), at: Int32Array.from({ length: n }, (_, k) => k) };
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(order, i);
  return order;
}

/** The stream whose next event comes first. */
export function firstStream(order: StreamOrder): number {
  return order.heap[0];
}

/** Sets stream k's key and restores the heap. */
export function rekeyStream(order: StreamOrder, k: number, key: number): void {
  const old = order.key[k];
  order.key[k] = key;
  if (key < old) siftUp(order, order.at[k]);
  else siftDown(order, order.at[k]);
}

function before(order: StreamOrder, a: number, b: number): boolean {
  const ka = order.key[a];
  const kb = order.key[b];
  return ka < kb || (ka === kb && order.rank[a] < order.rank[b]);
}

function place(order: StreamOrder, i: number, k: number): void {
  order.heap[i] = k;
  order.at[k] = i;
}

function siftUp(order: StreamOrder, i: number): void {
  const k = order.heap[i];
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(order, k, order.heap[parent])) break;
    place(order, i, order.heap[parent]);
    i = parent;
  }
  place(order, i, k);
}

function siftDown(order: StreamOrder, i: number): void {
  const n = order.heap.length;
  const k = order.heap[i];
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && before(order, order.heap[child + 1], order.heap[child])) child++;
    if (!before(order, order.heap[child], k)) break;
    place(order, i, order.heap[child]);
    i = child;
  }
  place(order, i, k);
}
