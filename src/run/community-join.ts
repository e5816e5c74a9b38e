/**
 * Joins the communities of replicates spread over threads: parts come back in any order, wait
 * in their community's slot, and when the last is in the replicate's parts are joined in one
 * pass in community order (joinParts), as runReplicate joins them, so the replicate is
 * bit-identical whatever the thread count or timing.
 */
import { joinParts, replicateOutput, type ReplicateOutput, type ReplicatePart } from "../sim/index.js";

/** A replicate whose communities are coming back, by community index. */
interface Joining {
  parts: Array<ReplicatePart | undefined>;
  /** Parts in so far. */
  count: number;
}

/** Joins parts per replicate key; `add` returns the replicate's outputs once its last part is in. */
export function createCommunityJoin() {
  const replicates = new Map<number, Joining>();
  return {
    /** Adds community `community` of `communities` of replicate `key`. */
    add(key: number, community: number, communities: number, part: ReplicatePart): ReplicateOutput | undefined {
      let joining = replicates.get(key);
      if (joining === undefined) replicates.set(key, (joining = { parts: new Array<ReplicatePart | undefined>(communities).fill(undefined), count: 0 }));
      if (joining.parts[community] === undefined) joining.count++;
      joining.parts[community] = part;
      if (joining.count < communities) return undefined;
      replicates.delete(key);
      return replicateOutput(joinParts(joining.parts as ReplicatePart[]));
    },
    /** Drops a replicate (one of its communities failed). */
    drop(key: number): void {
      replicates.delete(key);
    },
  };
}
