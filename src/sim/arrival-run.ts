/**
 * Arrivals that are drawn in time order (a stream's discovery arrivals: a Poisson process
 * stepped forward), kept as a run read front to back instead of in the event heap. They are
 * most of a stream's queued arrivals; outside the heap each costs an append and a read rather
 * than a sift-up and a sift-down, and the heap they leave holds little more than departures.
 * Typed arrays, grown when full and kept between streams, like the heap.
 */
export interface ArrivalRun {
  /** Arrivals appended, and the next one to read. */
  size: number;
  next: number;
  time: Float64Array;
  viewer: Int32Array;
}

/** An empty run with room for `capacity` arrivals before it grows. */
export function createArrivalRun(capacity = 1024): ArrivalRun {
  return { size: 0, next: 0, time: new Float64Array(capacity), viewer: new Int32Array(capacity) };
}

/** Empties the run, keeping its buffers. */
export function clearRun(run: ArrivalRun): void {
  run.size = 0;
  run.next = 0;
}

/** Appends an arrival; `time` is not earlier than the last one appended (the run stays sorted). */
export function appendArrival(run: ArrivalRun, time: number, viewer: number): void {
  if (run.size === run.time.length) {
    const grownTime = new Float64Array(run.size * 2);
    const grownViewer = new Int32Array(run.size * 2);
    grownTime.set(run.time);
    grownViewer.set(run.viewer);
    run.time = grownTime;
    run.viewer = grownViewer;
  }
  run.time[run.size] = time;
  run.viewer[run.size++] = viewer;
}

/** Time of the next arrival, or Infinity when the run is read. */
export function nextArrivalTime(run: ArrivalRun): number {
  return run.next < run.size ? run.time[run.next] : Number.POSITIVE_INFINITY;
}

/** Reads the next arrival and returns its viewer (the caller read its time by nextArrivalTime). */
export function takeArrival(run: ArrivalRun): number {
  return run.viewer[run.next++];
}
