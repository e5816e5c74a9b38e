/**
 * The tactics running in one stream, and for each hook the ones that use it: the lists are
 * made once per stream, so the loop calls only tactics that act at a hook (a stream with the
 * goal bar alone makes no call when it weighs a viewer) and every list stays short and of
 * few shapes.
 */
import type { SimConfig } from "../config.js";
import type { StreamFormat } from "../formats/index.js";
import { GoalBar } from "./goal-bar.js";
import { SeriesGoal } from "./series-goal.js";
import { ShoutOuts } from "./shout-outs.js";
import { BaseTactic, type StreamTactic } from "./tactic.js";
import { TopGifter } from "./top-gifter.js";

/** A stream's tactics by hook, each list in the order the hooks apply. */
export interface RunningTactics {
  /** Every tactic running (startStream, endStream). */
  readonly all: readonly StreamTactic[];
  readonly boosting: readonly StreamTactic[];
  readonly weighing: readonly StreamTactic[];
  readonly engaging: readonly StreamTactic[];
  readonly gifted: readonly StreamTactic[];
  readonly satisfying: readonly StreamTactic[];
}

/**
 * The tactics running in one stream of `format`, in the order their hooks apply: the goal
 * bar's boost and payoff before the series goal's, shout-outs' weight before the top-gifter
 * perk's (floating-point products and sums are kept in the order the model has always used).
 */
export function runningTactics(config: SimConfig, format: StreamFormat): RunningTactics {
  const tactics = config.creators.tactics;
  const all: StreamTactic[] = [];
  if (tactics.goalBar.enabled || format.goalTicker) all.push(new GoalBar(config));
  if (config.series.enabled) all.push(new SeriesGoal(config));
  if (tactics.shoutOuts.enabled) all.push(new ShoutOuts(config));
  if (tactics.topGifterPerk.enabled) all.push(new TopGifter(config));
  return {
    all,
    boosting: using(all, "boost"),
    weighing: using(all, "viewerWeight"),
    engaging: using(all, "engaged"),
    gifted: using(all, "onGift"),
    satisfying: using(all, "satisfactionBonus"),
  };
}

/** The tactics whose `hook` does something: a BaseTactic's hook left as the base's is a no-op (x 1, + 0, false). */
function using(all: readonly StreamTactic[], hook: keyof StreamTactic): StreamTactic[] {
  return all.filter((tactic) => !(tactic instanceof BaseTactic) || tactic[hook] !== BaseTactic.prototype[hook]);
}
