import type { SimConfig } from "../config.js";
import type { StreamFormat } from "../formats/index.js";
import { GoalBar } from "./goal-bar.js";
import { SeriesGoal } from "./series-goal.js";
import { ShoutOuts } from "./shout-outs.js";
import type { StreamTactic } from "./tactic.js";
import { TopGifter } from "./top-gifter.js";

export type { StreamTactic } from "./tactic.js";

/**
 * The tactics running in one stream of `format`, in the order their hooks apply: the goal
 * bar's boost and payoff before the series goal's, shout-outs' weight before the top-gifter
 * perk's (floating-point products and sums are kept in the order the model has always used).
 */
export function createStreamTactics(config: SimConfig, format: StreamFormat): StreamTactic[] {
  const tactics = config.creators.tactics;
  const running: StreamTactic[] = [];
  if (tactics.goalBar.enabled || format.goalTicker) running.push(new GoalBar(config));
  if (config.series.enabled) running.push(new SeriesGoal(config));
  if (tactics.shoutOuts.enabled) running.push(new ShoutOuts(config));
  if (tactics.topGifterPerk.enabled) running.push(new TopGifter(config));
  return running;
}
