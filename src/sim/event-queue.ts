/**
 * A binary min-heap of (time, payload) on typed arrays: the stream's future arrivals and
 * departures. No objects per event; capacity doubles when needed and is kept between streams.
 *
 * Events due at the same time come out in payload order (eventFirst). Equal times are not rare:
 * uniforms have 32 bits, so two followers can draw the same arrival time. With the order fixed
 * by (time, payload) alone, which event comes first no longer depends on the heap's layout,
 * so the event order is a function of the events queued, however the engine stores them.
 */
export interface EventQueue {
  size: number;
  time: Float64Array;
  payload: Int32Array;
}

/** An empty queue with room for `capacity` events before it grows. */
export function createEventQueue(capacity = 1024): EventQueue {
  return { size: 0, time: new Float64Array(capacity), payload: new Int32Array(capacity) };
}

/** Empties the queue, keeping its buffers. */
export function clearQueue(queue: EventQueue): void {
  queue.size = 0;
}

/** Whether event (timeA, payloadA) is handled before (timeB, payloadB): earlier, or as early with a smaller payload. */
export function eventFirst(timeA: number, payloadA: number, timeB: number, payloadB: number): boolean {
  return timeA < timeB || (timeA === timeB && payloadA < payloadB);
}

/** Doubles the buffers of a full store of events (the queue, an arrival run), keeping what it holds. */
export function growIfFull(events: EventQueue): void {
  if (events.size < events.time.length) return;
  const grownTime = new Float64Array(events.size * 2);
  const grownPayload = new Int32Array(events.size * 2);
  grownTime.set(events.time);
  grownPayload.set(events.payload);
  events.time = grownTime;
  events.payload = grownPayload;
}

/** Adds an event (sift-up). */
export function pushEvent(queue: EventQueue, time: number, payload: number): void {
  growIfFull(queue);
  const { time: times, payload: payloads } = queue;
  let i = queue.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!eventFirst(time, payload, times[parent], payloads[parent])) break;
    times[i] = times[parent];
    payloads[i] = payloads[parent];
    i = parent;
  }
  times[i] = time;
  payloads[i] = payload;
}

/** Time of the earliest event, or Infinity when empty. */
export function peekTime(queue: EventQueue): number {
  return queue.size > 0 ? queue.time[0] : Number.POSITIVE_INFINITY;
}

/** Payload of the earliest event (the queue is not empty). */
export function peekPayload(queue: EventQueue): number {
  return queue.payload[0];
}

/** Removes the earliest event and returns its payload (the caller read its time by peekTime). */
export function popEvent(queue: EventQueue): number {
  const { time: times, payload: payloads } = queue;
  const top = payloads[0];
  const last = --queue.size;
  if (last === 0) return top;
  const time = times[last];
  const payload = payloads[last];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= last) break;
    if (child + 1 < last && eventFirst(times[child + 1], payloads[child + 1], times[child], payloads[child])) child++;
    if (!eventFirst(times[child], payloads[child], time, payload)) break;
    times[i] = times[child];
    payloads[i] = payloads[child];
    i = child;
  }
  times[i] = time;
  payloads[i] = payload;
  return top;
}
