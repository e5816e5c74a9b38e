/**
 * Joins the communities of replicates spread over threads: parts come back in any order, and
 * each replicate's are joined strictly in community order (a part that arrives early waits for
 * the ones before it), so the replicate is bit-identical to runReplicate's, which joins them in
 * the same order one after another, whatever the thread count or timing.
 */
import { mergeParts, replicateOutput, type ReplicateOutput, type ReplicatePart } from "../sim/index.js";

/** A replicate whose communities are being joined. */
interface Joining {
  communities: number;
  /** Parts of communities [0, next) joined so far. */
  joined: ReplicatePart | undefined;
  next: number;
  early: Map<number, ReplicatePart>;
}

/** Joins parts per replicate key; `add` returns the replicate's outputs once its last part is in. */
export function createCommunityJoin() {
  const replicates = new Map<number, Joining>();
  return {
    /** Adds community `community` of `communities` of replicate `key`. */
    add(key: number, community: number, communities: number, part: ReplicatePart): ReplicateOutput | undefined {
      let joining = replicates.get(key);
      if (joining === undefined) replicates.set(key, (joining = { communities, joined: undefined, next: 0, early: new Map() }));
      joining.early.set(community, part);
      for (let ready = joining.early.get(joining.next); ready !== undefined; ready = joining.early.get(joining.next)) {
        joining.early.delete(joining.next++);
        joining.joined = joining.joined === undefined ? ready : mergeParts(joining.joined, ready);
      }
      if (joining.next < communities) return undefined;
      replicates.delete(key);
      return replicateOutput(joining.joined as ReplicatePart);
    },
    /** Drops a replicate (one of its communities failed). */
    drop(key: number): void {
      replicates.delete(key);
    },
  };
}
