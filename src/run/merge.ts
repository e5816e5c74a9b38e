/**
 * Combines shard folders into one run folder. Shards must be slices of the same run (same
 * scenario hash, seed, replicate count, giftsim version, shard count), every slice present
 * once and finished. Communities slices (giftsim run --communities) are joined alike, part by
 * part (merge-slices.ts). The merged folder is a complete run folder in its own right: its
 * checkpoint holds every record, and its outputs and checksum equal an unsharded run's.
 */
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { errors } from "../errors.js";
import { writeFileAtomic } from "./atomic-file.js";
import { CHECKPOINT_HEADER, CHECKPOINT_RECORDS, MANIFEST, frameRecords, identityFields, readHeader, readRecords, shardText, type CheckpointHeader } from "./checkpoint.js";
import { inPlanOrder, writeRunOutputs, type Manifest } from "./finalize.js";
import { eventLogFormat } from "./event-log.js";
import { checkWritableFile, checkWritableFolder } from "./make-folder.js";
import { locateShardLogs, writeMergedEventLog } from "./merge-event-logs.js";
import type { ReplicateRecord } from "./record.js";
import { joinSlices } from "./merge-slices.js";
import { shardReplicates } from "./shard.js";
import type { Summary } from "./summary.js";

/**
 * Merges the shard folders `dirs` into `out`; with `eventsOut`, also joins the shards' event
 * logs (each kept in its shard's folder) into that file, as the unsharded run would write it;
 * with `parquet`, also writes the tables as Parquet.
 */
export async function mergeRuns(
  dirs: readonly string[],
  out: string,
  options: { eventsOut?: string; parquet?: boolean } = {},
): Promise<{ manifest: Manifest; summary: Summary; merged: "shard" | "communities slice" }> {
  if (dirs.length === 0) throw errors.invalidInput("merge", [{ path: "DIR", value: [], expected: "at least one shard folder" }]);
  const shards = dirs.map((dir) => ({ dir, header: readHeader(dir) }));
  const first = shards[0];
  if (first.header.communities !== undefined) {
    if (options.eventsOut !== undefined) throw errors.invalidInput("option", [{ path: "--events-out", value: options.eventsOut, expected: "no event log: communities slices (giftsim run --communities) write none" }]);
    const { header, records } = joinSlices(shards);
    refuseOutput(out);
    checkWritableFolder("--out", out);
    return { ...writeMerged(out, header, records, { parquet: options.parquet }), merged: "communities slice" };
  }
  for (const { dir, header } of shards) {
    if (header.shard === null) throw errors.notARunFolder(dir, header.communities === undefined ? "a whole run, not a shard (it needs no merge)" : `a communities slice, not a shard like ${first.dir}`);
    const fields = [...identityFields(first.header, header), ["shard count", first.header.shard?.count, header.shard.count] as const];
    for (const [field, a, b] of fields) if (a !== b) throw errors.mergeMismatch(field, `${String(a)} in ${first.dir}`, `${String(b)} in ${dir}`);
  }
  const count = first.header.shard?.count ?? 1;
  const byIndex = new Map<number, string>();
  for (const { dir, header } of shards) {
    const index = header.shard?.index ?? 0;
    const twin = byIndex.get(index);
    if (twin !== undefined) throw errors.shardTwice(`${index}/${count}`, twin, dir);
    byIndex.set(index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw errors.incompleteMerge(missing.map((i) => `shard ${i}/${count}`).join(", "));

  const records: ReplicateRecord[] = [];
  for (const { dir, header } of shards) {
    const { records: found, intactBytes, totalBytes } = readRecords(join(dir, CHECKPOINT_RECORDS));
    const range = shardReplicates(header.replicates, header.shard);
    const expected = header.scenario.cells.length * (range.to - range.from);
    const inSlice = new Map<string, ReplicateRecord>();
    for (const record of found) if (record.replicate >= range.from && record.replicate < range.to) inSlice.set(`${record.cell}/${record.replicate}`, record);
    const finished = existsSync(join(dir, MANIFEST));
    // A finished shard wrote every record before its manifest: a record that fails its frame
    // check there was damaged afterwards, not torn by a kill mid-run.
    if (finished && intactBytes < totalBytes) {
      throw errors.corruptShard(shardText(header.shard), dir, `${CHECKPOINT_RECORDS} fails its checksum at byte ${intactBytes} of ${totalBytes} (${inSlice.size} of ${expected} replicates intact)`);
    }
    if (finished && inSlice.size !== expected) throw errors.corruptShard(shardText(header.shard), dir, `${CHECKPOINT_RECORDS} holds ${inSlice.size} of the ${expected} replicates its manifest says are finished`);
    if (!finished) throw errors.incompleteMerge(`shard ${shardText(header.shard)} in ${dir} is unfinished (${inSlice.size} of ${expected} replicates; finish it with --resume)`);
    records.push(...inSlice.values());
  }

  refuseOutput(out);
  const header: CheckpointHeader = { ...first.header, shard: null };
  const sources = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, dir]) => ({ dir, label: `${index}/${count}` }));
  const logs = options.eventsOut === undefined ? undefined : await locateShardLogs(sources, header.scenario, eventLogFormat(options.eventsOut));
  checkWritableFolder("--out", out);
  if (options.eventsOut !== undefined) checkWritableFile("--events-out", options.eventsOut);
  let eventLog: Manifest["eventLog"];
  if (options.eventsOut !== undefined && logs !== undefined) {
    eventLog = { file: basename(options.eventsOut), sha256: await writeMergedEventLog(options.eventsOut, logs, header.scenario) };
  }
  return { ...writeMerged(out, header, inPlanOrder(records), { eventLog, parquet: options.parquet }), merged: "shard" };
}

/** A merge writes a fresh folder: never over a run, finished or not. */
function refuseOutput(out: string): void {
  if (existsSync(join(out, MANIFEST))) throw errors.outputExists(out);
  if (existsSync(join(out, CHECKPOINT_HEADER))) throw errors.unfinishedRun(out);
}

function writeMerged(out: string, header: CheckpointHeader, records: ReplicateRecord[], outputs: Parameters<typeof writeRunOutputs>[3]): { manifest: Manifest; summary: Summary } {
  // Records first, header second: a folder with a header is a run folder, so it must never lack records.
  writeFileAtomic(join(out, CHECKPOINT_RECORDS), frameRecords(records));
  writeFileAtomic(join(out, CHECKPOINT_HEADER), `${JSON.stringify(header, null, 2)}\n`);
  return writeRunOutputs(out, header, records, outputs);
}
