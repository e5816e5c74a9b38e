/**
 * Who is in the stream: a payer takes a slot of the weighted set on arrival
 * (holding their gift weight there) and one departure clock in the event queue, and frees both
 * on leaving; a viewer who never pays is a watcher (watchers.ts), counted present with neither,
 * or, while something of their own engages them (a question waiting), keeps a departure clock
 * but no slot. So the slots, and which viewer a gift candidate's draw lands on, depend on the
 * payers alone: two arms of a replicate whose formats engage non-payers differently (Q&A
 * questions, challenge none) still draw the same gifters from the same numbers (common random
 * numbers, docs/model.md). With watchers in bulk off, every viewer takes a slot, as before them.
 */
import { pushEvent } from "../event-queue.js";
import { exponential } from "../random.js";
import { canGift } from "../spending.js";
import { drawViewer } from "../viewers.js";
import { ensureSlots, setWeight } from "../weighted-set.js";
import { giftWeight } from "./gift-weight.js";
import type { StreamState } from "./state.js";
import { ARRIVE_PROMOTED, DEPART, eventPayload } from "./stream-events.js";
import { FLAG_EXHAUSTED } from "./viewer-flags.js";
import { departureRate, endVisit, engaged, freePerson } from "./visit-end.js";
import { everyWatcherLeaves, leftAsWatcher, neverPays, queueWatcher, releaseWatchingPeople, WATCHING } from "./watchers.js";

/**
 * A viewer arrives now (s.now), if not already present; returns whether their gift weight is
 * above zero (a boolean, not the weight: a double returned from a call is boxed).
 */
export function arrive(s: StreamState, v: number, kind: number): boolean {
  const { world, slotOf, viewers, people } = s;
  if (slotOf[v] !== 0) return false;
  const t = s.now;
  const promoted = kind === ARRIVE_PROMOTED;
  if (viewers.drawn[v] === 0) drawViewer(viewers, people, v, s.config, world.tables, world.streams.traits, world.promotedRegion, promoted);
  // A person watches one stream at a time: present in another of the day room's streams, they do not come.
  const p = viewers.person[v];
  if (people.presentIn[p] !== 0 && !leftAsWatcher(s, p)) {
    s.tally.busyArrivals++;
    if (world.onTurnedAway !== undefined) world.onTurnedAway(p, s.creator, s.day, s.startSecond + t);
    return false;
  }
  people.presentIn[p] = s.streamKey;
  // Present from now (isPresent, for the format's arrival hook); a watcher stays so, anyone else takes a slot or is held below.
  slotOf[v] = WATCHING;
  s.present++;
  if (s.present > s.peak) s.peak = s.present;
  s.arrivalTime[v] = t;
  s.payoffAtArrival[v] = s.payoffSum;
  if (s.seenInStream[v] !== s.streamKey) firstVisitThisStream(s, v, promoted);
  if (viewers.budgetMicros[v] > 0 && !canGift(s.spending, v, s.day)) s.flags[v] |= FLAG_EXHAUSTED;
  s.format.onArrival(s, v);
  const weight = giftWeight(s, v);
  if (s.watchersInBulk && neverPays(s, v)) {
    if (s.format.holdsViewer(s, v)) holdWithoutSlot(s, v);
    else {
      queueWatcher(s, v);
      return false;
    }
  } else takeSlot(s, v, weight);
  pushEvent(s.queue, t + exponential(s.departureRandom, departureRate(s, v)), eventPayload(v, DEPART));
  return weight > 0;
}

/** Gives the arriving viewer a slot of the weighted set, holding their gift weight. */
function takeSlot(s: StreamState, v: number, weight: number): void {
  let slot: number;
  if (s.freeCount > 0) slot = s.freeSlots[--s.freeCount];
  else {
    slot = s.slotsUsed++;
    if (slot >= s.slotViewer.length) {
      const grown = new Int32Array(s.slotViewer.length * 2);
      grown.set(s.slotViewer);
      s.slotViewer = s.scratch.slotViewer = grown;
      s.freeSlots = s.scratch.freeSlots = new Int32Array(grown.length);
    }
    ensureSlots(s.weights, slot + 1);
  }
  s.slotViewer[slot] = v;
  s.slotOf[v] = slot + 1;
  setWeight(s.weights, slot, weight);
}

