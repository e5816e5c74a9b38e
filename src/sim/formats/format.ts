/**
 * The plug-in point for stream formats. A format shapes a stream through these hooks; the
 * engine multiplies them into its hazards (MODEL.md "Formats"):
 *
 *   gift hazard of viewer v at t = w(v) x herding x goal boosts x hazard(v, t) x (1 + socialProof(v) x contagion(t))
 *   w(v) = base rate x generosity x budget terms x viewerHazard(v) x tactics
 *   departure hazard of v     = 1 / (patience x (0.6 + 0.8 affinity) x dwell), thinned while v is engaged:
 *                               holdsViewer(v), or t after crowdEngagedFrom(), or a tactic holds the crowd
 *
 * `hazard(v, t)` may vary in time between events; `hazardBound(t)` must return a bound on it
 * over [t, ctx.boundUntil] for every viewer (it sets boundUntil; Infinity if the bound holds for
 * the rest of the stream). The engine draws candidate gifts from the bound and accepts each
 * with the ratio (thinning), so a format never loops over viewers.
 */
import type { SimConfig } from "../config.js";
import type { StreamContext } from "../stream-context.js";
import type { FormatId } from "../vocabulary.js";

/** A stream format's hooks; see the module comment for how the engine uses them. */
export interface StreamFormat {
  readonly id: FormatId;
  /** Multiplier on viewers' mean watch time (above 1: they stay longer). */
  readonly dwell: number;
  /** Multiplier on the scheduled stream length. */
  readonly durationFactor: number;
  /** Attendance log-odds bonus at the next stream for those who watched this one. */
  readonly returnBoost: number;
  /** Multiplier on how much one gift excites others (contagion). */
  readonly visibility: number;
  /** Called when a stream of this format starts; returns the first timer time (Infinity for none). */
  startStream(ctx: StreamContext): number;
  /** A timer fired at t; returns the next timer time. */
  onTimer(ctx: StreamContext, t: number): number;
  /** The viewer's gift-hazard multiplier from traits and format state (constant between refreshes). */
  viewerHazard(ctx: StreamContext, viewer: number): number;
  /** Time-varying gift-hazard multiplier of `viewer` at t. */
  hazard(ctx: StreamContext, viewer: number, t: number): number;
  /** Bound on `hazard` over [t, ctx.boundUntil] for every viewer; sets ctx.boundUntil. */
  hazardBound(ctx: StreamContext, t: number): number;
  /** Multiplier on the price scale of gift choice (below 1: smaller gifts). */
  sizeTilt(ctx: StreamContext, t: number): number;
  /**
   * Whether the viewer's own state engages them (a question of theirs waiting). It may become
   * true only at their own arrival or gift (a timer may end it), so a viewer who never pays and
   * is not engaged on arrival stays unengaged by it: a watcher (stream/watchers.ts).
   */
  holdsViewer(ctx: StreamContext, viewer: number): boolean;
  /**
   * Time after which everyone present is engaged until the format's next timer or its day room's
   * round end (a battle round's last minute); Infinity when nobody is. It changes only at the stream's events, so between two
   * of them the crowd's engagement is one step, which lets the departures of viewers who cannot
   * gift be drawn in bulk (stream/watchers.ts).
   */
  crowdEngagedFrom(ctx: StreamContext): number;
  /** The viewer arrived; the engine computes their weight after this hook. */
  onArrival(ctx: StreamContext, viewer: number): void;
  /** The viewer gifted; the engine recomputes their weight after this hook (others need ctx.refreshWeight). */
  onGift(ctx: StreamContext, viewer: number, coins: number, count: number, t: number): void;
  /** Satisfaction the viewer takes away from the format itself (e.g. a question answered). */
  satisfactionBonus(ctx: StreamContext, viewer: number): number;
  /** The stream ended at t (everyone still present has left). */
  endStream(ctx: StreamContext, t: number): void;
}

/** Makes a format's runtime for one replicate (its per-viewer state sized to the population). */
export type FormatFactory = (config: SimConfig, viewerCount: number, creatorCount: number) => StreamFormat;

/**
 * The casual-chat behaviour every hook falls back to: no time variation, no state. Formats are
 * classes over this base rather than object literals of closures: every replicate makes new
 * format runtimes, and literals of fresh closures kept changing the objects' hidden classes, so
 * the optimised stream loop was thrown away and recompiled for the first few dozen replicates
 * of every worker. Instances of one class share one shape and their hooks live on the prototype.
 */
export abstract class BaseFormat implements StreamFormat {
  abstract readonly id: FormatId;
  abstract readonly dwell: number;
  readonly durationFactor: number = 1;
  readonly returnBoost: number = 0;
  readonly visibility: number = 1;

  startStream(_ctx: StreamContext): number {
    return Number.POSITIVE_INFINITY;
  }
  onTimer(_ctx: StreamContext, _t: number): number {
    return Number.POSITIVE_INFINITY;
  }
  viewerHazard(_ctx: StreamContext, _viewer: number): number {
    return 1;
  }
  hazard(_ctx: StreamContext, _viewer: number, _t: number): number {
    return 1;
  }
  hazardBound(ctx: StreamContext, _t: number): number {
    ctx.boundUntil = Number.POSITIVE_INFINITY;
    return 1;
  }
  sizeTilt(_ctx: StreamContext, _t: number): number {
    return 1;
  }
  holdsViewer(_ctx: StreamContext, _viewer: number): boolean {
    return false;
  }
  crowdEngagedFrom(_ctx: StreamContext): number {
    return Number.POSITIVE_INFINITY;
  }
  onArrival(_ctx: StreamContext, _viewer: number): void {}
  onGift(_ctx: StreamContext, _viewer: number, _coins: number, _count: number, _t: number): void {}
  satisfactionBonus(_ctx: StreamContext, _viewer: number): number {
    return 0;
  }
  endStream(_ctx: StreamContext, _t: number): void {}
}
