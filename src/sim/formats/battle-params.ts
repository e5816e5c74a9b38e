/** The battle format's parameters (config.formats.battle); their effects are described in battle.ts. */
import { z } from "zod";
import { defineParamGroup } from "../param-group.js";
import { nonNegative, positive, probability } from "../param-kinds.js";

export const battleParams = defineParamGroup(
  z.strictObject({
    /** Round length, 30 s to an hour: shorter rounds leave no room for the end-of-round surge. */
    roundSeconds: z.number().min(30).max(3600),
    /** Surge amplitude A against a fresh rival. */
    surgeAmplitude: nonNegative,
    /** Whole-round hazard boost against a fresh rival. */
    freshBoost: nonNegative,
    /** Time constant of the surge before a round's end. */
    surgeSeconds: positive,
    /** Large-gift tilt at a round's end, per unit of surge. */
    sizeTiltAtEnd: nonNegative,
    dwell: positive,
    /** Rivals per creator, 1 to 500: each creator's pairing history holds one entry per rival. */
    rivalPool: z.number().int().min(1).max(500),
    rematchProbability: probability,
    /** Factor per earlier meeting of the pair on the surge and the fresh boost. */
    repeatDecay: probability,
    /** Extra hazard while the team is behind. */
    pride: nonNegative,
    /** Satisfaction a won round pays everyone present. */
    winSatisfaction: probability,
    rivalStrengthMedian: positive,
    rivalStrengthSigma: z.number().min(0).max(5),
    /** Viewers within this long of a round's end are engaged. */
    engagedSeconds: nonNegative,
    /**
     * Who a creator battles: "world", another creator of the world holding a battle stream the
     * same day where there is one (day-room.ts), else an exogenous rival; "exogenous", always
     * a rival outside the economy.
     */
    opponents: z.enum(["world", "exogenous"]),
    /**
     * Pairing cost per round the two creators fought before, in units of |ln| of their follower
     * ratio (battle-pairing.ts): above 0 fresh pairings are preferred, below 0 rematches.
     */
    freshPreference: z.number().min(-5).max(5),
    /** Seats, in order of followers, among which a seat picks its partner (1: always the next in size). */
    pairingWindow: z.number().int().min(1).max(64),
  }),
  {
    roundSeconds: 300,
    surgeAmplitude: 8,
    freshBoost: 0.3,
    surgeSeconds: 30,
    sizeTiltAtEnd: 2,
    dwell: 1.1,
    rivalPool: 50,
    rematchProbability: 0.3,
    repeatDecay: 0.7,
    pride: 0.5,
    winSatisfaction: 0.1,
    rivalStrengthMedian: 0.6,
    rivalStrengthSigma: 0.5,
    engagedSeconds: 60,
    opponents: "world",
    freshPreference: 0.5,
    pairingWindow: 4,
  },
);

/** The battle format's parameters. */
export type BattleParams = z.infer<typeof battleParams.schema>;
