/**
 * Casual chat, the baseline every other format is measured against (all factors 1 by default).
 * Parameters (config.formats.casual): giftHazard, a multiplier on every viewer's gift hazard;
 * dwell, a multiplier on watch time.
 */
import type { SimConfig } from "../config.js";
import { neutralHooks, type StreamFormat } from "./format.js";

/** The casual-chat format (stateless). */
export function createCasual(config: SimConfig): StreamFormat {
  const { giftHazard, dwell } = config.formats.casual;
  return {
    ...neutralHooks,
    id: "casual",
    dwell,
    durationFactor: 1,
    returnBoost: 0,
    visibility: 1,
    goalTicker: false,
    viewerHazard: () => giftHazard,
  };
}
