/**
 * A battle room: the battle streams that creators of the world hold on one day, run together
 * so that each round pairs two of them (MODEL.md "Many creators": battles pair creators of the
 * same world; both audiences gift; repeated pairings cool down).
 *
 * Design. Each stream keeps its own StreamState, buffers (stream/scratch.ts) and battle seat (a
 * BattleFormat runtime), so its counters, gift-clock bound and row are exactly those of a
 * stream run alone and the loop is the same code (stream.ts handleEvent). The streams start at
 * the same second and last as long, so their rounds end together. Between two round ends the
 * pairs are fixed, and each pair's two streams are advanced in lockstep, always the one whose
 * next event comes first: when a gift candidate is judged in one stream, the other side's score
 * is its coins at that instant, so "behind" is exact, and each gift is its own viewer's to its
 * own creator (the pools are disjoint: world.ts). A stream without a partner that round runs
 * alone against an exogenous rival. At each round end every stream is brought to that instant,
 * every round is scored (each side against the other's coins of the same round), the seats are
 * paired again (formats/battle-pairing.ts) and the new rounds open. One joint event loop over
 * both audiences was the alternative; it would have needed a second bound, counters and row
 * per audience inside the loop, while lockstep costs one comparison per event and nothing at
 * all for a stream held alone. As in a stream alone, a round that ends with the stream is not
 * scored.
 */
import type { SimConfig } from "./config.js";
import type { BattleFormat } from "./formats/battle.js";
import { pairSeats } from "./formats/battle-pairing.js";
import { redraw } from "./stream/gift-clock.js";
import { createStreamScratch, type StreamScratch } from "./stream/scratch.js";
import type { StreamState } from "./stream/state.js";
import { closeStream, handleEvent, nextEventTime, openStream, reachEvent, runStream, runStreamUntil } from "./stream.js";
import { FORMAT_IDS } from "./vocabulary.js";
import type { World } from "./world.js";

/** Index of the battle format in FORMAT_IDS. */
export const BATTLE_FORMAT = FORMAT_IDS.indexOf("battle");

/** The battle streams of one day waiting for their room, in the order their creators came. */
export interface BattleNight {
  count: number;
  readonly creator: Int32Array;
  readonly daysSincePrevious: Float64Array;
}

/** Whether battle streams of `config` go to a room (else each is run alone at once). */
export function pairsInWorld(config: SimConfig): boolean {
  return config.formats.battle.opponents === "world" && config.creators.count > 1;
}

/** An empty night with room for every creator. */
export function createBattleNight(creatorCount: number): BattleNight {
  return { count: 0, creator: new Int32Array(creatorCount), daysSincePrevious: new Float64Array(creatorCount) };
}

/** Adds creator c's battle stream to the night. */
export function addBattleStream(night: BattleNight, c: number, daysSincePrevious: number): void {
  night.creator[night.count] = c;
  night.daysSincePrevious[night.count++] = daysSincePrevious;
}

/** Runs the night's battle streams on `day` (one alone, several in a room) and empties the night. */
export function runBattleNight(world: World, night: BattleNight, day: number): void {
  const count = night.count;
  night.count = 0;
  if (count === 1) runStream(world, night.creator[0], day, BATTLE_FORMAT, night.daysSincePrevious[0]);
  else if (count > 1) runRoom(world, night, count, day);
}

function runRoom(world: World, night: BattleNight, count: number, day: number): void {
  const first = world.formats[BATTLE_FORMAT] as BattleFormat;
  const { roundSeconds, freshPreference, pairingWindow } = world.config.formats.battle;
  const streams: StreamState[] = [];
  const seats: BattleFormat[] = [];
  for (let k = 0; k < count; k++) {
    const seat = first.seat(k);
    seat.roomed = true;
    seats.push(seat);
    streams.push(openStream(world, night.creator[k], day, BATTLE_FORMAT, seat, night.daysSincePrevious[k], scratchOf(world, k)));
  }
  // Pairing order: most followers first (ties by arrival in the night), fixed for the night.
  const order = Int32Array.from({ length: count }, (_, k) => k).sort((a, b) => world.creators.followerCount[night.creator[b]] - world.creators.followerCount[night.creator[a]] || a - b);
  const creator = Int32Array.from(order, (k) => night.creator[k]);
  const logAudience = Float64Array.from(order, (k) => Math.log1p(world.creators.followerCount[night.creator[k]]));
  const partner = new Int32Array(count);
  const durationSec = streams[0].durationSec;

  for (let t = 0; t + roundSeconds <= durationSec; t += roundSeconds) {
    if (t > 0) for (let k = 0; k < count; k++) closeRoundAt(streams[k], seats[k], t);
    pairSeats(count, creator, logAudience, first, freshPreference, pairingWindow, world.streams.pairing, partner);
    for (let i = 0; i < count; i++) {
      const a = order[i];
      if (partner[i] < 0) seats[a].openRivalRound(streams[a], t);
      else if (partner[i] > i) seats[a].openPairRound(streams[a], seats[order[partner[i]]], streams[order[partner[i]]], t);
    }
    for (let k = 0; k < count; k++) redraw(streams[k], t);
    const end = t + roundSeconds;
    for (let i = 0; i < count; i++) {
      if (partner[i] < 0) runStreamUntil(streams[order[i]], end);
      else if (partner[i] > i) runPairUntil(streams[order[i]], streams[order[partner[i]]], end);
    }
    if (end + roundSeconds > durationSec && end < durationSec) {
      for (let k = 0; k < count; k++) closeRoundAt(streams[k], seats[k], end);
      for (let k = 0; k < count; k++) redraw(streams[k], end);
    }
  }
  for (let k = 0; k < count; k++) {
    runStreamUntil(streams[k], durationSec);
    closeStream(streams[k]);
    seats[k].roomed = false;
  }
}

/** The round of `seat` ends at t: the stream is brought there and the round scored (the caller redraws the gift candidate). */
function closeRoundAt(s: StreamState, seat: BattleFormat, t: number): void {
  reachEvent(s, t);
  seat.closeRound(s);
}

/** Handles both streams' events before `until`, in time order (ties: a's first). */
function runPairUntil(a: StreamState, b: StreamState, until: number): void {
  for (;;) {
    const ta = nextEventTime(a);
    const tb = nextEventTime(b);
    if (ta <= tb) {
      if (ta >= until) return;
      handleEvent(a, ta);
    } else {
      if (tb >= until) return;
      handleEvent(b, tb);
    }
  }
}

/** The buffers of the k-th stream of a room: the world's own for the first. */
function scratchOf(world: World, k: number): StreamScratch {
  if (k === 0) return world;
  while (world.roomScratch.length < k) world.roomScratch.push(createStreamScratch());
  return world.roomScratch[k - 1];
}
