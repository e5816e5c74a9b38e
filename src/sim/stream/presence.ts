/**
 * Who is in the stream: a viewer takes a slot of the weighted set on arrival (holding their
 * gift weight there) and one departure clock in the event queue, and frees both on leaving.
 * Presence is integrated over time here too (viewer-seconds, and the herding regression's
 * 5-minute bins).
 */
import { afterVisit } from "../attendance.js";
import { pushEvent } from "../event-queue.js";
import { RETENTION_MINUTES } from "../metric-names.js";
import { exponential } from "../random.js";
import { canGift } from "../spending.js";
import { addHerdingBin } from "../tally.js";
import { drawViewer } from "../viewers.js";
import { ensureSlots, setWeight } from "../weighted-set.js";
import { giftWeight } from "./gift-weight.js";
import { BIN_SECONDS, type StreamState } from "./state.js";
import { ARRIVE_PROMOTED, DEPART, eventPayload } from "./stream-events.js";
import { FLAG_EXHAUSTED } from "./viewer-flags.js";

/** Integrates presence up to t, closing every herding bin that ends on the way. */
export function advance(s: StreamState, t: number): void {
  while (t >= s.binEnd) {
    s.binViewerSeconds += s.present * (s.binEnd - s.lastTime);
    s.viewerSeconds += s.present * (s.binEnd - s.lastTime);
    s.lastTime = s.binEnd;
    closeBin(s, BIN_SECONDS);
    s.binEnd += BIN_SECONDS;
  }
  s.binViewerSeconds += s.present * (t - s.lastTime);
  s.viewerSeconds += s.present * (t - s.lastTime);
  s.lastTime = t;
}

/** Adds the current bin, `seconds` long, to the herding regression and starts the next. */
export function closeBin(s: StreamState, seconds: number): void {
  addHerdingBin(s.tally, s.binViewerSeconds, seconds, s.binGifts);
  s.binViewerSeconds = 0;
  s.binGifts = 0;
}

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
  if (people.presentIn[p] !== 0) {
    s.tally.busyArrivals++;
    return false;
  }
  people.presentIn[p] = s.streamKey;
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
  slotOf[v] = slot + 1;
  s.present++;
  if (s.present > s.peak) s.peak = s.present;
  s.arrivalTime[v] = t;
  s.payoffAtArrival[v] = s.payoffSum;
  if (s.seenInStream[v] !== s.streamKey) firstVisitThisStream(s, v, promoted);
  if (viewers.budgetMicros[v] > 0 && !canGift(s.spending, v, s.day)) s.flags[v] |= FLAG_EXHAUSTED;
  s.format.onArrival(s, v);
  const weight = giftWeight(s, v);
  setWeight(s.weights, slot, weight);
  pushEvent(s.queue, t + exponential(s.departureRandom, departureRate(s, v)), eventPayload(v, DEPART));
  return weight > 0;
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

function departureRate(s: StreamState, v: number): number {
  return 1 / (s.viewers.patienceSec[v] * (0.6 + 0.8 * s.viewers.affinity[v]) * s.format.dwell);
}

/** The viewer's departure clock rang now (s.now): an engaged viewer stays with some probability (thinning). */
export function departureCandidate(s: StreamState, v: number): void {
  const t = s.now;
  const engaged = s.format.holdsViewer(s, v) || t > s.format.crowdEngagedFrom(s) || crowdHeld(s);
  if (engaged && s.departureRandom.uniform() >= s.config.gifting.engagedDepartureFactor) {
    pushEvent(s.queue, t + exponential(s.departureRandom, departureRate(s, v)), eventPayload(v, DEPART));
    return;
  }
  leave(s, v);
}

/** The viewer leaves now (s.now): their slot is freed and the visit counted. */
function leave(s: StreamState, v: number): void {
  const { world, slotOf, tally } = s;
  const t = s.now;
  const slot = slotOf[v] - 1;
  setWeight(s.weights, slot, 0);
  slotOf[v] = 0;
  // Released at the stream's end in time (releasePresence), the person may be in another stream by now.
  const p = s.viewers.person[v];
  if (s.people.presentIn[p] === s.streamKey) s.people.presentIn[p] = 0;
  s.slotViewer[slot] = -1;
  s.freeSlots[s.freeCount++] = slot;
  s.present--;
  const watch = t - s.arrivalTime[v];
  if (world.onVisit !== undefined) world.onVisit(s.viewers.person[v], s.creator, s.day, s.startSecond + s.arrivalTime[v], s.startSecond + t);
  s.visits++;
  s.watchSeconds += watch;
  for (let i = 0; i < RETENTION_MINUTES.length && watch >= RETENTION_MINUTES[i] * 60; i++) {
    tally.retained[i]++;
    s.retained[i]++;
  }
  let bonus = s.payoffSum - s.payoffAtArrival[v] + s.format.satisfactionBonus(s, v);
  const tactics = s.tactics.satisfying;
  for (let i = 0; i < tactics.length; i++) bonus += tactics[i].satisfactionBonus(s, v);
  const expected = 1 / departureRate(s, v);
  s.newFollowers += afterVisit(world, s.config, s.creator, v, watch, expected, s.performance, bonus);
}

/**
 * The stream has reached its end in the day's time: everyone still present is free to arrive in
 * another stream from now on. A day room (day-room.ts) calls this when the stream's end comes up
 * among the other streams' events, and closes the stream (leaveEveryone, its row) only when the
 * room ends, so that rows and draws keep the room's order.
 */
export function releasePresence(s: StreamState): void {
  const { people, viewers } = s;
  for (let slot = 0; slot < s.slotsUsed; slot++) {
    const v = s.slotViewer[slot];
    if (v < 0 || s.slotOf[v] !== slot + 1) continue;
    const p = viewers.person[v];
    if (people.presentIn[p] === s.streamKey) people.presentIn[p] = 0;
  }
}

/** Everyone still present leaves at the end of the stream (which becomes its now). */
export function leaveEveryone(s: StreamState): void {
  s.now = s.durationSec;
  for (let slot = 0; slot < s.slotsUsed; slot++) {
    const v = s.slotViewer[slot];
    if (v >= 0 && s.slotOf[v] === slot + 1) leave(s, v);
  }
}

/** Whether a tactic engages everyone present now. */
export function crowdHeld(s: StreamState): boolean {
  const tactics = s.tactics.engaging;
  for (let i = 0; i < tactics.length; i++) if (tactics[i].holdsCrowd(s)) return true;
  return false;
}
