/**
 * The buffers one running stream works in: its event queue and arrival run, the weighted set of present
 * viewers' gift weights, which viewer holds each slot, the free slots, and the stream's gifters
 * in order. They are kept between streams (they only grow), so a stream allocates nothing.
 * The world holds one set (World satisfies this interface) for the stream that runs alone;
 * a day room (day-room.ts) runs several streams at once, and each extra one takes its
 * own set from World.roomScratch. Per-viewer scratch (World.slotOf, arrivalTime, ...) is not
 * here: a viewer is a slot of one creator's pool (viewers.ts), so concurrent streams never share one.
 */
import { createArrivalRun, type ArrivalRun } from "../arrival-run.js";
import { createEventQueue, type EventQueue } from "../event-queue.js";
import { createWeightedSet, type WeightedSet } from "../weighted-set.js";

/** One stream's reusable buffers; the arrays are replaced by larger ones when they fill. */
export interface StreamScratch {
  readonly queue: EventQueue;
  /** Discovery arrivals, in time order (arrival-run.ts). */
  readonly discovery: ArrivalRun;
  readonly weights: WeightedSet;
  /** Watchers' departure clocks (watchers.ts). */
  readonly watchers: EventQueue;
  /** Present viewer of each weighted-set slot (-1 free). */
  slotViewer: Int32Array;
  /** Free slots, a stack. */
  freeSlots: Int32Array;
  /** Viewers present who never pay but keep a departure clock (stream/presence.ts): no slot. */
  slotless: Int32Array;
  /** Viewers who gifted in the stream, in order of their first gift there. */
  streamGifters: Int32Array;
}

/** Fresh buffers, sized as the world's own. */
export function createStreamScratch(): StreamScratch {
  return {
    queue: createEventQueue(4096),
    discovery: createArrivalRun(),
    weights: createWeightedSet(1024),
    watchers: createEventQueue(4096),
    slotViewer: new Int32Array(1024),
    freeSlots: new Int32Array(1024),
    slotless: new Int32Array(256),
    streamGifters: new Int32Array(256),
  };
}
