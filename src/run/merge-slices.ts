/**
 * Joins the slice folders of `giftsim run --communities i/n` (community-slice.ts): all n slices
 * of one run, each finished and intact, every replicate's parts joined in community order
 * (joinParts, as one machine's threads join them) into the records a whole run would hold.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { errors } from "../errors.js";
import { joinParts, replicateOutput, type ReplicatePart } from "../sim/index.js";
import { identityFields, shardText, type CheckpointHeader } from "./checkpoint.js";
import type { ReplicateRecord } from "./record.js";
import { sliceOf } from "./shard.js";
import { PARTS_FILE, PARTS_LOG, SLICE_MANIFEST, type SliceManifest } from "./slice-folder.js";

const KIND = "communities slice";

/** A folder to merge and its checkpoint header. */
export interface MergeSource {
  dir: string;
  header: CheckpointHeader;
}

/** A replicate's parts as they are found, by community. */
interface Joining {
  communities: number;
  parts: Array<ReplicatePart | undefined>;
}

/**
 * The header and records (in plan order) of the run the slice folders `slices` are of; throws
 * (exit 2, naming the folder and what was expected) on a folder that is not a slice of the
 * same run, a slice given twice or missing, an unfinished or damaged slice, or a missing part.
 */
export function joinSlices(slices: readonly MergeSource[]): { header: CheckpointHeader; records: ReplicateRecord[] } {
  const first = slices[0];
  const count = first.header.communities?.count ?? 1;
  const byIndex = new Map<number, string>();
  for (const { dir, header } of slices) {
    if (header.communities === undefined) throw errors.mergeMismatch("folder kind", `${KIND} in ${first.dir}`, `a run or shard (no --communities) in ${dir}`);
    const fields = [...identityFields(first.header, header), ["communities slice count", count, header.communities.count] as const];
    for (const [field, a, b] of fields) if (a !== b) throw errors.mergeMismatch(field, `${String(a)} in ${first.dir}`, `${String(b)} in ${dir}`);
    const twin = byIndex.get(header.communities.index);
    if (twin !== undefined) throw errors.shardTwice(shardText(header.communities), twin, dir, KIND);
    byIndex.set(header.communities.index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw errors.incompleteMerge(missing.map((i) => `--communities ${i}/${count}`).join(", "), "communities slices");

  const joining = new Map<string, Joining>();
  for (const { dir, header } of slices) {
    const slice = header.communities ?? { index: 1, count: 1 };
    const label = shardText(slice);
    const corrupt = (reason: string) => errors.corruptShard(label, dir, reason, KIND, "parts");
    if (!existsSync(join(dir, SLICE_MANIFEST))) {
      const parts = PARTS_LOG.read(join(dir, PARTS_FILE)).items.length;
      throw errors.incompleteMerge(`${KIND} ${label} in ${dir} is unfinished (${parts} parts so far; finish it with its command plus --resume)`, "communities slices");
    }
    const manifest = JSON.parse(readFileSync(join(dir, SLICE_MANIFEST), "utf8")) as SliceManifest;
    const bytes = readFileSync(join(dir, PARTS_FILE));
    if (createHash("sha256").update(bytes).digest("hex") !== manifest.checksums.parts) throw corrupt(`${PARTS_FILE} does not match the sha256 in ${SLICE_MANIFEST}`);
    const { items } = PARTS_LOG.read(join(dir, PARTS_FILE));
    if (items.length !== manifest.parts) throw corrupt(`${PARTS_FILE} holds ${items.length} of the ${manifest.parts} parts ${SLICE_MANIFEST} says are finished`);
    for (const { cell, replicate, community, communities, part } of items) {
      const id = `${cell}/${replicate}`;
      const range = sliceOf(communities, slice);
      let entry = joining.get(id);
      if (entry === undefined) joining.set(id, (entry = { communities, parts: new Array<ReplicatePart | undefined>(communities).fill(undefined) }));
      if (community < range.from || community >= range.to || entry.communities !== communities || entry.parts[community] !== undefined) {
        throw corrupt(`${PARTS_FILE} holds community ${community} of ${communities} of replicate ${replicate} of cell ${cell}, which is not this slice's or not its only copy`);
      }
      entry.parts[community] = part;
    }
  }

  const records: ReplicateRecord[] = [];
  first.header.scenario.cells.forEach((_, cell) => {
    for (let replicate = 0; replicate < first.header.replicates; replicate++) {
      const entry = joining.get(`${cell}/${replicate}`);
      const gap = entry === undefined ? -1 : entry.parts.findIndex((part) => part === undefined);
      if (entry === undefined || gap >= 0) {
        // The last slice holds the last community of every replicate, so a replicate with no part at all is missing there.
        const what = entry === undefined ? "every part" : `community ${gap} of ${entry.communities}`;
        const holder = entry === undefined ? count : Array.from({ length: count }, (_, i) => i + 1).find((i) => gap < sliceOf(entry.communities, { index: i, count }).to) ?? count;
        throw errors.incompleteMerge(`replicate ${replicate} of cell ${cell}: ${what}, expected in ${KIND} ${holder}/${count} (${byIndex.get(holder)})`, "communities slices");
      }
      const output = replicateOutput(joinParts(entry.parts as ReplicatePart[]));
      records.push({ cell, replicate, simulatedEvents: output.simulatedEvents, metrics: output.metrics, streams: output.streams, timeseries: output.timeseries });
    }
  });
  const header = { ...first.header };
  delete header.communities;
  return { header, records };
}
