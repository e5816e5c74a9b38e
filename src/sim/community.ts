/**
 * Communities: the partition of a world's creators into closed worlds. Creators
 * [k x size, (k + 1) x size) form community k (the last may be smaller); a community's viewers
 * follow and watch only its creators and battles pair only its creators, so each community is
 * simulated as a world of its own, with its own random streams, and a replicate is the sum of
 * its communities (replicate-part.ts merges them in community order). With one community the
 * replicate is the world itself, drawn from the replicate's own seed: exactly the unpartitioned
 * replicate.
 */
import type { SimConfig } from "./config.js";

/** Creators per community of `config` (all of them when communitySize is 0 or at least the count). */
export function communitySizeOf(config: SimConfig): number {
  const size = config.audience.communitySize;
  return size === 0 ? config.creators.count : Math.min(size, config.creators.count);
}

/** How many communities `config`'s creators form. */
export function communityCount(config: SimConfig): number {
  return Math.ceil(config.creators.count / communitySizeOf(config));
}

/** The first creator of community `k` in the whole world's numbering. */
export function communityFirstCreator(config: SimConfig, k: number): number {
  return k * communitySizeOf(config);
}

/** Community k as a world of its own: the config with only its creators (and their audience pools). */
export function communityConfig(config: SimConfig, k: number): SimConfig {
  if (communityCount(config) === 1) return config;
  const size = communitySizeOf(config);
  const count = Math.min(size, config.creators.count - k * size);
  return { ...config, creators: { ...config.creators, count }, audience: { ...config.audience, communitySize: 0 } };
}

/** The seed community k's random streams are made from: the replicate's own when it is the only one. */
export function communitySeed(config: SimConfig, seed: string, k: number): string {
  return communityCount(config) === 1 ? seed : `${seed}/community-${k}`;
}
