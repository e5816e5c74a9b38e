/**
 * Arrivals that are drawn in time order (a stream's discovery arrivals: a Poisson process
 * stepped forward), kept as a run read front to back instead of in the event heap. They are
 * most of a stream's queued arrivals; outside the heap each costs an append and a read rather
 * than a sift-up and a sift-down, and the heap they leave is smaller. The run keeps the heap's
 * order, (time, payload) (event-queue.ts eventFirst), so the two merge into one event order.
 * Typed arrays, grown when full and kept between streams, like the heap.
 */
import { eventFirst, growIfFull, type EventQueue } from "./event-queue.js";

/** The run: the queue's buffers (read in order rather than as a heap) and a read position. */
export interface ArrivalRun extends EventQueue {
  /** The next arrival to read (of `size` appended). */
  next: number;
}

/** An empty run with room for `capacity` arrivals before it grows. */
export function createArrivalRun(capacity = 1024): ArrivalRun {
  return { size: 0, next: 0, time: new Float64Array(capacity), payload: new Int32Array(capacity) };
}

/** Empties the run, keeping its buffers. */
export function clearRun(run: ArrivalRun): void {
  run.size = 0;
  run.next = 0;
}

/**
 * Appends an arrival; `time` is not earlier than the last one appended. One drawn at the same
 * time as those before it (a zero gap) moves ahead of any with a larger payload.
 */
export function appendArrival(run: ArrivalRun, time: number, payload: number): void {
  growIfFull(run);
  const { time: times, payload: payloads } = run;
  let i = run.size++;
  for (; i > run.next && eventFirst(time, payload, times[i - 1], payloads[i - 1]); i--) {
    times[i] = times[i - 1];
    payloads[i] = payloads[i - 1];
  }
  times[i] = time;
  payloads[i] = payload;
}

/** Time of the next arrival, or Infinity when the run is read. */
export function nextArrivalTime(run: ArrivalRun): number {
  return run.next < run.size ? run.time[run.next] : Number.POSITIVE_INFINITY;
}

/** Payload of the next arrival (the run is not read to its end). */
export function nextArrivalPayload(run: ArrivalRun): number {
  return run.payload[run.next];
}

/** Reads the next arrival and returns its payload (the caller read its time by nextArrivalTime). */
export function takeArrival(run: ArrivalRun): number {
  return run.payload[run.next++];
}
