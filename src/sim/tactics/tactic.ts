/**
 * The plug-in point for creator tactics (MODEL.md "Tactics"): what a creator does in a stream
 * on top of its format. The engine calls every tactic running in the stream at these points:
 *
 *   gift-candidate bound and gift hazard x= boost()           (goal bar, series goal)
 *   w(v)                                  x= viewerWeight(v)   (shout-outs, top-gifter perk)
 *   departure thinned while                  engaged(v)        (goal bar near its goal)
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
import type { StreamState } from "../stream/state.js";

/** A tactic's hooks; see the module comment for how the engine uses them. */
export interface StreamTactic {
  /** The stream starts (before any arrival). */
  startStream(s: StreamState): void;
  /** Multiplier on every present viewer's gift hazard; constant between gifts. */
  boost(s: StreamState): number;
  /** Multiplier on the viewer's gift weight w(v) (constant between refreshes). */
  viewerWeight(s: StreamState, viewer: number): number;
  /** Whether the viewer is held by the tactic (their departure hazard is lowered). */
  engaged(s: StreamState, viewer: number): boolean;
  /** The viewer gifted `coins`; `firstGift`: their first gift of the replicate. */
  onGift(s: StreamState, viewer: number, coins: number, firstGift: boolean): void;
  /** Satisfaction the viewer takes away from the tactic when leaving. */
  satisfactionBonus(s: StreamState, viewer: number): number;
  /** The stream ended (everyone still present has left, the format has ended). */
  endStream(s: StreamState): void;
}

/** A tactic that does nothing at any hook; tactics override the hooks they use. */
export abstract class BaseTactic implements StreamTactic {
  startStream(_s: StreamState): void {}
  boost(_s: StreamState): number {
    return 1;
  }
  viewerWeight(_s: StreamState, _viewer: number): number {
    return 1;
  }
  engaged(_s: StreamState, _viewer: number): boolean {
    return false;
  }
  onGift(_s: StreamState, _viewer: number, _coins: number, _firstGift: boolean): void {}
  satisfactionBonus(_s: StreamState, _viewer: number): number {
    return 0;
  }
  endStream(_s: StreamState): void {}
}
