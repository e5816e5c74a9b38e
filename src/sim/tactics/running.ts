/**
 * The tactics running in one stream, and for each hook the ones that use it: the lists are
 * made once per stream, so the loop calls only tactics that act at a hook (a stream with the
 * goal bar alone makes no call when it weighs a viewer) and every list stays short and of
 * few shapes. Which tactics run is the creator's choice alone (config.creators.tactics): no
 * format brings one of its own.
 */
import type { SimConfig } from "../config.js";
import { TACTIC_IDS, type TacticId } from "../vocabulary.js";
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

/** Each tactic's runtime for one stream, by id. */
const TACTIC_RUNTIMES: Readonly<Record<TacticId, new (config: SimConfig) => StreamTactic>> = {
  goalBar: GoalBar,
  series: SeriesGoal,
  shoutOuts: ShoutOuts,
  topGifterPerk: TopGifter,
};

/**
 * The tactics the creator has on, in TACTIC_IDS order, which is the order their hooks apply:
 * the goal bar's boost and payoff before the series goal's, shout-outs' weight before the
 * top-gifter perk's (floating-point products and sums are kept in the order the model has
 * always used).
 */
export function runningTactics(config: SimConfig): RunningTactics {
  const all: StreamTactic[] = [];
  for (const id of TACTIC_IDS) if (config.creators.tactics[id].enabled) all.push(new TACTIC_RUNTIMES[id](config));
  return {
    all,
    boosting: using(all, "boost"),
    weighing: using(all, "viewerWeight"),
    engaging: using(all, "holdsCrowd"),
    gifted: using(all, "onGift"),
    satisfying: using(all, "satisfactionBonus"),
  };
}

/** The tactics whose `hook` does something: a BaseTactic's hook left as the base's is a no-op (x 1, + 0, false). */
function using(all: readonly StreamTactic[], hook: keyof StreamTactic): StreamTactic[] {
  return all.filter((tactic) => !(tactic instanceof BaseTactic) || tactic[hook] !== BaseTactic.prototype[hook]);
}
