export { CHANNELS } from "./types.js";
export type { Bundle, Channel, ChannelId, ConversionPolicy, Economy, Gift, Region, Sourced } from "./types.js";
export { economySchema } from "./schema.js";
export { PRESET_IDS, loadEconomy, validateEconomy } from "./presets.js";
export type { EconomyOverrides } from "./presets.js";
export { bundleGroup, bundleGroupCoins, channelIndex, compileEconomy, regionIndex, smallestCoveringTier } from "./compile.js";
export type { CompiledEconomy } from "./compile.js";
export { syntheticCatalog, syntheticEconomy } from "./synthetic-catalog.js";
