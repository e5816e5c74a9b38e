/**
 * Shout-outs: the creator acknowledges a viewer's first gift ever; the viewer leaves that
 * stream with `satisfaction` more and, in later streams, gifts with hazard x (1 + hazardBoost).
 * Parameters: config.creators.tactics.shoutOuts, declared in shout-outs-params.ts.
 */
import type { SimConfig } from "../config.js";
import { FLAG_SHOUTED } from "../stream/viewer-flags.js";
import type { ShoutOutsParams } from "./shout-outs-params.js";
import { BaseTactic, type TacticContext } from "./tactic.js";

/** Shout-outs in one stream. */
export class ShoutOuts extends BaseTactic {
  private readonly p: ShoutOutsParams;

  constructor(config: SimConfig) {
    super();
    this.p = config.creators.tactics.shoutOuts;
  }

  override viewerWeight(s: TacticContext, viewer: number): number {
    const acknowledged = s.viewers.acknowledgedDay[viewer];
    return acknowledged !== 0 && acknowledged < s.dayKey ? 1 + this.p.hazardBoost : 1;
  }

  override onGift(s: TacticContext, viewer: number, _coins: number, firstGift: boolean): void {
    if (!firstGift) return;
    s.viewers.acknowledgedDay[viewer] = s.dayKey;
    s.flags[viewer] |= FLAG_SHOUTED;
  }

  override satisfactionBonus(s: TacticContext, viewer: number): number {
    return (s.flags[viewer] & FLAG_SHOUTED) !== 0 ? this.p.satisfaction : 0;
  }
}
