/** Q&A's parameters (config.formats.qa); their effects are described in qa.ts. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { nonNegative, positive, probability } from "../param-kinds.js";

export const qaParams = defineParamGroup(
  z.strictObject({
    /** Gift-hazard multiplier of a viewer with no curiosity. */
    hazardBase: nonNegative,
    /** Gift-hazard multiplier added per unit of curiosity. */
    hazardPerCuriosity: nonNegative,
    dwell: positive,
    /** Chance a viewer asks on arrival (times curiosity) and with a gift. */
    askProbability: probability,
    /** Seconds between answers. */
    answerSeconds: positive,
    answeredSatisfaction: probability,
    /** Extra readiness to gift of a viewer whose free question waits. */
    queueJumpBoost: nonNegative,
  }),
  {
    hazardBase: 0.8,
    hazardPerCuriosity: 0.8,
    dwell: 1.15,
    askProbability: 0.3,
    answerSeconds: 60,
    answeredSatisfaction: 0.3,
    queueJumpBoost: 0.5,
  },
);

/** Q&A's parameters. */
export type QaParams = z.infer<typeof qaParams.schema>;
