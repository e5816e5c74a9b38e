/**
 * A tally of applied events that a server and a load client can both keep and compare: how
 * many, how many coins they moved, and a checksum of their idempotency keys. The checksum is
 * a sum of two independent 32-bit hashes of each key, so it does not depend on the order
 * events were applied in, and a lost or a doubled event changes it (a sum, unlike an xor, does
 * not cancel a key counted twice). Equal count, coins and checksum mean the same set of keys,
 * up to a chance of about 2^-64 for an accidental match.
 */

export interface EventTally {
  count: number;
  /** Coins moved by the events (gift price x count, or bundle coins), exact below 2^53. */
  coins: number;
  /** The two hash lanes, each a uint32 sum modulo 2^32. */
  laneA: number;
  laneB: number;
}

/** A tally as JSON: the checksum as 16 hex digits. */
export interface WireTally {
  count: number;
  coins: number;
  checksum: string;
}

/** A tally of no events. */
export function emptyTally(): EventTally {
  return { count: 0, coins: 0, laneA: 0, laneB: 0 };
}

/** murmur3's 32-bit finalizer: a bijection that spreads every input bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Adds one event with key (namespace, id), e.g. (stream, seq) or (0, order). */
export function tallyEvent(tally: EventTally, namespace: number, id: number, coins: number): void {
  tally.count++;
  tally.coins += coins;
  // Two different constructions, so a pair of keys colliding in one lane is unlikely to collide in the other.
  tally.laneA = (tally.laneA + fmix32(fmix32(namespace ^ 0x9e3779b9) ^ id)) >>> 0;
  tally.laneB = (tally.laneB + fmix32(fmix32(id ^ 0x7f4a7c15) + Math.imul(namespace, 0x27d4eb2f))) >>> 0;
}

/** The tally of both sets of events (assumed disjoint). */
export function addTallies(a: EventTally, b: EventTally): EventTally {
  return { count: a.count + b.count, coins: a.coins + b.coins, laneA: (a.laneA + b.laneA) >>> 0, laneB: (a.laneB + b.laneB) >>> 0 };
}

/** What was added between two readings of a growing tally. */
export function subtractTallies(after: EventTally, before: EventTally): EventTally {
  return {
    count: after.count - before.count,
    coins: after.coins - before.coins,
    laneA: (after.laneA - before.laneA) >>> 0,
    laneB: (after.laneB - before.laneB) >>> 0,
  };
}

/** True when count, coins and both checksum lanes agree. */
export function sameTally(a: EventTally, b: EventTally): boolean {
  return a.count === b.count && a.coins === b.coins && a.laneA === b.laneA && a.laneB === b.laneB;
}

/** A tally as JSON (see WireTally). */
export function tallyToWire(tally: EventTally): WireTally {
  const hex = (lane: number) => lane.toString(16).padStart(8, "0");
  return { count: tally.count, coins: tally.coins, checksum: `${hex(tally.laneA)}${hex(tally.laneB)}` };
}

/** Reads a tally from JSON; undefined unless it has the wire shape. */
export function tallyFromWire(wire: unknown): EventTally | undefined {
  if (wire === null || typeof wire !== "object") return undefined;
  const { count, coins, checksum } = wire as Record<string, unknown>;
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(coins) || typeof checksum !== "string" || !/^[0-9a-f]{16}$/.test(checksum)) {
    return undefined;
  }
  return { count: count as number, coins: coins as number, laneA: parseInt(checksum.slice(0, 8), 16), laneB: parseInt(checksum.slice(8), 16) };
}
