/**
 * Behind-the-scenes build: a long, calm stream. Viewers gift less (giftHazard 0.6), stay longer
 * (dwell 1.5) and come back more (returnBoost, a log-odds bonus on attending the next stream);
 * the stream runs durationFactor times the scheduled length. Parameters:
 * config.formats["behind-the-scenes"], declared in behind-the-scenes-params.ts.
 */
import type { SimConfig } from "../config.js";
import { BaseFormat, type StreamFormat } from "./format.js";

class BehindTheScenesFormat extends BaseFormat {
  readonly id = "behind-the-scenes";
  readonly dwell: number;
  override readonly durationFactor: number;
  override readonly returnBoost: number;
  private readonly giftHazard: number;

  constructor(config: SimConfig) {
    super();
    ({ giftHazard: this.giftHazard, dwell: this.dwell, returnBoost: this.returnBoost, durationFactor: this.durationFactor } = config.formats["behind-the-scenes"]);
  }

  override viewerHazard(): number {
    return this.giftHazard;
  }
}

/** The behind-the-scenes format (stateless). */
export function createBehindTheScenes(config: SimConfig): StreamFormat {
  return new BehindTheScenesFormat(config);
}
