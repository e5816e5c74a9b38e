/** The top-gifter perk's parameters (config.creators.tactics.topGifterPerk); their effects are described in top-gifter.ts. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { nonNegative, probability } from "../param-kinds.js";

export const topGifterParams = defineParamGroup(
  z.strictObject({
    enabled: z.boolean(),
    /** Places in the stream's ranking, 1 to 10. */
    topK: z.number().int().min(1).max(10),
    /** Extra readiness to gift of a viewer holding a place. */
    hazardBoost: nonNegative,
    /** Satisfaction the first place takes away at the stream's end. */
    satisfaction: probability,
  }),
  { enabled: false, topK: 3, hazardBoost: 0.5, satisfaction: 0.2 },
);

/** The top-gifter perk's parameters. */
export type TopGifterParams = z.infer<typeof topGifterParams.schema>;
