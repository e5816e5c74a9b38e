/**
 * One live stream, event by event (MODEL.md "Within a stream"). Arrivals (followers who decided
 * to come, discovery, promotion) are drawn up front into a binary heap; each present viewer holds
 * one departure clock, in the heap or, for a watcher, in a queue of the watchers' own (below).
 * Gifts are not per-viewer clocks: the stream holds one candidate gift time drawn from a bound
 * on the total gift hazard of everyone present,
 *
 *   bound = W x herding(N) x goal boosts x format bound x (1 + contagionStrength x c(now)),
 *   W = sum of present viewers' weights w(v) (a Fenwick tree),
 *
 * and at the candidate time a viewer is drawn in proportion to w(v) and accepted with the
 * ratio of their actual hazard to the bound (thinning). The contagion c(t) is a self-exciting
 * sum of recent gifts decaying with decaySeconds (Hawkes-type): it only decays between events,
 * so its current value bounds it. The candidate is redrawn only when the bound may have been
 * exceeded: after a gift candidate, a timer, or the arrival of someone who can gift; herding is
 * bounded at a few more viewers than are present, so arrivals of non-payers (most arrivals)
 * keep the bound until the crowd outgrows that margin. A departure only lowers the total, so
 * the candidate stands and its acceptance ratio is scaled by bound total / current total.
 * Exponential clocks are memoryless, so both redrawing and keeping a valid bound are exact.
 * Departures are thinned the same way while a viewer is engaged. Work is therefore
 * proportional to arrivals, departures and gift candidates, never to viewers x seconds.
 *
 * Discovery arrivals, drawn in time order, wait in a run of their own (arrival-run.ts) rather
 * than in the heap; the loop takes whichever of heap and run comes first. Viewers who never pay
 * and have no question waiting, most arrivals, are watchers (stream/watchers.ts): no slot, and
 * their departure clocks wait in a queue of their own, handled in time order before each event
 * (reachEvent), not as events. Events due at the same time are handled in one fixed order: the
 * format's timer, then the gift candidate, then queued events by payload (event-queue.ts), so
 * the order never depends on where they are kept.
 *
 * This file is the loop only. The stream's state is one StreamState (stream/state.ts); its
 * pieces are stream/arrivals.ts, stream/presence.ts (slots, departures), stream/watchers.ts,
 * stream/visit-end.ts, stream/presence-clock.ts (viewer-seconds),
 * stream/gift-clock.ts (the bound and thinning), stream/gifts.ts and stream/stream-row.ts;
 * creator tactics are plug-ins (tactics/), as formats are (formats/). A stream alone runs
 * runStream; a day room (day-room.ts) opens several and advances them in lockstep
 * through the same handleEvent.
 */
import { errors } from "../errors.js";
import { clearRun, nextArrivalPayload, nextArrivalTime, takeArrival } from "./arrival-run.js";
import { addEffort, performanceAfterRest } from "./creator-effort.js";
import { clearQueue, eventFirst, peekPayload, peekTime, popEvent } from "./event-queue.js";
import { scheduleArrivals } from "./stream/arrivals.js";
import { acceptCandidate, contagionAt, redraw } from "./stream/gift-clock.js";
import { sendGift } from "./stream/gifts.js";
import { arrive, departureCandidate, leaveEveryone } from "./stream/presence.js";
import { advance, closeBin } from "./stream/presence-clock.js";
import { clearWatchers, releaseWatchers } from "./stream/watchers.js";
import { BIN_SECONDS, StreamState } from "./stream/state.js";
import { DEPART, payloadKind, payloadViewer } from "./stream/stream-events.js";
import { nextEventTime } from "./stream/next-event.js";
import { finishStream } from "./stream/stream-row.js";
import type { StreamScratch } from "./stream/scratch.js";
import type { StreamFormat } from "./formats/index.js";
import { runningTactics } from "./tactics/index.js";
import { clearWeights } from "./weighted-set.js";
import type { World } from "./world.js";

/**
 * Runs creator `c`'s stream on `day` in format `formatIndex` (into FORMAT_IDS), appending its
 * row to the stream table.
 */
export function runStream(world: World, c: number, day: number, formatIndex: number, daysSincePrevious: number): void {
  const s = openStream(world, c, day, formatIndex, world.formats[formatIndex] ?? missingFormat(formatIndex), daysSincePrevious, world);
  runStreamUntil(s, s.durationSec);
  closeStream(s);
}

