import tiktok from "./presets/tiktok.json" with { type: "json" };
import youtubeSuperchat from "./presets/youtube-superchat.json" with { type: "json" };
import twitchBits from "./presets/twitch-bits.json" with { type: "json" };
import { errors, problemsFromZod, type Problem } from "../errors.js";
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

/** A checked economy, or its problems (paths relative to the economy; an unknown preset at `preset`). */
export type EconomyCheck = { kind: "valid"; economy: Economy } | { kind: "invalid"; problems: readonly Problem[] };

/**
 * Loads a preset, applies overrides and validates the result. Overridden figures get the
 * source "scenario override", so a report never presents a changed figure as sourced.
 */
export function loadEconomy(presetId: string, overrides: EconomyOverrides = {}): Economy {
  if (presetBook(presetId) === undefined) throw errors.unknownPreset(presetId, PRESET_IDS);
  const checked = checkEconomy(presetId, overrides);
  if (checked.kind === "invalid") throw errors.invalidInput(`economy (preset ${presetId})`, [...checked.problems]);
  return checked.economy;
}

/** loadEconomy's work, returning the problems instead of throwing them, so a caller can place them. */
export function checkEconomy(presetId: string, overrides: EconomyOverrides = {}): EconomyCheck {
  const base = presetBook(presetId);
  if (base === undefined) return { kind: "invalid", problems: errors.unknownPreset(presetId, PRESET_IDS).problems };
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
  const parsed = economySchema.safeParse(economy, { reportInput: true });
  return parsed.success ? { kind: "valid", economy: parsed.data as Economy } : { kind: "invalid", problems: problemsFromZod(parsed.error.issues, economy) };
}

/** Validates a price book, throwing one problem per bad field. */
export function validateEconomy(candidate: unknown, what = "economy"): Economy {
  const parsed = economySchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) throw errors.invalidInput(what, problemsFromZod(parsed.error.issues, candidate));
  return parsed.data as Economy;
}

/** The shipped price book a preset starts from, or undefined for an unknown id. */
function presetBook(presetId: string): unknown {
  const id = presetId === "custom" ? "tiktok" : presetId;
  return Object.hasOwn(PRESETS, id) ? PRESETS[id] : undefined;
}
