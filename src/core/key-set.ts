/**
 * Idempotency keys (namespace, id), e.g. (stream, seq). Sequence numbers arrive mostly in
 * order, so each namespace keeps a high-water mark: every id below `next` has been seen. An
 * in-order id costs one typed-array read and write. Ids that arrive ahead of the mark are
 * held in a sparse bitset (pages of 65,536 ids) until the mark catches up with them.
 * Layout of `marks`: [next, pending] per namespace, side by side so both share a cache line.
 */

export const KEY_PAGE_BITS = 16;
const PAGE_WORDS = (1 << KEY_PAGE_BITS) >>> 5;

/** Largest namespace (stream id) accepted; larger ones are rejected as invalid keys. */
export const MAX_KEY_NAMESPACE = (1 << 24) - 1;

export interface KeySet {
  /** marks[2n] = next unseen id below which all are seen; marks[2n + 1] = ids held in pages. */
  marks: Int32Array;
  /** pages[namespace][id >>> KEY_PAGE_BITS]: ids at or above the mark seen out of order. */
  pages: (Uint32Array | undefined)[][];
  size: number;
}

export function createKeySet(namespaces = 1024): KeySet {
  return { marks: new Int32Array(2 * namespaces), pages: [], size: 0 };
}

/** Makes room for `namespace` (doubling), so the hot loop can index `marks` directly. */
export function ensureNamespace(keys: KeySet, namespace: number): Int32Array {
  if (2 * namespace + 1 < keys.marks.length) return keys.marks;
  let length = keys.marks.length;
  while (length <= 2 * namespace + 1) length *= 2;
  const grown = new Int32Array(length);
  grown.set(keys.marks);
  keys.marks = grown;
  return grown;
}

function pageBit(keys: KeySet, namespace: number, id: number): boolean {
  const page = keys.pages[namespace]?.[id >>> KEY_PAGE_BITS];
  return page !== undefined && (page[(id >>> 5) & (PAGE_WORDS - 1)] & (1 << (id & 31))) !== 0;
}

function setPageBit(keys: KeySet, namespace: number, id: number, on: boolean): void {
  const pages = keys.pages[namespace] ?? (keys.pages[namespace] = []);
  const index = id >>> KEY_PAGE_BITS;
  const page = pages[index] ?? (pages[index] = new Uint32Array(PAGE_WORDS));
  const word = (id >>> 5) & (PAGE_WORDS - 1);
  if (on) page[word] |= 1 << (id & 31);
  else {
    page[word] &= ~(1 << (id & 31));
    if (page[word] === 0 && page.every((w) => w === 0)) pages[index] = undefined;
  }
}

export function hasKey(keys: KeySet, namespace: number, id: number): boolean {
  if (2 * namespace + 1 >= keys.marks.length) return false;
  return id < keys.marks[2 * namespace] || pageBit(keys, namespace, id);
}

/**
 * Records a key; false if it was already there. The hot loops inline the in-order case and
 * call this for everything else.
 */
export function addKey(keys: KeySet, namespace: number, id: number): boolean {
  const marks = ensureNamespace(keys, namespace);
  const next = marks[2 * namespace];
  if (id < next || pageBit(keys, namespace, id)) return false;
  keys.size++;
  if (id !== next) {
    setPageBit(keys, namespace, id, true);
    marks[2 * namespace + 1]++;
    return true;
  }
  let mark = next + 1;
  while (marks[2 * namespace + 1] > 0 && pageBit(keys, namespace, mark)) {
    setPageBit(keys, namespace, mark, false);
    marks[2 * namespace + 1]--;
    mark++;
  }
  marks[2 * namespace] = mark;
  return true;
}

/** Adds every key of `from` to `into` (set union). */
export function mergeKeySets(into: KeySet, from: KeySet): void {
  const namespaces = from.marks.length / 2;
  for (let namespace = 0; namespace < namespaces; namespace++) {
    const fromNext = from.marks[2 * namespace];
    if (fromNext === 0 && from.marks[2 * namespace + 1] === 0) continue;
    const marks = ensureNamespace(into, namespace);
    // Ids below the other mark: the gap above ours is added id by id (it is rare and short
    // for partitions of one stream), then held ids of `from` are added one by one.
    for (let id = marks[2 * namespace]; id < fromNext; id++) addKey(into, namespace, id);
    from.pages[namespace]?.forEach((page, index) => {
      if (page === undefined) return;
      for (let w = 0; w < PAGE_WORDS; w++) {
        for (let word = page[w]; word !== 0; word &= word - 1) {
          const bit = 31 - Math.clz32(word & -word);
          addKey(into, namespace, (index << KEY_PAGE_BITS) | (w << 5) | bit);
        }
      }
    });
  }
}
