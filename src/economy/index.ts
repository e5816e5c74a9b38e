export { CHANNELS } from "./types.js";
export type { Bundle, Channel, ChannelId, ConversionPolicy, Economy, Gift, Region, Sourced } from "./types.js";
export { economySchema } from "./schema.js";
export { MAX_GIFT_COUNT, MAX_WALLET_COINS } from "./limits.js";
export { PRESET_IDS, checkEconomy, loadEconomy, validateEconomy } from "./presets.js";
export type { EconomyCheck, EconomyOverrides } from "./presets.js";
export { bundleGroup, bundleGroupCoins, channelIndex, compileEconomy, regionIndex, smallestCoveringTier } from "./compile.js";
export type { CompiledEconomy } from "./compile.js";
export { syntheticCatalog, syntheticEconomy } from "./synthetic-catalog.js";
