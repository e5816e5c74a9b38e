/**
 * When a stream's next event of the loop falls: an arrival or departure clock in the heap, the
 * next discovery arrival, the gift candidate or the format's timer (watchers' clocks are not
 * events: watchers.ts). Apart from the loop (stream.ts) so that a watcher's stream can be
 * brought no further than its next event when another stream of the room asks (watchers.ts).
 */
import { nextArrivalTime } from "../arrival-run.js";
import { peekTime } from "../event-queue.js";
import type { StreamState } from "./state.js";

/** Time of the stream's next event: an arrival or departure, the gift candidate or the format's timer. */
export function nextEventTime(s: StreamState): number {
  return Math.min(peekTime(s.queue), nextArrivalTime(s.discovery), s.giftTime, s.timer);
}
