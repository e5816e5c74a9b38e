/** Shout-outs' parameters (config.creators.tactics.shoutOuts); their effects are described in shout-outs.ts. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { nonNegative, probability } from "../param-kinds.js";

export const shoutOutsParams = defineParamGroup(
  z.strictObject({
    enabled: z.boolean(),
    /** Satisfaction an acknowledged first gift adds to that visit. */
    satisfaction: probability,
    /** Extra readiness to gift, from the day after the acknowledgement on. */
    hazardBoost: nonNegative,
  }),
  { enabled: false, satisfaction: 0.1, hazardBoost: 0.3 },
);

/** Shout-outs' parameters. */
export type ShoutOutsParams = z.infer<typeof shoutOutsParams.schema>;
