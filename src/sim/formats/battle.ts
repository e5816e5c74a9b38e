/**
 * Battle (PK): back-to-back rounds of roundSeconds against an opponent. Gifting surges as a
 * round's end nears: viewer v's hazard is 1 + A x competitiveness(v) x exp(-(round end - t) /
 * surgeSeconds), raised by (1 + pride) while the team is behind (team pride), and gift choice
 * tilts to large gifts by 1 + sizeTiltAtEnd x the same surge term. Viewers within
 * engagedSeconds of a round's end are engaged (leave less). A won round pays winSatisfaction
 * to everyone present.
 *
 * The opponent is another creator of the world when `opponents` is "world" and that creator
 * holds a battle stream the same day: the streams then run together in a day room
 * (day-room.ts), which pairs them each round (battle-pairing.ts) and opens and closes the
 * rounds of its seats (one runtime of this class per stream in the room). Each side's score is
 * then its own viewers' coins in the round: a side is behind while its coins are below the
 * other's, and wins a round with more. Otherwise (one creator, a creator alone in battle that
 * day, or `opponents` "exogenous") the opponent is a rival outside the simulated economy: each
 * creator has a pool of rivalPool rivals, each with a strength drawn once (lognormal, median
 * rivalStrengthMedian, rivalStrengthSigma); a rival's round score grows as strength x the
 * creator's typical coins per second x round length x (elapsed share)^2, so it too surges at
 * the end. An exogenous round is a rematch of the last rival with probability
 * rematchProbability, else a draw from the pool.
 *
 * Diverse pairings raise gifting and repeated ones cool down (PACIS/ECIS 2021): with n the
 * rounds this pair (creator and rival, or two creators) fought before, the whole round's hazard
 * is multiplied by 1 + freshBoost x repeatDecay^n and the surge amplitude A is surgeAmplitude x
 * repeatDecay^n. Parameters: config.formats.battle, declared in battle-params.ts.
 */
import type { SimConfig } from "../config.js";
import { lognormal } from "../random.js";
import type { StreamContext } from "../stream-context.js";
import type { BattleParams } from "./battle-params.js";
import { BaseFormat, type StreamFormat } from "./format.js";

/** A creator with no history yet is matched as if it earned this many coins per second. */
const FALLBACK_COINS_PER_SECOND = 1;

/** Rounds each pair has fought, shared by every seat of a replicate. */
class BattleHistory {
  /** Rounds fought by each (creator, rival) pair, and each rival's strength (0 until first drawn). */
  readonly rivalRounds: Int32Array;
  readonly rivalStrength: Float64Array;
  readonly lastRival: Int32Array;
  /** Rounds fought by each pair of creators that has met, keyed lower x creatorCount + higher. */
  private readonly creatorRounds = new Map<number, number>();

  constructor(
    private readonly creatorCount: number,
    rivalPool: number,
  ) {
    this.rivalRounds = new Int32Array(creatorCount * rivalPool);
    this.rivalStrength = new Float64Array(creatorCount * rivalPool);
    this.lastRival = new Int32Array(creatorCount).fill(-1);
  }

  private key(a: number, b: number): number {
    return a < b ? a * this.creatorCount + b : b * this.creatorCount + a;
  }

  creatorPairRounds(a: number, b: number): number {
    return this.creatorRounds.get(this.key(a, b)) ?? 0;
  }

  addCreatorPairRound(a: number, b: number): void {
    const key = this.key(a, b);
    this.creatorRounds.set(key, (this.creatorRounds.get(key) ?? 0) + 1);
  }
}

/**
 * The battle format's runtime for one stream at a time: the current round against its
 * opponent. The replicate's first runtime serves streams held alone; a day room takes one
 * seat (a runtime sharing the same pairing history) per stream it runs.
 */
export class BattleFormat extends BaseFormat {
  readonly id = "battle";
  readonly dwell: number;
  private readonly p: BattleParams;
  private readonly history: BattleHistory;
  /** Every seat of the replicate, this one included (seat 0 is the first runtime). */
  private readonly seats: BattleFormat[];
  /** Whether this seat's stream runs in a day room, which then opens and closes its rounds. */
  roomed = false;
  /** The creator's seat fought in the current round; null against an exogenous rival. */
  private opponent: BattleFormat | null = null;
  private active = false;
  private roundStart = 0;
  private roundEnd = 0;
  private amplitude = 0;
  private novelty = 1;
  private roundCoins = 0;
  private roundGifts = 0;
  private rivalTarget = 0;
  private repeat = false;
  private viewerSecondsAtStart = 0;

  constructor(p: BattleParams, history: BattleHistory, seats: BattleFormat[]) {
    super();
    this.p = p;
    this.dwell = p.dwell;
    this.history = history;
    this.seats = seats;
    seats.push(this);
  }

  /** The k-th seat of a day room (0: this first runtime), made on first use. */
  seat(k: number): BattleFormat {
    while (this.seats.length <= k) new BattleFormat(this.p, this.history, this.seats);
    return this.seats[k];
  }

  /** Rounds creators a and b have fought each other so far. */
  roundsFought(a: number, b: number): number {
    return this.history.creatorPairRounds(a, b);
  }

  private surge(t: number): number {
    return Math.exp(-(this.roundEnd - t) / this.p.surgeSeconds);
  }

  private behind(t: number): boolean {
    const opponent = this.opponent;
    if (opponent !== null) return this.roundCoins < opponent.roundCoins;
    const elapsed = (t - this.roundStart) / this.p.roundSeconds;
    return this.roundCoins < this.rivalTarget * elapsed * elapsed;
  }

