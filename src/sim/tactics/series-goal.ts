/**
 * Series goal: coins gifted to a creator over a series of `weeks` count towards goalCoins;
 * gifting rises as the goal nears (boost 1 + gamma x progress^4, none once reached), and
 * reaching it pays everyone present payoffSatisfaction once. The progress lives in the world
 * (Creators.seriesCoins), carried from stream to stream within a series.
 * Parameters: config.creators.tactics.series, declared in series-goal-params.ts.
 */
import type { SimConfig } from "../config.js";
import type { SeriesGoalParams } from "./series-goal-params.js";
import { BaseTactic, type TacticContext } from "./tactic.js";

/** The series goal as one stream sees it. */
export class SeriesGoal extends BaseTactic {
  private readonly p: SeriesGoalParams;

  constructor(config: SimConfig) {
    super();
    this.p = config.creators.tactics.series;
  }

  override startStream(s: TacticContext): void {
    const series = Math.floor(s.day / (7 * this.p.weeks));
    if (s.creators.seriesIndex[s.creator] !== series) {
      s.creators.seriesIndex[s.creator] = series;
      s.creators.seriesCoins[s.creator] = 0;
    }
  }

  override boost(s: TacticContext): number {
    const coins = s.creators.seriesCoins[s.creator];
    if (coins >= this.p.goalCoins) return 1;
    const p = coins / this.p.goalCoins;
    return 1 + this.p.gamma * p * p * p * p;
  }

  override onGift(s: TacticContext, _viewer: number, coins: number): void {
    const before = s.creators.seriesCoins[s.creator];
    s.creators.seriesCoins[s.creator] = before + coins;
    if (before < this.p.goalCoins && before + coins >= this.p.goalCoins) {
      s.goalsReached++;
      s.payoffSum += this.p.payoffSatisfaction;
    }
  }
}
