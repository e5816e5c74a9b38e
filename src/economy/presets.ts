import tiktok from "./presets/tiktok.json" with { type: "json" };
import youtubeSuperchat from "./presets/youtube-superchat.json" with { type: "json" };
import twitchBits from "./presets/twitch-bits.json" with { type: "json" };
import { errors, problemsFromZod } from "../errors.js";
import { economySchema } from "./schema.js";
import type { Bundle, ChannelId, ConversionPolicy, Economy, Gift, Region } from "./types.js";

/** Platform presets shipped with giftsim; `custom` starts from TikTok's book and expects overrides. */
const PRESETS: Record<string, unknown> = {
  tiktok,
  "youtube-superchat": youtubeSuperchat,
  "twitch-bits": twitchBits,
};

export const PRESET_IDS = [...Object.keys(PRESETS), "custom"] as const;

/** Changes a scenario may make on top of a preset. Arrays replace, policy fields merge. */
export interface EconomyOverrides {
  policy?: Partial<Omit<ConversionPolicy, "sources">>;
  storeFeeBps?: Partial<Record<ChannelId, number>>;
  regions?: Region[];
  bundles?: Bundle[];
  gifts?: Gift[];
}

/**
 * Loads a preset, applies overrides and validates the result. Overridden figures get the
 * source "scenario override", so a report never presents a changed figure as sourced.
 */
export function loadEconomy(presetId: string, overrides: EconomyOverrides = {}): Economy {
  const base = PRESETS[presetId === "custom" ? "tiktok" : presetId];
  if (base === undefined) throw errors.unknownPreset(presetId, PRESET_IDS);
  const economy = structuredClone(base) as Economy;
  if (presetId === "custom") {
    economy.id = "custom";
    economy.name = "Custom (TikTok book with overrides)";
  }
  if (overrides.policy) {
    for (const [field, value] of Object.entries(overrides.policy)) {
      (economy.policy as unknown as Record<string, unknown>)[field] = value;
      economy.policy.sources[field] = "scenario override";
    }
  }
  if (overrides.storeFeeBps) {
    for (const channel of economy.channels) {
      const fee = overrides.storeFeeBps[channel.id];
      if (fee !== undefined) {
        channel.storeFeeBps = fee;
        channel.source = "scenario override";
      }
    }
  }
  if (overrides.regions) economy.regions = overrides.regions;
  if (overrides.bundles) economy.bundles = overrides.bundles;
  if (overrides.gifts) economy.gifts = overrides.gifts;
  return validateEconomy(economy, `economy (preset ${presetId})`);
}

/** Validates a price book, throwing one problem per bad field. */
export function validateEconomy(candidate: unknown, what = "economy"): Economy {
  const parsed = economySchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) throw errors.invalidInput(what, problemsFromZod(parsed.error.issues, candidate));
  return parsed.data as Economy;
}
