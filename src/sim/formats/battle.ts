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
 * surgeAmplitude x repeatDecay^n. Parameters: config.formats.battle.
 */
import type { SimConfig } from "../config.js";
import { lognormal } from "../random.js";
import type { StreamContext } from "../stream-context.js";
import { neutralHooks, type StreamFormat } from "./format.js";

/** A creator with no history yet is matched as if it earned this many coins per second. */
const FALLBACK_COINS_PER_SECOND = 1;

/** The battle format's runtime for one replicate (pairing history per creator). */
export function createBattle(config: SimConfig, _viewerCount: number, creatorCount: number): StreamFormat {
  const p = config.formats.battle;
  const pairings = new Int32Array(creatorCount * p.rivalPool);
  /** Strength of each (creator, rival); 0 until first drawn. */
  const strength = new Float64Array(creatorCount * p.rivalPool);
  const lastRival = new Int32Array(creatorCount).fill(-1);
  let active = false;
  let roundStart = 0;
  let roundEnd = 0;
  let amplitude = 0;
  let novelty = 1;
  let roundCoins = 0;
  let roundGifts = 0;
  let rivalTarget = 0;
  let repeat = false;
  let viewerSecondsAtStart = 0;

  const surge = (t: number) => Math.exp(-(roundEnd - t) / p.surgeSeconds);
  const behind = (t: number) => {
    const elapsed = (t - roundStart) / p.roundSeconds;
    return roundCoins < rivalTarget * elapsed * elapsed;
  };

  function startRound(ctx: StreamContext, t: number): number {
    const c = ctx.creator;
    const last = lastRival[c];
    const rival = last >= 0 && ctx.random.uniform() < p.rematchProbability ? last : Math.floor(ctx.random.uniform() * p.rivalPool);
    const pair = c * p.rivalPool + rival;
    if (strength[pair] === 0) strength[pair] = lognormal(ctx.random, p.rivalStrengthMedian, p.rivalStrengthSigma);
    repeat = pairings[pair] > 0;
    const cooling = Math.pow(p.repeatDecay, pairings[pair]);
    amplitude = p.surgeAmplitude * cooling;
    novelty = 1 + p.freshBoost * cooling;
    pairings[pair]++;
    lastRival[c] = rival;
    roundStart = t;
    roundEnd = t + p.roundSeconds;
    roundCoins = 0;
    roundGifts = 0;
    rivalTarget = strength[pair] * Math.max(ctx.typicalCoinsPerSecond, FALLBACK_COINS_PER_SECOND) * p.roundSeconds;
    viewerSecondsAtStart = ctx.viewerSeconds;
    active = true;
    return roundEnd;
  }

  return {
    ...neutralHooks,
    id: "battle",
    dwell: p.dwell,
    durationFactor: 1,
    returnBoost: 0,
    visibility: 1,
    goalTicker: false,
    startStream: (ctx: StreamContext) => {
      if (ctx.durationSec >= p.roundSeconds) return startRound(ctx, 0);
      active = false;
      return Number.POSITIVE_INFINITY;
    },
    onTimer: (ctx: StreamContext, t: number) => {
      const won = roundCoins >= rivalTarget;
      const viewerSeconds = ctx.viewerSeconds - viewerSecondsAtStart;
      const totals = ctx.battle;
      totals.rounds++;
      ctx.streamBattleRounds++;
      if (won) {
        totals.roundsWon++;
        ctx.streamBattleWins++;
        ctx.payoffSum += p.winSatisfaction;
      }
      if (repeat) {
        totals.repeatRounds++;
        ctx.streamBattleRepeats++;
        totals.repeatGifts += roundGifts;
        totals.repeatViewerSeconds += viewerSeconds;
      } else {
        totals.freshGifts += roundGifts;
        totals.freshViewerSeconds += viewerSeconds;
      }
      if (t + p.roundSeconds <= ctx.durationSec) return startRound(ctx, t);
      active = false;
      return Number.POSITIVE_INFINITY;
    },
    viewerHazard: () => 1,
    hazard: (ctx: StreamContext, viewer: number, t: number) => {
      if (!active) return 1;
      return novelty * (1 + amplitude * ctx.viewers.competitiveness[viewer] * surge(t) * (behind(t) ? 1 + p.pride : 1));
    },
    hazardBound: (ctx: StreamContext, t: number) => {
      if (!active) {
        ctx.boundUntil = Number.POSITIVE_INFINITY;
        return 1;
      }
      // The surge only grows towards the round's end: bound it at the end of a short window.
      ctx.boundUntil = Math.min(roundEnd, t + p.surgeSeconds / 2);
      return novelty * (1 + amplitude * surge(ctx.boundUntil) * (1 + p.pride));
    },
    sizeTilt: (_ctx: StreamContext, t: number) => (active ? 1 + p.sizeTiltAtEnd * surge(t) : 1),
    engaged: (_ctx: StreamContext, _viewer: number, t: number) => active && roundEnd - t < p.engagedSeconds,
    onGift: (_ctx: StreamContext, _viewer: number, coins: number) => {
      roundCoins += coins;
      roundGifts++;
    },
    endStream: () => {
      active = false;
    },
  };
}
