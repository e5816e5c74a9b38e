/**
 * Challenge: the creator performs one action per gift (a push-up, a dare), so gifts are
 * visible and contagious (visibility), small gifts do (sizeTilt < 1 shrinks the price scale of
 * gift choice), and novelty wears off: the stream factor is 1 + hazardBoost x exp(-t /
 * fatigueMinutes). Each gift unit queues actionSeconds of performing; a backlog longer than
 * viewers tolerate damps gifting by 1 / (1 + backlog / backlogToleranceSeconds) (why gift when
 * the creator is ten push-ups behind?). Parameters: config.formats.challenge, declared in challenge-params.ts.
 */
import type { SimConfig } from "../config.js";
import type { StreamContext } from "../stream-context.js";
import type { ChallengeParams } from "./challenge-params.js";
import { BaseFormat, type StreamFormat } from "./format.js";

/** The bound is refreshed this often, so the backlog drain and fatigue stay tight. */
const BOUND_SECONDS = 30;

/** The challenge format's runtime (its action backlog). */
class ChallengeFormat extends BaseFormat {
  readonly id = "challenge";
  readonly dwell: number;
  override readonly visibility: number;
  private readonly p: ChallengeParams;
  private readonly fatigueSec: number;
  /** When the creator will have performed every action gifted so far, stream seconds. */
  private backlogEnd = 0;

  constructor(config: SimConfig) {
    super();
    this.p = config.formats.challenge;
    this.dwell = this.p.dwell;
    this.visibility = this.p.visibility;
    this.fatigueSec = this.p.fatigueMinutes * 60;
  }

  override startStream(): number {
    this.backlogEnd = 0;
    return Number.POSITIVE_INFINITY;
  }

  override hazard(_ctx: StreamContext, _viewer: number, t: number): number {
    return this.factor(t, Math.max(0, this.backlogEnd - t));
  }

  override hazardBound(ctx: StreamContext, t: number): number {
    // Fatigue only falls and the backlog only drains between gifts: the largest value over
    // [t, t + BOUND_SECONDS] is fatigue at t with the backlog left at the end.
    ctx.boundUntil = t + BOUND_SECONDS;
    return this.factor(t, Math.max(0, this.backlogEnd - ctx.boundUntil));
  }

  override sizeTilt(): number {
    return this.p.sizeTilt;
  }

  /** Novelty at t, damped by `backlog` seconds of actions still to perform. */
  private factor(t: number, backlog: number): number {
    return (1 + this.p.hazardBoost * Math.exp(-t / this.fatigueSec)) / (1 + backlog / this.p.backlogToleranceSeconds);
  }

  override onGift(_ctx: StreamContext, _viewer: number, _coins: number, _count: number, t: number): void {
    this.backlogEnd = Math.max(this.backlogEnd, t) + this.p.actionSeconds;
  }
}

export function createChallenge(config: SimConfig): StreamFormat {
  return new ChallengeFormat(config);
}
