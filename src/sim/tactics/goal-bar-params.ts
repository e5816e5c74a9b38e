/** The goal bar's parameters (config.creators.tactics.goalBar); their effects are described in goal-bar.ts. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { nonNegative, probability } from "../param-kinds.js";

export const goalBarParams = defineParamGroup(
  z.strictObject({
    enabled: z.boolean(),
    /** Coins that fill the bar once. */
    goalCoins: z.number().int().min(1).max(1e12),
    /** Goal-gradient strength: gifting is boosted by 1 + gamma x progress^4. */
    gamma: nonNegative,
    /** Satisfaction each goal reached pays everyone present. */
    payoffSatisfaction: probability,
  }),
  { enabled: false, goalCoins: 3_000, gamma: 1.5, payoffSatisfaction: 0.15 },
);

/** The goal bar's parameters. */
export type GoalBarParams = z.infer<typeof goalBarParams.schema>;
