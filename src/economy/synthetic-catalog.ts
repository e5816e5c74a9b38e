import seedrandom from "seedrandom";
import { compileEconomy, type CompiledEconomy } from "./compile.js";
import { loadEconomy } from "./presets.js";
import type { Economy, Gift } from "./types.js";

/**
 * The gift catalog a synthetic load uses: the preset's first `giftCount` gifts, and past the
 * end of the preset, synthetic gifts with seeded log-uniform prices between the preset's
 * cheapest and dearest gift (load tests ask for catalogs larger than any published list).
 */
export function syntheticCatalog(economy: Economy, giftCount: number, seed: string): Economy {
  const gifts: Gift[] = economy.gifts.slice(0, giftCount);
  const prices = economy.gifts.map((g) => g.priceCoins);
  const low = Math.log(Math.min(...prices));
  const high = Math.log(Math.max(...prices));
  const random = seedrandom.alea(`${seed}/catalog`);
  for (let id = gifts.length; id < giftCount; id++) {
    const priceCoins = Math.max(1, Math.round(Math.exp(low + (high - low) * random())));
    gifts.push({ id, name: `synthetic-${id}`, priceCoins, source: "synthetic load-test gift (log-uniform price)" });
  }
  return { ...economy, gifts };
}

/** The compiled economy of a synthetic load: the same on every thread for the same options. */
export function syntheticEconomy(options: { preset: string; gifts: number; seed: string }): CompiledEconomy {
  return compileEconomy(syntheticCatalog(loadEconomy(options.preset), options.gifts, options.seed));
}