  /** Starts a round at t against `opponent` (null: rivalTarget is the rival's score) met n rounds before. */
  private beginRound(ctx: StreamContext, t: number, opponent: BattleFormat | null, n: number): number {
    const p = this.p;
    this.opponent = opponent;
    this.repeat = n > 0;
    const cooling = Math.pow(p.repeatDecay, n);
    this.amplitude = p.surgeAmplitude * cooling;
    this.novelty = 1 + p.freshBoost * cooling;
    this.roundStart = t;
    this.roundEnd = t + p.roundSeconds;
    this.roundCoins = 0;
    this.roundGifts = 0;
    this.viewerSecondsAtStart = ctx.viewerSeconds;
    this.active = true;
    return this.roundEnd;
  }

  /** Starts a round at t against an exogenous rival; returns the round's end. */
  openRivalRound(ctx: StreamContext, t: number): number {
    const p = this.p;
    const h = this.history;
    const c = ctx.creator;
    const last = h.lastRival[c];
    const rival = last >= 0 && ctx.random.uniform() < p.rematchProbability ? last : Math.floor(ctx.random.uniform() * p.rivalPool);
    const pair = c * p.rivalPool + rival;
    if (h.rivalStrength[pair] === 0) h.rivalStrength[pair] = lognormal(ctx.random, p.rivalStrengthMedian, p.rivalStrengthSigma);
    const end = this.beginRound(ctx, t, null, h.rivalRounds[pair]);
    h.rivalRounds[pair]++;
    h.lastRival[c] = rival;
    this.rivalTarget = h.rivalStrength[pair] * Math.max(ctx.typicalCoinsPerSecond, FALLBACK_COINS_PER_SECOND) * p.roundSeconds;
    return end;
  }

  /** Starts a round at t between this seat's creator and `other`'s (a pair of a day room); returns the round's end. */
  openPairRound(ctx: StreamContext, other: BattleFormat, otherCtx: StreamContext, t: number): number {
    const n = this.history.creatorPairRounds(ctx.creator, otherCtx.creator);
    this.history.addCreatorPairRound(ctx.creator, otherCtx.creator);
    other.beginRound(otherCtx, t, this, n);
    return this.beginRound(ctx, t, other, n);
  }

  /**
   * Scores the round ending now: won against a creator with more coins than theirs, against
   * a rival with at least its score. A day room closes every round of an end before it
   * opens the next, so each side reads the other's coins of the same round.
   */
  closeRound(ctx: StreamContext): void {
    const p = this.p;
    const opponent = this.opponent;
    const won = opponent !== null ? this.roundCoins > opponent.roundCoins : this.roundCoins >= this.rivalTarget;
    const viewerSeconds = ctx.viewerSeconds - this.viewerSecondsAtStart;
    const totals = ctx.battle;
    totals.rounds++;
    ctx.streamBattleRounds++;
    if (won) {
      totals.roundsWon++;
      ctx.streamBattleWins++;
      ctx.payoffSum += p.winSatisfaction;
    }
    if (this.repeat) {
      totals.repeatRounds++;
      ctx.streamBattleRepeats++;
      totals.repeatGifts += this.roundGifts;
      totals.repeatViewerSeconds += viewerSeconds;
    } else {
      totals.freshGifts += this.roundGifts;
      totals.freshViewerSeconds += viewerSeconds;
    }
    this.active = false;
  }

  override startStream(ctx: StreamContext): number {
    this.active = false;
    this.opponent = null;
    if (this.roomed || ctx.durationSec < this.p.roundSeconds) return Number.POSITIVE_INFINITY;
    return this.openRivalRound(ctx, 0);
  }

  override onTimer(ctx: StreamContext, t: number): number {
    this.closeRound(ctx);
    if (t + this.p.roundSeconds <= ctx.durationSec) return this.openRivalRound(ctx, t);
    return Number.POSITIVE_INFINITY;
  }

  override hazard(ctx: StreamContext, viewer: number, t: number): number {
    if (!this.active) return 1;
    return this.novelty * (1 + this.amplitude * ctx.viewers.competitiveness[viewer] * this.surge(t) * (this.behind(t) ? 1 + this.p.pride : 1));
  }

  override hazardBound(ctx: StreamContext, t: number): number {
    if (!this.active) {
      ctx.boundUntil = Number.POSITIVE_INFINITY;
      return 1;
    }
    // The surge only grows towards the round's end: bound it at the end of a short window.
    ctx.boundUntil = Math.min(this.roundEnd, t + this.p.surgeSeconds / 2);
    return this.novelty * (1 + this.amplitude * this.surge(ctx.boundUntil) * (1 + this.p.pride));
  }

  override sizeTilt(_ctx: StreamContext, t: number): number {
    return this.active ? 1 + this.p.sizeTiltAtEnd * this.surge(t) : 1;
  }

  override crowdEngagedFrom(): number {
    return this.active ? this.roundEnd - this.p.engagedSeconds : Number.POSITIVE_INFINITY;
  }

  override onGift(_ctx: StreamContext, _viewer: number, coins: number): void {
    this.roundCoins += coins;
    this.roundGifts++;
  }

  override endStream(): void {
    this.active = false;
    this.opponent = null;
  }
}

export function createBattle(config: SimConfig, _viewerCount: number, creatorCount: number): StreamFormat {
  const p = config.formats.battle;
  return new BattleFormat(p, new BattleHistory(creatorCount, p.rivalPool), []);
}
