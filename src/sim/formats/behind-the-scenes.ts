/**
 * Behind-the-scenes build: a long, calm stream. Viewers gift less (giftHazard 0.6), stay longer
 * (dwell 1.5) and come back more (returnBoost, a log-odds bonus on attending the next stream);
 * the stream runs durationFactor times the scheduled length. Parameters:
 * config.formats["behind-the-scenes"].
 */
import type { SimConfig } from "../config.js";
import { neutralHooks, type StreamFormat } from "./format.js";

/** The behind-the-scenes format (stateless). */
export function createBehindTheScenes(config: SimConfig): StreamFormat {
  const { giftHazard, dwell, returnBoost, durationFactor } = config.formats["behind-the-scenes"];
  return {
    ...neutralHooks,
    id: "behind-the-scenes",
    dwell,
    durationFactor,
    returnBoost,
    visibility: 1,
    goalTicker: false,
    viewerHazard: () => giftHazard,
  };
}
