/**
 * Challenge: the creator performs one action per gift (a push-up, a dare), so gifts are
 * visible and contagious (visibility), small gifts do (sizeTilt < 1 shrinks the price scale of
 * gift choice), and novelty wears off: the stream factor is 1 + hazardBoost x exp(-t /
 * fatigueMinutes). Each gift unit queues actionSeconds of performing; a backlog longer than
 * viewers tolerate damps gifting by 1 / (1 + backlog / backlogToleranceSeconds) (why gift when
 * the creator is ten push-ups behind?). Parameters: config.formats.challenge.
 */
import type { SimConfig } from "../config.js";
import type { StreamContext } from "../stream-context.js";
import { neutralHooks, type StreamFormat } from "./format.js";

/** The bound is refreshed this often, so the backlog drain and fatigue stay tight. */
const BOUND_SECONDS = 30;

/** The challenge format's runtime (its action backlog). */
export function createChallenge(config: SimConfig): StreamFormat {
  const p = config.formats.challenge;
  const fatigueSec = p.fatigueMinutes * 60;
  let backlogEnd = 0;
  const factor = (t: number, backlog: number) => (1 + p.hazardBoost * Math.exp(-t / fatigueSec)) / (1 + backlog / p.backlogToleranceSeconds);
  return {
    ...neutralHooks,
    id: "challenge",
    dwell: p.dwell,
    durationFactor: 1,
    returnBoost: 0,
    visibility: p.visibility,
    goalTicker: false,
    startStream: () => {
      backlogEnd = 0;
      return Number.POSITIVE_INFINITY;
    },
    viewerHazard: () => 1,
    hazard: (_ctx: StreamContext, _viewer: number, t: number) => factor(t, Math.max(0, backlogEnd - t)),
    hazardBound: (ctx: StreamContext, t: number) => {
      // Fatigue only falls and the backlog only drains between gifts: the largest value over
      // [t, t + BOUND_SECONDS] is fatigue at t with the backlog left at the end.
      ctx.boundUntil = t + BOUND_SECONDS;
      return (1 + p.hazardBoost * Math.exp(-t / fatigueSec)) / (1 + Math.max(0, backlogEnd - ctx.boundUntil) / p.backlogToleranceSeconds);
    },
    sizeTilt: () => p.sizeTilt,
    onGift: (_ctx: StreamContext, _viewer: number, _coins: number, _count: number, t: number) => {
      backlogEnd = Math.max(backlogEnd, t) + p.actionSeconds;
    },
  };
}
