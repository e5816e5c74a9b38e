/**
 * Casual chat, the baseline every other format is measured against (all factors 1 by default).
 * Parameters (config.formats.casual, declared in casual-params.ts): giftHazard, a multiplier on
 * every viewer's gift hazard; dwell, a multiplier on watch time.
 */
import type { SimConfig } from "../config.js";
import { BaseFormat, type StreamFormat } from "./format.js";

class CasualFormat extends BaseFormat {
  readonly id = "casual";
  readonly dwell: number;
  private readonly giftHazard: number;

  constructor(config: SimConfig) {
    super();
    ({ giftHazard: this.giftHazard, dwell: this.dwell } = config.formats.casual);
  }

  override viewerHazard(): number {
    return this.giftHazard;
  }
}

/** The casual-chat format (stateless). */
export function createCasual(config: SimConfig): StreamFormat {
  return new CasualFormat(config);
}
