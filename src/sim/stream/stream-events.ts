/**
 * What the stream's event queue holds: a viewer id and an event kind packed into one payload
 * (viewer x 4 + kind), so the binary heap stays two typed arrays.
 */

/** A follower who decided to come (attendance.ts). */
export const ARRIVE_FOLLOWER = 0;
/** A pool viewer who found the stream (discovery, clips). */
export const ARRIVE_DISCOVERY = 1;
/** A viewer brought by a promotion. */
export const ARRIVE_PROMOTED = 2;
/** A present viewer's departure clock rang. */
export const DEPART = 3;

/** The queue payload of `kind` for `viewer`. */
export function eventPayload(viewer: number, kind: number): number {
  return viewer * 4 + kind;
}

/** The viewer of a payload. */
export function payloadViewer(payload: number): number {
  return payload >>> 2;
}

/** The kind of a payload. */
export function payloadKind(payload: number): number {
  return payload & 3;
}
