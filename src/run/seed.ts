/**
 * Per-replicate seeds. A replicate's random stream is derived from its identity alone (master
 * seed, scenario hash, arm, sweep point, replicate index), never from the worker that ran it or
 * the order it ran in, so results are the same for any worker count, chunking, resume or shard.
 */
import { createHash } from "node:crypto";

/** Everything a replicate's identity is made of. */
export interface ReplicateIdentity {
  masterSeed: string;
  scenarioHash: string;
  arm: string;
  pointIndex: number;
  replicate: number;
}

/** The seed string handed to runReplicate: 128 bits of sha256 over the identity. */
export function replicateSeed(identity: ReplicateIdentity): string {
  const { masterSeed, scenarioHash, arm, pointIndex, replicate } = identity;
  return createHash("sha256")
    .update(JSON.stringify(["giftsim/replicate/1", masterSeed, scenarioHash, arm, pointIndex, replicate]))
    .digest("hex")
    .slice(0, 32);
}
