/** The series goal's parameters (config.creators.tactics.series); their effects are described in series-goal.ts. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { logit, nonNegative, probability } from "../param-kinds.js";

export const seriesGoalParams = defineParamGroup(
  z.strictObject({
    enabled: z.boolean(),
    /** Length of one series; a new one (and a new goal) starts every `weeks` weeks. */
    weeks: z.number().int().min(1).max(52),
    /** Coins over the series that reach its goal. */
    goalCoins: z.number().int().min(1).max(1e12),
    /** Goal-gradient strength: gifting is boosted by 1 + gamma x progress^4 until the goal is reached. */
    gamma: nonNegative,
    /** Satisfaction reaching the goal pays everyone present. */
    payoffSatisfaction: probability,
    /** Log-odds bonus on every follower's attendance while a series runs (it is announced). */
    attendanceBoost: logit,
  }),
  { enabled: false, weeks: 4, goalCoins: 200_000, gamma: 1.5, payoffSatisfaction: 0.3, attendanceBoost: 0.4 },
);

/** The series goal's parameters. */
export type SeriesGoalParams = z.infer<typeof seriesGoalParams.schema>;
