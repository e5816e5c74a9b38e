/**
 * Idempotency keys (namespace, id), e.g. (stream, seq). Sequence numbers arrive mostly in
 * order, so each namespace keeps a high-water mark: every id below `next` has been seen. An
 * in-order id costs one typed-array read and write. Ids that arrive ahead of the mark are
 * held in a sparse bitset (pages of 65,536 ids) until the mark catches up with them.
 * Layout of `marks`: [next, pending] per namespace, side by side so both share a cache line.
 */

export const KEY_PAGE_BITS = 16;
const PAGE_WORDS = (1 << KEY_PAGE_BITS) >>> 5;

/**
 * How far ahead of its stream's mark a gift's sequence number may be (2^22: at most 64 held
 * pages, 512 KB, per stream); further ahead is an invalid key.
 */
export const MAX_SEQ_AHEAD = 1 << 22;

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

function pageFor(keys: KeySet, namespace: number, id: number): Uint32Array {
  const pages = keys.pages[namespace] ?? (keys.pages[namespace] = []);
  const index = id >>> KEY_PAGE_BITS;
  return pages[index] ?? (pages[index] = new Uint32Array(PAGE_WORDS));
}

export function hasKey(keys: KeySet, namespace: number, id: number): boolean {
  if (2 * namespace + 1 >= keys.marks.length) return false;
  return id < keys.marks[2 * namespace] || pageBit(keys, namespace, id);
}

/**
 * Moves the mark of `namespace` up over held ids that now follow it without a gap, clearing
 * their bits (a whole word at a time where it can) and dropping pages the mark has passed.
 */
function advanceMark(keys: KeySet, namespace: number): void {
  const marks = keys.marks;
  const pages = keys.pages[namespace];
  let mark = marks[2 * namespace];
  let pending = marks[2 * namespace + 1];
  while (pending > 0 && pages !== undefined) {
    const page = pages[mark >>> KEY_PAGE_BITS];
    if (page === undefined) break;
    const word = (mark >>> 5) & (PAGE_WORDS - 1);
    if ((mark & 31) === 0 && page[word] === 0xffffffff) {
      page[word] = 0;
      pending -= 32;
      mark += 32;
    } else if ((page[word] & (1 << (mark & 31))) !== 0) {
      page[word] &= ~(1 << (mark & 31));
      pending--;
      mark++;
    } else break;
    if ((mark & ((1 << KEY_PAGE_BITS) - 1)) === 0) pages[(mark >>> KEY_PAGE_BITS) - 1] = undefined;
  }
  marks[2 * namespace] = mark;
  marks[2 * namespace + 1] = pending;
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
    const page = pageFor(keys, namespace, id);
    page[(id >>> 5) & (PAGE_WORDS - 1)] |= 1 << (id & 31);
    marks[2 * namespace + 1]++;
    return true;
  }
  marks[2 * namespace] = next + 1;
  if ((marks[2 * namespace] & ((1 << KEY_PAGE_BITS) - 1)) === 0) {
    const pages = keys.pages[namespace];
    if (pages !== undefined) pages[(next >>> KEY_PAGE_BITS)] = undefined;
  }
  advanceMark(keys, namespace);
  return true;
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Adds every key of `from` to `into` (set union), word by word, allocating only pages that
 * hold ids above both marks: the higher of the two marks becomes ours (every id below either
 * mark is in the union), held bits below it are dropped, the other set's held pages are OR-ed
 * in, and the mark then advances over whatever became contiguous.
 */
export function mergeKeySets(into: KeySet, from: KeySet): void {
  const namespaces = from.marks.length / 2;
  for (let namespace = 0; namespace < namespaces; namespace++) {
    const fromNext = from.marks[2 * namespace];
    if (fromNext === 0 && from.marks[2 * namespace + 1] === 0) continue;
    const marks = ensureNamespace(into, namespace);
    const before = marks[2 * namespace] + marks[2 * namespace + 1];
    const mark = Math.max(marks[2 * namespace], fromNext);
    from.pages[namespace]?.forEach((page, index) => {
      if (page === undefined || (index + 1) * (1 << KEY_PAGE_BITS) <= mark) return;
      const target = pageFor(into, namespace, index << KEY_PAGE_BITS);
      for (let w = 0; w < PAGE_WORDS; w++) target[w] |= page[w];
    });
    // Recount what is held at or above the new mark, clearing anything below it.
    let pending = 0;
    into.pages[namespace]?.forEach((page, index, pages) => {
      if (page === undefined) return;
      const pageStart = index * (1 << KEY_PAGE_BITS);
      if (pageStart + (1 << KEY_PAGE_BITS) <= mark) {
        pages[index] = undefined;
        return;
      }
      for (let w = 0; w < PAGE_WORDS; w++) {
        const wordStart = pageStart + w * 32;
        if (wordStart + 32 <= mark) page[w] = 0;
        else if (wordStart < mark) page[w] &= ~((1 << (mark - wordStart)) - 1);
        pending += popcount(page[w]);
      }
    });
    marks[2 * namespace] = mark;
    marks[2 * namespace + 1] = pending;
    advanceMark(into, namespace);
    into.size += marks[2 * namespace] + marks[2 * namespace + 1] - before;
  }
}
