/**
 * The run folder's durable record of finished replicates: checkpoint.json names the run
 * (scenario, seed, replicate count, version, shard) and checkpoint.bin is append-only, one
 * framed record per replicate (frames.ts). Each chunk's records are appended in one write and fsync'd before they count as done. A kill
 * at any moment leaves at most a torn last record, which fails its frame check and is cut off
 * on resume; everything before it is intact. Results are never read from anywhere else, so a
 * resumed run finishes to exactly the uninterrupted result.
 */
import { existsSync, readFileSync, readdirSync, rmSync, truncateSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { GiftsimError, errors } from "../errors.js";
import type { ResolvedScenario } from "../scenario/index.js";
import { writeFileAtomic } from "./atomic-file.js";
import { framePayloads, readFrames } from "./frames.js";
import { LOCK_FILE, lockFolder, type FolderLock } from "./folder-lock.js";
import { makeFolder } from "./make-folder.js";
import { decodePayload, encodePayload, payloadBytes, type ReplicateRecord } from "./record.js";
import type { Shard } from "./shard.js";

export const CHECKPOINT_HEADER = "checkpoint.json";
export const CHECKPOINT_RECORDS = "checkpoint.bin";
export const MANIFEST = "manifest.json";
const MAGIC = 0x31525347; // "GSR1" read little-endian

/** What a run folder holds results of; a resume or a merge must match it field for field. */
export interface CheckpointHeader {
  format: "giftsim-checkpoint/1";
  giftsim: string;
  scenarioHash: string;
  seed: string;
  /** Replicates per cell in the whole plan (a shard runs a slice of them). */
  replicates: number;
  shard: Shard | null;
  /** The slice of every replicate's communities a `--communities i/n` folder holds (community-slice.ts); absent in a run folder. */
  communities?: Shard;
  columns: { metrics: readonly string[]; streams: readonly string[]; timeseries: readonly string[] };
  scenario: ResolvedScenario;
}

/** Appends finished work durably. */
export interface CheckpointWriter<T = ReplicateRecord> {
  append(items: readonly T[]): Promise<void>;
  close(): Promise<void>;
}

/** The append-only log a folder keeps its finished work in, and the file whose presence says the folder is finished. */
export interface FolderLog<T> {
  file: string;
  finishedMarker: string;
  frame(items: readonly T[]): Buffer;
  read(file: string): { items: T[]; intactBytes: number; totalBytes: number };
}

/** Frames records for checkpoint.bin. */
export function frameRecords(records: readonly ReplicateRecord[]): Buffer {
  return framePayloads(
    MAGIC,
    records.map((record) => {
      const payload = Buffer.alloc(payloadBytes(record));
      encodePayload(record, payload, 0);
      return payload;
    }),
  );
}

/** Reads every intact record of checkpoint.bin; `intactBytes` ends before a torn or corrupt tail. */
export function readRecords(file: string): { records: ReplicateRecord[]; intactBytes: number; totalBytes: number } {
  const data = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  const { items, intactBytes } = readFrames(MAGIC, data, decodePayload);
  return { records: items, intactBytes, totalBytes: data.length };
}

/** A run folder's log: replicate records in checkpoint.bin, finished when manifest.json is written. */
export const RECORDS_LOG: FolderLog<ReplicateRecord> = {
  file: CHECKPOINT_RECORDS,
  finishedMarker: MANIFEST,
  frame: frameRecords,
  read: (file) => {
    const { records, intactBytes, totalBytes } = readRecords(file);
    return { items: records, intactBytes, totalBytes };
  },
};

/** Reads a run folder's header, or throws if the folder holds no giftsim run. */
export function readHeader(dir: string): CheckpointHeader {
  const file = join(dir, CHECKPOINT_HEADER);
  if (!existsSync(file)) throw errors.notARunFolder(dir, `no ${CHECKPOINT_HEADER}`);
  let header: CheckpointHeader;
  try {
    header = JSON.parse(readFileSync(file, "utf8")) as CheckpointHeader;
  } catch (error) {
    throw errors.notARunFolder(dir, `unreadable ${CHECKPOINT_HEADER} (${(error as Error).message})`);
  }
  if (header?.format !== "giftsim-checkpoint/1") throw errors.notARunFolder(dir, `unknown format ${JSON.stringify(header?.format ?? header)}`);
  return header;
}

/**
 * Opens the folder's checkpoint for `header` with its `log` (RECORDS_LOG for a run): a fresh
 * one, or with `resume` the existing one (which must be of the same run), its torn tail cut
 * off. Returns the work already done.
 * A finished run of exactly the same inputs is reopened even without `resume`: its outputs
 * are what a rerun would write byte for byte, so running the same command twice just works.
 * The folder is made and locked first (folder-lock.ts), so a folder that cannot be written is
 * refused before any work, and so is one another run is using; the caller releases the lock.
 */
export async function openCheckpoint<T>(dir: string, header: CheckpointHeader, resume: boolean, log: FolderLog<T>): Promise<{ writer: CheckpointWriter<T>; done: T[]; lock: FolderLock }> {
  let lock: FolderLock;
  try {
    makeFolder(dir);
    lock = lockFolder(dir);
  } catch (error) {
    if (error instanceof GiftsimError) throw error;
    throw errors.unwritableFolder("--out", dir, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  try {
    const { writer, done } = await openLog(dir, header, resume, log);
    return { writer, done, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openLog<T>(dir: string, header: CheckpointHeader, resume: boolean, log: FolderLog<T>): Promise<{ writer: CheckpointWriter<T>; done: T[] }> {
  const headerFile = join(dir, CHECKPOINT_HEADER);
  const recordsFile = join(dir, log.file);
  let done: T[] = [];
  if (existsSync(headerFile)) {
    const found = readHeader(dir);
    const fields = [
      ...identityFields(found, header),
      ["shard", shardText(found.shard), shardText(header.shard)] as const,
      ["communities", shardText(found.communities ?? null), shardText(header.communities ?? null)] as const,
    ];
    const sameRun = fields.every(([, was, is]) => was === is);
    const finished = existsSync(join(dir, log.finishedMarker));
    if (!resume && !(finished && sameRun)) throw finished ? errors.outputExists(dir) : errors.unfinishedRun(dir);
    for (const [field, was, is] of fields) {
      if (was !== is) throw errors.checkpointMismatch(dir, field, String(was), String(is));
    }
    const read = log.read(recordsFile);
    if (read.intactBytes < read.totalBytes) truncateSync(recordsFile, read.intactBytes);
    done = read.items;
  } else {
    // Outputs with no checkpoint cannot be told apart from another run's: starting over here
    // would leave them claiming a finished run until this one ends, or for good if it is stopped.
    if (existsSync(join(dir, log.finishedMarker))) throw errors.outputsWithoutCheckpoint(dir);
    refuseForeignFiles(dir, log.file);
    rmSync(recordsFile, { force: true });
    writeFileAtomic(headerFile, `${JSON.stringify(header, null, 2)}\n`);
  }
  const handle = await open(recordsFile, "a");
  return { writer: appender(handle, log), done };
}

/**
 * A new run writes a dozen files into its folder and replaces any of the same name, so it
 * starts only in an empty folder or one holding no more than what a run stopped before its
 * checkpoint header left (its lock, records, temporary files): `--out /tmp` or a folder of
 * the user's own files is refused rather than written into.
 */
function refuseForeignFiles(dir: string, logFile: string): void {
  const foreign = readdirSync(dir).filter((name) => name !== LOCK_FILE && name !== logFile && !/^\..*\.tmp$/.test(name));
  if (foreign.length > 0) throw errors.foreignFolder(dir, foreign.sort());
}

function appender<T>(handle: FileHandle, log: FolderLog<T>): CheckpointWriter<T> {
  // Appends are chained so records never interleave and close() waits for the last flush.
  let tail: Promise<void> = Promise.resolve();
  return {
    append(items) {
      const bytes = log.frame(items);
      tail = tail.then(async () => {
        await handle.write(bytes);
        await handle.datasync();
      });
      return tail;
    },
    async close() {
      await tail.catch(() => undefined);
      await handle.close();
    },
  };
}

/**
 * What makes two checkpoint headers the same run (the shard aside), as (field, a's value, b's
 * value) in the order mismatches are reported: resume and merge both refuse on the first that differs.
 */
export function identityFields(a: CheckpointHeader, b: CheckpointHeader): Array<readonly [string, unknown, unknown]> {
  return [
    ["scenario hash", a.scenarioHash, b.scenarioHash],
    ["seed", a.seed, b.seed],
    ["replicate count", a.replicates, b.replicates],
    ["giftsim version", a.giftsim, b.giftsim],
  ];
}

/** "i/n" or "none", for messages and comparisons. */
export function shardText(shard: Shard | null): string {
  return shard === null ? "none" : `${shard.index}/${shard.count}`;
}
