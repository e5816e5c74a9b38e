/**
 * A slice folder, written by `giftsim run --communities i/n` (community-slice.ts) and joined by
 * `giftsim merge` (merge-slices.ts): checkpoint.json (the run's header plus `communities`),
 * parts.bin, and slice.json last, so a folder with slice.json is a finished slice.
 *
 * parts.bin is append-only: one frame (frames.ts, magic "GSP1") per finished community of a
 * replicate, fsync'd before it counts as done. The payload is the V8 serialization
 * (node:v8, the HTML structured clone) of { cell, replicate, community, part }: the same
 * encoding a part takes from a worker thread to the join (community-join.ts), so a part read
 * back is the part the thread gave, bit for bit (doubles, NaN payloads, exact bigints). V8
 * reads its older serializations, so merge with the slices' Node version or a newer one.
 */
import { existsSync, readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import type { ReplicatePart } from "../sim/index.js";
import type { FolderLog } from "./checkpoint.js";
import { framePayloads, readFrames } from "./frames.js";
import type { Shard } from "./shard.js";

export const PARTS_FILE = "parts.bin";
export const SLICE_MANIFEST = "slice.json";
const MAGIC = 0x31505347; // "GSP1" read little-endian

/** Community `community` of the `communities` of replicate `replicate` of cell `cell`, as a worker ran it. */
export interface CommunityPart {
  cell: number;
  replicate: number;
  community: number;
  communities: number;
  part: ReplicatePart;
}

/** slice.json: what a finished slice holds, and the checksum its parts are checked against before a merge. */
export interface SliceManifest {
  format: "giftsim-slice/1";
  giftsim: string;
  node: string;
  scenario: { name: string; hash: string };
  seed: string;
  replicates: number;
  communities: Shard;
  parts: number;
  simulatedEvents: number;
  checksums: { algorithm: "sha256"; parts: string };
}

function decode(payload: Buffer): CommunityPart | undefined {
  try {
    const value = deserialize(payload) as Partial<CommunityPart> | null;
    return value !== null && typeof value === "object" && [value.cell, value.replicate, value.community, value.communities].every(Number.isInteger) && value.part !== undefined ? (value as CommunityPart) : undefined;
  } catch {
    return undefined;
  }
}

/** A slice folder's log: community parts in parts.bin, finished when slice.json is written. */
export const PARTS_LOG: FolderLog<CommunityPart> = {
  file: PARTS_FILE,
  finishedMarker: SLICE_MANIFEST,
  frame: (parts) => framePayloads(MAGIC, parts.map((part) => serialize(part))),
  read: (file) => {
    const data = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    return { ...readFrames(MAGIC, data, decode), totalBytes: data.length };
  },
};
