/**
 * What a stream format sees of the stream it runs in. The engine owns the state (StreamState in
 * stream/state.ts implements this interface); formats read it and call back through
 * `refreshWeight` when a viewer's gift hazard changes.
 */
import type { SimConfig } from "./config.js";
import type { Random } from "./random.js";
import type { People } from "./people.js";
import type { Viewers } from "./viewers.js";

/** Replicate-wide battle measures (pairing fatigue calibration). */
export interface BattleTotals {
  rounds: number;
  roundsWon: number;
  repeatRounds: number;
  /** Gift events and viewer-seconds in rounds against a fresh rival and against one met before. */
  freshGifts: number;
  freshViewerSeconds: number;
  repeatGifts: number;
  repeatViewerSeconds: number;
}

/** The running stream as formats see it. */
export interface StreamContext {
  readonly config: SimConfig;
  /** The format's own random stream, restarted per stream (random-streams.ts). */
  readonly random: Random;
  readonly viewers: Viewers;
  /** The people the viewers (pool slots) belong to: wallets and budgets shared across creators. */
  readonly people: People;
  /** Creator index of the stream. */
  creator: number;
  /** Length of the stream, seconds. */
  durationSec: number;
  /** Seconds since the stream started, as of the event being handled. */
  now: number;
  /** Viewers present. */
  present: number;
  /** Integral of viewers present over stream time so far, viewer-seconds. */
  viewerSeconds: number;
  /** Coins gifted so far in the stream. */
  coins: number;
  /** The creator's gifted coins per live second over its previous streams (a rival's yardstick). */
  typicalCoinsPerSecond: number;
  /**
   * Satisfaction payoffs announced so far to everyone present (goal reached, round won); a
   * viewer gets the part announced while they were present, without a loop over viewers.
   */
  payoffSum: number;
  /** Set by a format's hazardBound: the time until which the bound holds (Infinity by default). */
  boundUntil: number;
  /** Whether `viewer` is in the stream now. */
  isPresent(viewer: number): boolean;
  /** Recomputes a present viewer's gift-hazard weight after its state changed. */
  refreshWeight(viewer: number): void;
  /** Per-stream battle counters, added to the replicate's totals. */
  readonly battle: BattleTotals;
  /** Battle rounds fought and won in this stream, and rounds against a rival met before. */
  streamBattleRounds: number;
  streamBattleWins: number;
  streamBattleRepeats: number;
  goalsReached: number;
}