/** Present without a slot, by their index in the stream's list of them (slotOf holds -index - 2). */
function holdWithoutSlot(s: StreamState, v: number): void {
  if (s.slotlessCount === s.slotless.length) {
    const grown = new Int32Array(2 * s.slotless.length);
    grown.set(s.slotless);
    s.slotless = s.scratch.slotless = grown;
  }
  s.slotless[s.slotlessCount] = v;
  s.slotOf[v] = -s.slotlessCount - 2;
  s.slotlessCount++;
}

/** Takes the viewer off the list of those present without a slot (the last one moves into their place). */
function releaseWithoutSlot(s: StreamState, v: number): void {
  const at = -s.slotOf[v] - 2;
  const last = s.slotless[--s.slotlessCount];
  s.slotless[at] = last;
  s.slotOf[last] = -at - 2;
}

/** Counts the viewer's first visit to this stream (a viewer may leave and come back). */
function firstVisitThisStream(s: StreamState, v: number, promoted: boolean): void {
  const { viewers, people, tally, dayKey, month } = s;
  const p = viewers.person[v];
  s.seenInStream[v] = s.streamKey;
  s.streamCoins[v] = 0;
  s.flags[v] = 0;
  s.unique++;
  if (viewers.follower[v] === 1) s.followerViewers++;
  else s.newcomerViewers++;
  if (promoted) s.promotedViewers++;
  if (people.activeDay[p] === 0) tally.uniqueViewers++;
  if (people.activeDay[p] !== dayKey) {
    people.activeDay[p] = dayKey;
    tally.dayActive++;
  }
  if (people.activeMonth[p] !== month + 1) {
    people.activeMonth[p] = month + 1;
    tally.activeByMonth[month]++;
  }
  if (viewers.lastStreamOrdinal[v] === s.ordinal) s.creators.returners[s.creator]++;
  viewers.lastStreamOrdinal[v] = s.ordinal + 1;
  viewers.lastAttendDay[v] = dayKey;
}

/** The viewer's departure clock rang now (s.now): an engaged viewer stays with some probability (thinning). */
export function departureCandidate(s: StreamState, v: number): void {
  const t = s.now;
  if (engaged(s, v) && s.departureRandom.uniform() >= s.config.gifting.engagedDepartureFactor) {
    pushEvent(s.queue, t + exponential(s.departureRandom, departureRate(s, v)), eventPayload(v, DEPART));
    return;
  }
  leave(s, v);
}

/** The viewer leaves now (s.now): their slot is freed and the visit counted. */
function leave(s: StreamState, v: number): void {
  if (s.slotOf[v] > 0) {
    const slot = s.slotOf[v] - 1;
    setWeight(s.weights, slot, 0);
    s.slotViewer[slot] = -1;
    s.freeSlots[s.freeCount++] = slot;
  } else releaseWithoutSlot(s, v);
  s.slotOf[v] = 0;
  freePerson(s, v);
  s.present--;
  endVisit(s, v);
}

/**
 * The stream has reached its end in the day's time: everyone still present is free to arrive in
 * another stream from now on. A day room (day-room.ts) calls this when the stream's end comes up
 * among the other streams' events, and closes the stream (leaveEveryone, its row) only when the
 * room ends, so that rows and draws keep the room's order.
 */
export function releasePresence(s: StreamState): void {
  for (let slot = 0; slot < s.slotsUsed; slot++) {
    const v = s.slotViewer[slot];
    if (v >= 0 && s.slotOf[v] === slot + 1) freePerson(s, v);
  }
  for (let i = 0; i < s.slotlessCount; i++) freePerson(s, s.slotless[i]);
  releaseWatchingPeople(s);
}

/** Everyone still present leaves at the end of the stream (which becomes its now). */
export function leaveEveryone(s: StreamState): void {
  s.now = s.durationSec;
  for (let slot = 0; slot < s.slotsUsed; slot++) {
    const v = s.slotViewer[slot];
    if (v >= 0 && s.slotOf[v] === slot + 1) leave(s, v);
  }
  while (s.slotlessCount > 0) leave(s, s.slotless[s.slotlessCount - 1]);
  everyWatcherLeaves(s);
}