/**
 * Starts a stream in `format`'s runtime with its buffers in `scratch`: tactics start, arrivals
 * are queued, the format's first timer is set and the first gift candidate drawn. A day
 * room (day-room.ts) opens several, each with its own scratch and format seat.
 */
export function openStream(world: World, c: number, day: number, formatIndex: number, format: StreamFormat, daysSincePrevious: number, scratch: StreamScratch): StreamState {
  performanceAfterRest(world.creators, world.config.creators.fatigue, c, daysSincePrevious);
  const s = new StreamState(world, c, day, formatIndex, format, runningTactics(world.config), scratch);
  const tactics = s.tactics.all;
  for (let i = 0; i < tactics.length; i++) tactics[i].startStream(s);
  clearQueue(s.queue);
  clearRun(s.discovery);
  clearWeights(s.weights);
  clearWatchers(s);
  scheduleArrivals(s, daysSincePrevious);
  s.timer = format.startStream(s);
  redraw(s, 0);
  return s;
}

export { nextEventTime };

/** Handles every event of the stream before `until` (at most its end). */
export function runStreamUntil(s: StreamState, until: number): void {
  for (;;) {
    s.due = nextEventTime(s);
    if (s.due >= until) return;
    handleDue(s);
  }
}

/** Brings the stream's clock to an event at t (the watchers due gone, presence integrated, the event counted and budgeted). */
export function reachEvent(s: StreamState, t: number): void {
  if (s.watchers.size > 0 && s.watchers.time[0] < t) releaseWatchers(s, t);
  advance(s, t);
  const tally = s.tally;
  if (++tally.events > s.world.eventBudget) throw errors.replicateRunaway("events", tally.events, s.world.eventBudget);
  s.now = t;
}

/** Handles the stream's event at `next` (nextEventTime): a day room's step (a stream alone runs runStreamUntil). */
export function handleEvent(s: StreamState, next: number): void {
  s.due = next;
  handleDue(s);
}

/**
 * Handles the stream's event at s.due. The loop hands the time over in a field, and the steps
 * below read it as s.now: a double passed to a call that is not inlined is boxed on the heap,
 * which at several calls per event was most of what the loop allocated.
 */
function handleDue(s: StreamState): void {
  const next = s.due;
  reachEvent(s, next);
  let boundStale = true;
  // A timer first: a bound may hold only until the timer (a round's end) fires.
  if (next === s.timer) {
    s.timer = s.format.onTimer(s, next);
  } else if (next === s.giftTime) {
    if (s.giftReal) {
      s.contagionNow = contagionAt(s, next);
      const slot = acceptCandidate(s);
      if (slot >= 0) sendGift(s, slot);
    }
  } else {
    const payload = queueFirst(s, next) ? popEvent(s.queue) : takeArrival(s.discovery);
    const v = payloadViewer(payload);
    const kind = payloadKind(payload);
    if (kind === DEPART) {
      departureCandidate(s, v);
      boundStale = !s.lazyBound;
    } else {
      const canGift = arrive(s, v, kind);
      boundStale = !s.lazyBound || canGift || s.present > s.presentLimit;
    }
  }
  if (boundStale) redraw(s, next);
}

/** Whether the queue's event at `next` comes before the discovery run's, in (time, payload) order (event-queue.ts). */
function queueFirst(s: StreamState, next: number): boolean {
  if (peekTime(s.queue) !== next) return false;
  return nextArrivalTime(s.discovery) !== next || eventFirst(next, peekPayload(s.queue), next, nextArrivalPayload(s.discovery));
}

/** Ends the stream: everyone leaves, the format and tactics finish, and its row is written. */
export function closeStream(s: StreamState): void {
  const durationSec = s.durationSec;
  releaseWatchers(s, durationSec);
  advance(s, durationSec);
  leaveEveryone(s);
  closeBin(s, durationSec - (s.binEnd - BIN_SECONDS));
  s.format.endStream(s, durationSec);
  const tactics = s.tactics.all;
  for (let i = 0; i < tactics.length; i++) tactics[i].endStream(s);
  finishStream(s);
  addEffort(s.creators, s.creator, durationSec);
}

/** World creation makes a runtime for every format of the rotation; reaching here is a bug. */
export function missingFormat(formatIndex: number): never {
  throw new Error(`format ${formatIndex} has no runtime`);
}
