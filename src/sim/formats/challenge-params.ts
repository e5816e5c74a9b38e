/** The challenge format's parameters (config.formats.challenge); their effects are described in challenge.ts. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { nonNegative, positive } from "../param-kinds.js";

export const challengeParams = defineParamGroup(
  z.strictObject({
    /** Novelty boost on the gift hazard at the stream's start. */
    hazardBoost: nonNegative,
    /** Time constant of the novelty wearing off. */
    fatigueMinutes: positive,
    /**
     * Multiplier on the price scale of gift choice (below 1: smaller gifts); plausible range
     * [0.1, 1]. Assumption: one action per gift whatever its price (the guide's "10 push-ups
     * per gift"), so a larger gift buys no more of the show and choice leans small, but gifts
     * keep the status they carry in casual chat, so not all the way to the cheapest: 0.35 is
     * near the range's middle on a log scale (docs/model.md "Formats").
     */
    sizeTilt: positive,
    dwell: positive,
    /** Multiplier on how much one gift excites others. */
    visibility: nonNegative,
    /** Performing time one gift unit queues. */
    actionSeconds: nonNegative,
    /** Backlog at which gifting is halved. */
    backlogToleranceSeconds: positive,
  }),
  { hazardBoost: 0.6, fatigueMinutes: 40, sizeTilt: 0.35, dwell: 1.05, visibility: 1.5, actionSeconds: 5, backlogToleranceSeconds: 300 },
);

/** The challenge format's parameters. */
export type ChallengeParams = z.infer<typeof challengeParams.schema>;
