/**
 * Every creator tactic's parameters by id, in TACTIC_IDS order (the order config.creators.tactics
 * is parsed and written in). A new tactic registers its `<tactic>-params.ts` here.
 */
import type { ParamGroup } from "../param-group.js";
import type { TacticId } from "../vocabulary.js";
import { goalBarParams } from "./goal-bar-params.js";
import { seriesGoalParams } from "./series-goal-params.js";
import { shoutOutsParams } from "./shout-outs-params.js";
import { topGifterParams } from "./top-gifter-params.js";

export const TACTIC_PARAMS = {
  goalBar: goalBarParams,
  series: seriesGoalParams,
  shoutOuts: shoutOutsParams,
  topGifterPerk: topGifterParams,
} as const satisfies Record<TacticId, ParamGroup>;
