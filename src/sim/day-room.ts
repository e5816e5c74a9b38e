/**
 * A day room: the streams of one day and one community that must run together, because their
 * times overlap and what happens in one bears on another (MODEL.md "Many creators": battles pair
 * creators of the same world; both audiences gift; a viewer watches at most one stream at a
 * time). With shared audiences (audience.overlap) every held stream of the community waits for
 * the room, so that a person present in one of them is not in another at once (people.ts
 * presentIn; stream/presence.ts counts who did not come); without overlap only battle streams do
 * (battles between creators of the world), and every other stream runs alone at once, as before.
 *
 * Design. Each stream keeps its own StreamState, buffers (stream/scratch.ts) and format runtime
 * (a battle seat, or a runtime of its place in the room), so its counters, gift-clock bound and
 * row are exactly those of a stream run alone and the loop is the same code (stream.ts
 * handleEvent). The room advances its streams in the order of their next events in absolute
 * time (start second + stream time; stream-order.ts), so every event of the day happens in time
 * order whatever stream it belongs to, and between events nothing but the stream handled changes.
 * Battle streams that start at the same second form a battle group, whose rounds end together: at
 * each round end (before any event at that instant) the group's streams are brought to it, every
 * round is scored (each side against the other's coins of the same round), the seats are paired
 * again (formats/battle-pairing.ts) and the new rounds open; a seat without a partner fights an
 * exogenous rival that round. As in a stream alone, a round that ends with the stream is not
 * scored. Work per event: one heap update over the room's streams and one comparison per battle
 * group; nothing is allocated per event, and a stream alone costs nothing of this.
 */
import type { SimConfig } from "./config.js";
import type { BattleFormat } from "./formats/battle.js";
import { pairSeats } from "./formats/battle-pairing.js";
import { FORMAT_FACTORIES, type StreamFormat } from "./formats/index.js";
import { redraw } from "./stream/gift-clock.js";
import { releasePresence } from "./stream/presence.js";
import { createStreamScratch, type StreamScratch } from "./stream/scratch.js";
import type { StreamState } from "./stream/state.js";
import { closeStream, handleEvent, missingFormat, nextEventTime, openStream, reachEvent, runStream } from "./stream.js";
import { createStreamOrder, firstStream, rekeyStream, type StreamOrder } from "./stream-order.js";
import { FORMAT_IDS } from "./vocabulary.js";
import type { World } from "./world.js";

/** Index of the battle format in FORMAT_IDS. */
export const BATTLE_FORMAT = FORMAT_IDS.indexOf("battle");

/** The streams of one day waiting for their room, in creator order. */
export interface DayRoom {
  count: number;
  readonly creator: Int32Array;
  readonly format: Int32Array;
  readonly daysSincePrevious: Float64Array;
}

/** Whether battle streams of `config` pair creators of the world (else each fights exogenous rivals). */
export function pairsInWorld(config: SimConfig): boolean {
  return config.formats.battle.opponents === "world" && config.creators.count > 1;
}

/** Whether a stream in `format` waits for the day room (else it runs alone at once). */
export function waitsForRoom(config: SimConfig, format: number): boolean {
  return config.audience.overlap || (format === BATTLE_FORMAT && pairsInWorld(config));
}

/** An empty room with space for every creator. */
export function createDayRoom(creatorCount: number): DayRoom {
  return { count: 0, creator: new Int32Array(creatorCount), format: new Int32Array(creatorCount), daysSincePrevious: new Float64Array(creatorCount) };
}

/** Adds creator c's stream of the day (creators in order). */
export function addToRoom(room: DayRoom, c: number, format: number, daysSincePrevious: number): void {
  room.creator[room.count] = c;
  room.format[room.count] = format;
  room.daysSincePrevious[room.count++] = daysSincePrevious;
}

/** Runs the day's waiting streams on `day` together (one alone as a stream alone), and empties the room. */
export function runDayRoom(world: World, room: DayRoom, day: number): void {
  const count = room.count;
  room.count = 0;
  if (count === 1) runStream(world, room.creator[0], day, room.format[0], room.daysSincePrevious[0]);
  else if (count > 1) runTogether(world, room, 0, count, day);
}

/** Battle streams of a room that start at the same second: their rounds end together. */
interface BattleGroup {
  /** Start second of the day. */
  readonly start: number;
  readonly durationSec: number;
  /** Room indices of the group's streams, in room order: rounds close and candidates redraw in it. */
  readonly members: Int32Array;
  /** The same, most followers first (ties by room order): the pairing order. */
  readonly order: Int32Array;
  readonly creator: Int32Array;
  readonly logAudience: Float64Array;
  readonly partner: Int32Array;
  /** Stream time of the next round end (or the first round's start), +Infinity when none is left. */
  next: number;
}

