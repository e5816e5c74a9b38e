/**
 * Top-gifter perk: the stream ranks its topK gifters by coins gifted in it; those holding a
 * place gift with hazard x (1 + hazardBoost), and the first at the end gains `satisfaction`.
 * Parameters: config.creators.tactics.topGifterPerk, declared in top-gifter-params.ts.
 */
import type { SimConfig } from "../config.js";
import { FLAG_TOP } from "../stream/viewer-flags.js";
import { BaseTactic, type TacticContext } from "./tactic.js";
import type { TopGifterParams } from "./top-gifter-params.js";

/** The top-gifter ranking of one stream. */
export class TopGifter extends BaseTactic {
  private readonly p: TopGifterParams;
  /** Viewers holding a place, most coins first. */
  private readonly top: Int32Array;
  private size = 0;

  constructor(config: SimConfig) {
    super();
    this.p = config.creators.tactics.topGifterPerk;
    this.top = new Int32Array(this.p.topK);
  }

  override viewerWeight(s: TacticContext, viewer: number): number {
    return (s.flags[viewer] & FLAG_TOP) !== 0 ? 1 + this.p.hazardBoost : 1;
  }

  /** Keeps the ranking sorted, flagging who holds a place. */
  override onGift(s: TacticContext, viewer: number): void {
    const top = this.top;
    const streamCoins = s.streamCoins;
    const topK = this.p.topK;
    let at = -1;
    for (let i = 0; i < this.size; i++) if (top[i] === viewer) at = i;
    if (at < 0) {
      if (this.size < topK) at = this.size++;
      else if (streamCoins[viewer] > streamCoins[top[topK - 1]]) {
        const evicted = top[topK - 1];
        s.flags[evicted] &= ~FLAG_TOP;
        s.refreshWeight(evicted);
        at = topK - 1;
      } else return;
      top[at] = viewer;
      s.flags[viewer] |= FLAG_TOP;
    }
    while (at > 0 && streamCoins[top[at - 1]] < streamCoins[viewer]) {
      top[at] = top[at - 1];
      top[--at] = viewer;
    }
  }

  override endStream(s: TacticContext): void {
    if (this.size === 0) return;
    const winner = this.top[0];
    s.viewers.satisfaction[winner] = Math.min(1, s.viewers.satisfaction[winner] + this.p.satisfaction);
  }
}
