/**
 * Goal bar: the stream shows progress towards goalCoins; gifting rises as the goal nears
 * (boost 1 + gamma x progress^4), viewers stay while it is at least 80% full, and each goal
 * reached pays everyone present payoffSatisfaction and restarts the bar. A tactic, not part of
 * any format: the guide's Q&A "pinned gift goal ticker" is Q&A with this tactic on.
 * Parameters: config.creators.tactics.goalBar, declared in goal-bar-params.ts.
 */
import type { SimConfig } from "../config.js";
import type { GoalBarParams } from "./goal-bar-params.js";
import { BaseTactic, type TacticContext } from "./tactic.js";

/** Everyone present is engaged by the goal bar when the goal is this close. */
const GOAL_ENGAGED_PROGRESS = 0.8;

/** The goal bar of one stream. */
export class GoalBar extends BaseTactic {
  private readonly p: GoalBarParams;
  /** Coins towards the current goal. */
  private progress = 0;

  constructor(config: SimConfig) {
    super();
    this.p = config.creators.tactics.goalBar;
  }

  override boost(): number {
    const p = this.progress / this.p.goalCoins;
    return 1 + this.p.gamma * p * p * p * p;
  }

  override holdsCrowd(): boolean {
    return this.progress >= GOAL_ENGAGED_PROGRESS * this.p.goalCoins;
  }

  override onGift(s: TacticContext, _viewer: number, coins: number): void {
    this.progress += coins;
    while (this.progress >= this.p.goalCoins) {
      this.progress -= this.p.goalCoins;
      s.goalsReached++;
      s.payoffSum += this.p.payoffSatisfaction;
    }
  }
}
