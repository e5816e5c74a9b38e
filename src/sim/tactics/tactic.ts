/**
 * The plug-in point for creator tactics (MODEL.md "Tactics"): what a creator does in a stream
 * on top of its format. The engine calls every tactic running in the stream at these points:
 *
 *   gift-candidate bound and gift hazard x= boost()           (goal bar, series goal)
 *   w(v)                                  x= viewerWeight(v)   (shout-outs, top-gifter perk)
 *   every departure thinned while            holdsCrowd()      (goal bar near its goal)
 *   after each gift                          onGift(v, coins)  (progress, rankings, acknowledgements)
 *   satisfaction on leaving               += satisfactionBonus(v)
 *
 * Like formats, tactics are classes over one base whose hooks live on the prototype. A stream
 * holds, per hook, a fixed list of the running tactics that override it (running.ts), so the
 * loop's calls stay monomorphic or few-shaped and cost nothing for a tactic that is off or a
 * hook a tactic leaves alone.
 * A tactic runtime lives for one stream; what outlives it is kept in the world (creators,
 * viewers).
 */
import type { StreamContext } from "../stream-context.js";
import type { Creators } from "../world.js";

/**
 * What a tactic reads and changes of its stream: the format's view of it plus the creator
 * table and per-viewer stream scratch. The stream's state implements it; typing tactics
 * against it, as formats are against StreamContext, keeps the tactics below the state.
 */
export interface TacticContext extends StreamContext {
  readonly creators: Creators;
  readonly day: number;
  /** The day as the viewers table keys its per-day marks (DAY_BASE + day). */
  readonly dayKey: number;
  /** Per-viewer flag bits (stream/viewer-flags.ts). */
  readonly flags: Uint8Array;
  /** Coins each viewer has gifted in this stream. */
  readonly streamCoins: Float64Array;
}

/** A tactic's hooks; see the module comment for how the engine uses them. */
export interface StreamTactic {
  /** The stream starts (before any arrival). */
  startStream(s: TacticContext): void;
  /** Multiplier on every present viewer's gift hazard; constant between gifts. */
  boost(s: TacticContext): number;
  /** Multiplier on the viewer's gift weight w(v) (constant between refreshes). */
  viewerWeight(s: TacticContext, viewer: number): number;
  /**
   * Whether the tactic engages everyone present (their departure hazard is lowered); it changes
   * only at the stream's events (a gift moves the goal bar), as the format's crowd engagement does.
   */
  holdsCrowd(s: TacticContext): boolean;
  /** The viewer gifted `coins`; `firstGift`: their first gift of the replicate. */
  onGift(s: TacticContext, viewer: number, coins: number, firstGift: boolean): void;
  /** Satisfaction the viewer takes away from the tactic when leaving. */
  satisfactionBonus(s: TacticContext, viewer: number): number;
  /** The stream ended (everyone still present has left, the format has ended). */
  endStream(s: TacticContext): void;
}

/** A tactic that does nothing at any hook; tactics override the hooks they use. */
export abstract class BaseTactic implements StreamTactic {
  startStream(_s: TacticContext): void {}
  boost(_s: TacticContext): number {
    return 1;
  }
  viewerWeight(_s: TacticContext, _viewer: number): number {
    return 1;
  }
  holdsCrowd(_s: TacticContext): boolean {
    return false;
  }
  onGift(_s: TacticContext, _viewer: number, _coins: number, _firstGift: boolean): void {}
  satisfactionBonus(_s: TacticContext, _viewer: number): number {
    return 0;
  }
  endStream(_s: TacticContext): void {}
}
