/**
 * Viewers who never pay (no budget and no coins) and whom nothing of their own engages (no
 * question of theirs waiting): "watchers", most arrivals. Nothing of the gift clock depends on a
 * watcher but the count present, so a watcher takes no slot of the weighted set and their
 * departure clock is not an event of the loop: it waits in a queue of the watchers' own, and before each event of the loop the clocks that
 * rang since the previous one are handled in time order, presence integrated up to each.
 *
 * That is the one-by-one model: the clock is drawn on arrival from the same departure stream,
 * and at each ring the watcher is engaged only if the crowd is (a battle round's last minute, a
 * goal bar near its goal), which changes only at the loop's events, so the state between two
 * events is the state at the ring; an engaged watcher stays with probability
 * 1 - engagedDepartureFactor, drawn then, and their clock rings again. A watcher's visit ends as
 * any visit does (visit-end.ts), with the payoffs of that moment. A clock that rings at the very
 * instant of an event is handled after it. What moves is which number goes where, never how it
 * is drawn: a gift candidate's draw lands on other slots (watchers hold none), the viewers left
 * at a stream's end leave in another order (payers, then the held, then watchers) among the
 * follow draws, and in a day room, whose streams share their in-stream random streams, a ring
 * handled at its stream's next event takes its numbers in another interleaving with the other
 * streams'. So outputs equal those of every departure as an event
 * (ReplicateOptions.watchersInBulk false, kept for the accuracy test) in distribution, not bit
 * for bit.
 *
 * Where people's pools overlap, a person watching one stream of a day room is busy for the
 * others. A watcher's clock that rang since their stream's last event has not been handled yet
 * when another stream's arrival asks, so that stream's watchers are handled up to the asking
 * instant first (leftAsWatcher): the room runs its streams in the day's time order, so nothing of
 * that stream happened between its last event and that instant.
 */
import { clearQueue, peekTime, popEvent, pushEvent } from "../event-queue.js";
import { exponential } from "../random.js";
import { nextEventTime } from "./next-event.js";
import { advance } from "./presence-clock.js";
import type { StreamState } from "./state.js";
import { crowdHeld, departureRate, endVisit, freePerson } from "./visit-end.js";

/** What slotOf holds for a present watcher (a present viewer with a slot holds slot + 1). */
export const WATCHING = -1;

/** Empties the stream's watchers. */
export function clearWatchers(s: StreamState): void {
  clearQueue(s.watchers);
}

/**
 * Whether the arriving viewer never pays: no budget and no coins, which no arm changes (a payer
 * whose month's budget is spent could be a watcher too, but whether they are differs between
 * arms, and a slot taken in one arm and not in the other would move every later gift draw).
 */
export function neverPays(s: StreamState, v: number): boolean {
  return s.viewers.budgetMicros[v] === 0 && s.people.wallet[s.viewers.person[v]] === 0;
}

/** The watcher arrived now (s.now; presence.ts arrive has marked them WATCHING): their departure clock is drawn and queued. */
export function queueWatcher(s: StreamState, v: number): void {
  pushEvent(s.watchers, s.now + exponential(s.departureRandom, departureRate(s, v)), v);
}

/** Handles every watcher's departure clock that rang before `t`, in time order. */
export function releaseWatchers(s: StreamState, t: number): void {
  const watchers = s.watchers;
  if (!(peekTime(watchers) < t)) return;
  // The crowd's engagement is one step until t: no event of the loop comes between.
  const engagedFrom = s.format.crowdEngagedFrom(s);
  const held = crowdHeld(s);
  while (peekTime(watchers) < t) {
    const ring = peekTime(watchers);
    const v = popEvent(watchers);
    advance(s, ring);
    s.now = ring;
    if ((held || ring > engagedFrom) && s.departureRandom.uniform() >= s.config.gifting.engagedDepartureFactor) {
      pushEvent(watchers, ring + exponential(s.departureRandom, departureRate(s, v)), v);
    } else leaveWatching(s, v);
  }
}

/**
 * Whether person p, present in another stream of the day room as far as presentIn says, has
 * left it by now (s.now): that stream's watchers' clocks are handled up to this instant first.
 */
export function leftAsWatcher(s: StreamState, p: number): boolean {
  const peers = s.peers;
  if (peers.length === 0) return false;
  const other = peers[s.people.presentIn[p] - peers[0].streamKey];
  if (other === undefined || other === s || other.watchers.size === 0) return false;
  // Never past the other stream's next event, should rounding of the two start seconds put it there.
  releaseWatchers(other, Math.min(s.startSecond + s.now - other.startSecond, nextEventTime(other)));
  return s.people.presentIn[p] === 0;
}

/** Every watcher still present leaves at the stream's end (which becomes its now). */
export function everyWatcherLeaves(s: StreamState): void {
  s.now = s.durationSec;
  while (s.watchers.size > 0) leaveWatching(s, popEvent(s.watchers));
}

/** Frees the people of every watcher still present for another stream (presence.ts releasePresence). */
export function releaseWatchingPeople(s: StreamState): void {
  const payloads = s.watchers.payload;
  for (let i = 0; i < s.watchers.size; i++) freePerson(s, payloads[i]);
}

function leaveWatching(s: StreamState, v: number): void {
  s.slotOf[v] = 0;
  freePerson(s, v);
  s.present--;
  endVisit(s, v);
}
