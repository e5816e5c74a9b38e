/**
 * Common random numbers. A replicate's randomness is split into one stream per purpose, each
 * seeded from (replicate seed, purpose), and the streams whose draws an arm's difference would
 * shift are restarted at a key (random.ts KeyedRandom): per viewer, per (viewer, day) or per
 * stream. The replicate seed does not depend on the arm or sweep point (run/seed.ts), so two
 * arms of one replicate index draw the same creators, the same viewers with the same traits,
 * the same held slots and the same follower decisions wherever their states agree, and each
 * stream of theirs starts from the same random state: a comparison of the arms pays only for
 * what their difference changes, not for the whole between-replicate spread.
 */
import { createRandom, type KeyedRandom, type Random } from "./random.js";

/** The streams of one replicate, by purpose. */
export interface RandomStreams {
  /** Creator quality, drawn once per replicate. */
  readonly creators: Random;
  /** A viewer's traits and starting follower state, restarted per viewer (viewers.ts drawViewer). */
  readonly traits: KeyedRandom;
  /** Whether each scheduled slot is held (one draw per creator and slot in every arm alike). */
  readonly schedule: Random;
  /** A follower's unfollow, attend and arrival-time draws, restarted per (viewer, day) (attendance.ts). */
  readonly attendance: KeyedRandom;
  // The streams below are restarted per stream, at (creator, day): restartForStream.
  /** Discovery and promotion arrivals: times and which pool viewers. */
  readonly arrivals: KeyedRandom;
  /** Departure clocks and an engaged viewer's staying. */
  readonly departures: KeyedRandom;
  /** The gift clock: candidate times, the candidate viewer and the thinning acceptance. */
  readonly giftClock: KeyedRandom;
  /** Which gift a gifter sends and the combo count (spending.ts). */
  readonly giftChoice: KeyedRandom;
  /** A newcomer's decision to follow after a visit (attendance.ts afterVisit). */
  readonly follow: KeyedRandom;
  /** The format's own draws (questions asked, battle rivals): StreamContext.random. */
  readonly format: KeyedRandom;
  /** Ties between equally good battle pairings in a day room. */
  readonly pairing: KeyedRandom;
  /** The follow graph: each person's pools, keyed per person, and each pool's order, keyed per creator (follow-graph.ts). */
  readonly audience: KeyedRandom;
}

/** The purposes, in the order their streams are made; the name is part of each stream's seed. */
const PURPOSES = ["creators", "traits", "schedule", "attendance", "arrivals", "departures", "giftClock", "giftChoice", "follow", "format", "pairing", "audience"] as const;

/** Every stream of a replicate from its seed string (once per replicate: one Mash per purpose). */
export function createRandomStreams(seed: string): RandomStreams {
  const streams = {} as Record<(typeof PURPOSES)[number], KeyedRandom>;
  for (const purpose of PURPOSES) streams[purpose] = createRandom(`${seed}/${purpose}`);
  return streams;
}

/**
 * Restarts the in-stream streams at (creator, day) when a stream opens, so that a stream of
 * one arm starts from the random state its counterpart in the other arm starts from, however
 * differently earlier streams drew. A day room's streams, opened together, share the state
 * the last of them set.
 */
export function restartForStream(streams: RandomStreams, creator: number, day: number): void {
  streams.arrivals.rekey(creator, day);
  streams.departures.rekey(creator, day);
  streams.giftClock.rekey(creator, day);
  streams.giftChoice.rekey(creator, day);
  streams.follow.rekey(creator, day);
  streams.format.rekey(creator, day);
  streams.pairing.rekey(creator, day);
}
