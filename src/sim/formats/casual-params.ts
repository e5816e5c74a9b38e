/** Casual chat's parameters (config.formats.casual): the baseline, every factor 1. */
import { z } from "zod";
import { nonNegative, positive } from "../param-kinds.js";
import { defineFormatParams } from "./format-params.js";

export const casualParams = defineFormatParams(
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
