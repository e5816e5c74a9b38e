/**
 * Per-replicate seeds. A replicate's random streams are derived from its identity alone (master
 * seed, scenario hash, replicate index), never from the worker that ran it or the order it ran
 * in, so results are the same for any worker count, chunking, resume or shard. The arm and the
 * sweep point are deliberately not part of it: replicate i of every arm and point draws from
 * the same streams (common random numbers, src/sim/random-streams.ts), so comparisons between
 * them are paired.
 */
import { createHash } from "node:crypto";

/** Everything a replicate's seed is made of (the same for every arm and sweep point). */
export interface ReplicateIdentity {
  masterSeed: string;
  scenarioHash: string;
  replicate: number;
}

/** The seed string handed to runReplicate: 128 bits of sha256 over the identity. */
export function replicateSeed(identity: ReplicateIdentity): string {
  const { masterSeed, scenarioHash, replicate } = identity;
  return createHash("sha256")
    .update(JSON.stringify(["giftsim/replicate/2", masterSeed, scenarioHash, replicate]))
    .digest("hex")
    .slice(0, 32);
}
