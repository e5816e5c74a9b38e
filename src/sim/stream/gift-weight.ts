/**
 * A present viewer's gift weight w(v): the part of their gift hazard that stays constant
 * between their own events (MODEL.md "Within a stream"), kept in the weighted set the gift
 * clock draws from:
 *
 *   w(v) = base rate x generosity x (budget / median)^budgetElasticity x format viewerHazard(v)
 *          x budget pacing x tactics' viewerWeight(v)
 */
import type { StreamFormat } from "../formats/index.js";
import { remainingBudget, type Catalog } from "../spending.js";
import type { RunningTactics, TacticContext } from "../tactics/index.js";
import { FLAG_EXHAUSTED } from "./viewer-flags.js";

/** What the weight reads of the stream (its state implements it; typed apart so the state may call this). */
export interface GiftWeightContext extends TacticContext {
  readonly format: StreamFormat;
  readonly tactics: RunningTactics;
  readonly catalog: Catalog;
  /** Days of a budget month (config.monthDays). */
  readonly monthDays: number;
  /** Base gift rate per second. */
  readonly baseRate: number;
  readonly budgetMedianMicros: number;
  readonly budgetElasticity: number;
  readonly budgetPacing: number;
  readonly channelCount: number;
}

/** The viewer's gift weight now (0: cannot gift in this stream). */
export function giftWeight(s: GiftWeightContext, v: number): number {
  const { viewers, people } = s;
  const p = viewers.person[v];
  if (viewers.budgetMicros[v] === 0 && people.wallet[p] === 0) return 0;
  if ((s.flags[v] & FLAG_EXHAUSTED) !== 0) return 0;
  const budget = viewers.budgetMicros[v];
  let w = s.baseRate * viewers.generosity[v] * Math.pow(budget / s.budgetMedianMicros, s.budgetElasticity) * s.format.viewerHazard(s, v);
  const budgetPacing = s.budgetPacing;
  if (budgetPacing > 0 && budget > 0) {
    // Viewers pace a monthly budget: the less of it is left (wallet included), the rarer a gift.
    const group = viewers.region[v] * s.channelCount + viewers.channel[v];
    const left = Math.min(1, (remainingBudget(people, p, s.day, s.monthDays) + people.wallet[p] * s.catalog.microsPerCoin[group]) / budget);
    w *= Math.pow(Math.max(0, left), budgetPacing);
  }
  const tactics = s.tactics.weighing;
  for (let i = 0; i < tactics.length; i++) w *= tactics[i].viewerWeight(s, v);
  return w;
}