function runTogether(world: World, room: DayRoom, from: number, to: number, day: number): void {
  const count = to - from;
  const battle = world.formats[BATTLE_FORMAT] as BattleFormat | undefined;
  const paired = pairsInWorld(world.config);
  const streams: StreamState[] = [];
  const seats: (BattleFormat | null)[] = [];
  let battles = 0;
  for (let k = 0; k < count; k++) {
    const format = room.format[from + k];
    const seat = format === BATTLE_FORMAT && battle !== undefined ? battle.seat(battles++) : null;
    if (seat !== null) seat.roomed = paired;
    seats.push(seat);
    streams.push(openStream(world, room.creator[from + k], day, format, seat ?? runtimeAt(world, k, format), room.daysSincePrevious[from + k], scratchOf(world, k)));
  }
  for (const s of streams) s.peers = streams;
  const groups = paired ? battleGroups(world, streams, seats) : [];
  // 1 once a stream's end has come up in the day's time and its viewers are free (releasePresence).
  const released = new Uint8Array(count);
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) keys[k] = nextKey(streams[k], 0);
  const order = createStreamOrder(keys, tieRanks(count, groups));
  const { roundSeconds } = world.config.formats.battle;

  for (;;) {
    let group: BattleGroup | null = null;
    for (const g of groups) if (g.next < Number.POSITIVE_INFINITY && (group === null || g.start + g.next < group.start + group.next)) group = g;
    const k = firstStream(order);
    const key = order.key[k];
    // A round end comes before any event at its instant.
    if (group !== null && group.start + group.next <= key) {
      roundEnd(world, group, streams, seats as BattleFormat[], roundSeconds, order);
      continue;
    }
    if (key === Number.POSITIVE_INFINITY) break;
    const s = streams[k];
    if (nextEventTime(s) >= s.durationSec) {
      releasePresence(s);
      released[k] = 1;
    } else handleEvent(s, nextEventTime(s));
    rekeyStream(order, k, nextKey(s, released[k]));
  }
  for (let k = 0; k < count; k++) {
    closeStream(streams[k]);
    const seat = seats[k];
    if (seat !== null) seat.roomed = false;
  }
}

/**
 * Absolute second of the stream's next event within it; when it has none left, of its end (until
 * `released`: its viewers freed there), then +Infinity.
 */
function nextKey(s: StreamState, released: number): number {
  const next = nextEventTime(s);
  if (next < s.durationSec) return s.startSecond + next;
  return released === 0 ? s.startSecond + s.durationSec : Number.POSITIVE_INFINITY;
}

/**
 * Tie order of the room's streams: battle streams in their groups' pairing order (the side with
 * more followers first, as a pair has always run), then the others in room order.
 */
function tieRanks(count: number, groups: readonly BattleGroup[]): Int32Array {
  const rank = new Int32Array(count).fill(-1);
  let next = 0;
  for (const group of groups) for (const k of group.order) rank[k] = next++;
  for (let k = 0; k < count; k++) if (rank[k] < 0) rank[k] = next++;
  return rank;
}

/** The room's battle streams grouped by start second, in the order of first appearance. */
function battleGroups(world: World, streams: readonly StreamState[], seats: readonly (BattleFormat | null)[]): BattleGroup[] {
  const starts = [...new Set(streams.filter((_, k) => seats[k] !== null).map((s) => s.startSecond))];
  const followers = world.creators.followerCount;
  return starts.map((start) => {
    const members = streams.flatMap((s, k) => (seats[k] !== null && s.startSecond === start ? [k] : []));
    // Pairing order: most followers first (ties by room order), fixed for the night.
    const order = Int32Array.from(members).sort((a, b) => followers[streams[b].creator] - followers[streams[a].creator] || a - b);
    return {
      start,
      durationSec: streams[members[0]].durationSec,
      members: Int32Array.from(members),
      order,
      creator: Int32Array.from(order, (k) => streams[k].creator),
      logAudience: Float64Array.from(order, (k) => Math.log1p(followers[streams[k].creator])),
      partner: new Int32Array(order.length),
      next: streams[members[0]].durationSec > 0 ? 0 : Number.POSITIVE_INFINITY,
    };
  });
}

/**
 * The group's round boundary at stream time t: the rounds ending now are scored (not at the
 * first start), and while a whole round fits before the end the seats are paired and new rounds
 * open; every stream of the group then redraws its gift candidate.
 */
function roundEnd(world: World, group: BattleGroup, streams: readonly StreamState[], seats: readonly BattleFormat[], roundSeconds: number, next: StreamOrder): void {
  const t = group.next;
  const members = group.members;
  const order = group.order;
  if (t > 0) {
    for (let i = 0; i < members.length; i++) {
      reachEvent(streams[members[i]], t);
      seats[members[i]].closeRound(streams[members[i]]);
    }
  }
  if (t + roundSeconds <= group.durationSec) {
    const { freshPreference, pairingWindow } = world.config.formats.battle;
    const partner = group.partner;
    pairSeats(order.length, group.creator, group.logAudience, seats[order[0]], freshPreference, pairingWindow, world.streams.pairing, partner);
    for (let i = 0; i < order.length; i++) {
      const a = order[i];
      if (partner[i] < 0) seats[a].openRivalRound(streams[a], t);
      else if (partner[i] > i) seats[a].openPairRound(streams[a], seats[order[partner[i]]], streams[order[partner[i]]], t);
    }
  }
  for (let i = 0; i < members.length; i++) {
    redraw(streams[members[i]], t);
    rekeyStream(next, members[i], nextKey(streams[members[i]], 0));
  }
  group.next = t + roundSeconds < group.durationSec ? t + roundSeconds : Number.POSITIVE_INFINITY;
}

/** The buffers of the k-th stream of a room: the world's own for the first. */
function scratchOf(world: World, k: number): StreamScratch {
  if (k === 0) return world;
  while (world.roomScratch.length < k) world.roomScratch.push(createStreamScratch());
  return world.roomScratch[k - 1];
}

/**
 * The runtime of `format` for the k-th stream of a room: the world's own for the first, else one
 * made for that place on first use (a runtime holds its stream's state, so two streams running at
 * once need two).
 */
function runtimeAt(world: World, k: number, format: number): StreamFormat {
  if (k === 0) return world.formats[format] ?? missingFormat(format);
  while (world.roomFormats.length < k) world.roomFormats.push([]);
  const runtimes = world.roomFormats[k - 1];
  return (runtimes[format] ??= FORMAT_FACTORIES[FORMAT_IDS[format]](world.config, world.viewers.count, world.creators.count));
}
