import { compileEconomy, loadEconomy, type EconomyOverrides } from "../../src/economy/index.js";
import { createLedger, type Ledger } from "../../src/core/index.js";

/** A small TikTok ledger; tier 6 of US/app-ios is the 17,500-coin bundle at $249.99. */
export function tiktokLedger(viewers = 10, creators = 3, overrides: EconomyOverrides = {}): Ledger {
  return createLedger(compileEconomy(loadEconomy("tiktok", overrides)), { viewers, creators });
}

export const US = 0;
export const IOS = 0;
export const ANDROID = 1;
export const WEB = 2;
