/**
 * Battle (PK): back-to-back rounds of roundSeconds against a rival creator. Gifting surges as a
 * round's end nears: viewer v's hazard is 1 + A x competitiveness(v) x exp(-(round end - t) /
 * surgeSeconds), raised by (1 + pride) while the team is behind (team pride), and gift choice
 * tilts to large gifts by 1 + sizeTiltAtEnd x the same surge term. Viewers within
 * engagedSeconds of a round's end are engaged (leave less). A won round pays winSatisfaction
 * to everyone present.
 *
 * Rivals are outside the simulated economy: each creator has a pool of rivalPool rivals, each
 * with a strength drawn once (lognormal, median rivalStrengthMedian, rivalStrengthSigma); a rival's round score
 * grows as strength x the creator's typical coins per second x round length x (elapsed
 * share)^2, so it too surges at the end. A round is a rematch of the last rival with
 * probability rematchProbability, else a draw from the pool. Diverse pairings raise gifting and
 * repeated ones cool down (PACIS/ECIS 2021): with n the times this pair met before, the whole
 * round's hazard is multiplied by 1 + freshBoost x repeatDecay^n and the surge amplitude A is
 * surgeAmplitude x repeatDecay^n. Parameters: config.formats.battle, declared in battle-params.ts.
 */
import type { SimConfig } from "../config.js";
import { lognormal } from "../random.js";
import type { StreamContext } from "../stream-context.js";
import type { BattleParams } from "./battle-params.js";
import { BaseFormat, type StreamFormat } from "./format.js";

/** A creator with no history yet is matched as if it earned this many coins per second. */
const FALLBACK_COINS_PER_SECOND = 1;

/** The battle format's runtime for one replicate (pairing history per creator, the current round). */
class BattleFormat extends BaseFormat {
  readonly id = "battle";
  readonly dwell: number;
  private readonly p: BattleParams;
  /** Rounds fought by each (creator, rival) pair. */
  private readonly pairings: Int32Array;
  /** Strength of each (creator, rival); 0 until first drawn. */
  private readonly strength: Float64Array;
  private readonly lastRival: Int32Array;
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

  constructor(config: SimConfig, creatorCount: number) {
    super();
    this.p = config.formats.battle;
    this.dwell = this.p.dwell;
    this.pairings = new Int32Array(creatorCount * this.p.rivalPool);
    this.strength = new Float64Array(creatorCount * this.p.rivalPool);
    this.lastRival = new Int32Array(creatorCount).fill(-1);
  }

  private surge(t: number): number {
    return Math.exp(-(this.roundEnd - t) / this.p.surgeSeconds);
  }

  private behind(t: number): boolean {
    const elapsed = (t - this.roundStart) / this.p.roundSeconds;
    return this.roundCoins < this.rivalTarget * elapsed * elapsed;
  }

  private startRound(ctx: StreamContext, t: number): number {
    const p = this.p;
    const c = ctx.creator;
    const last = this.lastRival[c];
    const rival = last >= 0 && ctx.random.uniform() < p.rematchProbability ? last : Math.floor(ctx.random.uniform() * p.rivalPool);
    const pair = c * p.rivalPool + rival;
    if (this.strength[pair] === 0) this.strength[pair] = lognormal(ctx.random, p.rivalStrengthMedian, p.rivalStrengthSigma);
    this.repeat = this.pairings[pair] > 0;
    const cooling = Math.pow(p.repeatDecay, this.pairings[pair]);
    this.amplitude = p.surgeAmplitude * cooling;
    this.novelty = 1 + p.freshBoost * cooling;
    this.pairings[pair]++;
    this.lastRival[c] = rival;
    this.roundStart = t;
    this.roundEnd = t + p.roundSeconds;
    this.roundCoins = 0;
    this.roundGifts = 0;
    this.rivalTarget = this.strength[pair] * Math.max(ctx.typicalCoinsPerSecond, FALLBACK_COINS_PER_SECOND) * p.roundSeconds;
    this.viewerSecondsAtStart = ctx.viewerSeconds;
    this.active = true;
    return this.roundEnd;
  }

  override startStream(ctx: StreamContext): number {
    if (ctx.durationSec >= this.p.roundSeconds) return this.startRound(ctx, 0);
    this.active = false;
    return Number.POSITIVE_INFINITY;
  }

  override onTimer(ctx: StreamContext, t: number): number {
    const p = this.p;
    const won = this.roundCoins >= this.rivalTarget;
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
    if (t + p.roundSeconds <= ctx.durationSec) return this.startRound(ctx, t);
    this.active = false;
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

  override engaged(_ctx: StreamContext, _viewer: number, t: number): boolean {
    return this.active && this.roundEnd - t < this.p.engagedSeconds;
  }

  override onGift(_ctx: StreamContext, _viewer: number, coins: number): void {
    this.roundCoins += coins;
    this.roundGifts++;
  }

  override endStream(): void {
    this.active = false;
  }
}

export function createBattle(config: SimConfig, _viewerCount: number, creatorCount: number): StreamFormat {
  return new BattleFormat(config, creatorCount);
}
