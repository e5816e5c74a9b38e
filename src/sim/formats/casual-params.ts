/** Casual chat's parameters (config.formats.casual): the baseline, every factor 1. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { nonNegative, positive } from "../param-kinds.js";

export const casualParams = defineParamGroup(
  z.strictObject({
    /** Multiplier on every viewer's gift hazard. */
    giftHazard: nonNegative,
    /** Multiplier on watch time. */
    dwell: positive,
  }),
  { giftHazard: 1, dwell: 1 },
);

/** Casual chat's parameters. */
export type CasualParams = z.infer<typeof casualParams.schema>;
