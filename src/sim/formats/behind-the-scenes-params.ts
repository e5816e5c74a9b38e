/** The behind-the-scenes format's parameters (config.formats["behind-the-scenes"]); their effects are described in behind-the-scenes.ts. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { logit, nonNegative, positive } from "../param-kinds.js";

export const behindTheScenesParams = defineParamGroup(
  z.strictObject({
    giftHazard: nonNegative,
    dwell: positive,
    /** Log-odds bonus on attending the next stream for those who watched. */
    returnBoost: logit,
    /** Multiplier on the scheduled stream length, 0.1 to 10. */
    durationFactor: z.number().min(0.1).max(10),
  }),
  { giftHazard: 0.6, dwell: 1.5, returnBoost: 0.6, durationFactor: 1.5 },
);

/** The behind-the-scenes format's parameters. */
export type BehindTheScenesParams = z.infer<typeof behindTheScenesParams.schema>;
