/**
 * Joins shard event logs into the log the unsharded run would have written, byte for byte. A
 * shard holds replicates [from, to) of every cell, and its log lists them cell by cell; the
 * whole run's log lists cell 0 of every shard, then cell 1 of every shard, and so on. So each
 * CSV shard log is scanned once for where each cell's rows begin and end (rows name their arm
 * and sweep point), and the merged log is those byte ranges in (cell, shard) order. Parquet
 * shard logs are read row group by row group in that same order and their rows written anew
 * (see merge-parquet-logs.ts). Each shard log must still match the sha256 its manifest
 * recorded, so a log edited or cut since is refused, and be in the merged log's format.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { errors } from "../errors.js";
import type { ResolvedScenario } from "../scenario/index.js";
import { writeFileAtomicHashed } from "./atomic-file.js";
import { MANIFEST } from "./checkpoint.js";
import { EVENT_LOG_COLUMNS, eventLogFormat, eventLogWriter, type EventLogFormat } from "./event-log.js";
import { makeFolder } from "./make-folder.js";
import type { Manifest } from "./finalize.js";
import { checkParquetShardLog, writeMergedParquetLog } from "./merge-parquet-logs.js";
import type { ShardLog, ShardLogSource } from "./shard-log.js";

const READ_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const COMMA = 0x2c;

/**
 * Finds and checks every shard's log before anything is written; throws a GiftsimError (exit
 * 2) naming the shard when a log is missing, moved, changed, not in `format` or (CSV) not in
 * plan order. A Parquet log's row order is checked as it is merged.
 */
export async function locateShardLogs(shards: readonly ShardLogSource[], scenario: ResolvedScenario, format: EventLogFormat): Promise<ShardLog[]> {
  const cellOf = new Map(scenario.cells.map((cell, index) => [`${cell.arm},${cell.pointIndex}`, index]));
  const logs: ShardLog[] = [];
  for (const { dir, label } of shards) {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
    } catch (error) {
      throw errors.shardLog(label, dir, `has an unreadable ${MANIFEST} (${(error as Error).message.split("\n")[0]})`);
    }
    const recorded = manifest.eventLog;
    if (recorded === undefined) throw errors.shardLog(label, dir, "has no event log: run the shard with --events-out inside its folder");
    const file = join(dir, recorded.file);
    if (!existsSync(file)) throw errors.shardLog(label, dir, `has no ${recorded.file} in its folder: keep each shard's --events-out file there`);
    const shardFormat = eventLogFormat(file);
    if (shardFormat !== format) throw errors.shardLog(label, dir, `has a ${shardFormat === "parquet" ? "Parquet" : "CSV"} event log (${recorded.file}): merge into a .${shardFormat} file, or rerun the shards with one format`);
    const changed = () => errors.shardLog(label, dir, `${recorded.file} changed since its run (sha256 differs from the manifest)`);
    if (format === "parquet") {
      if (fileSha256(file) !== recorded.sha256) throw changed();
      const problem = await checkParquetShardLog(file);
      if (problem !== undefined) throw errors.shardLog(label, dir, `${recorded.file}: ${problem}`);
      logs.push({ format, label, dir, file });
      continue;
    }
    const scanned = scanCells(file, cellOf, scenario.cells.length);
    if (scanned.sha256 !== recorded.sha256) throw changed();
    if (scanned.problem !== undefined) throw errors.shardLog(label, dir, `${recorded.file}: ${scanned.problem}`);
    logs.push({ format, label, dir, file, ranges: scanned.ranges });
  }
  return logs;
}

/** Writes the merged log (in the logs' format) to `file` atomically; returns its sha256. */
export async function writeMergedEventLog(file: string, logs: readonly ShardLog[], scenario: ResolvedScenario): Promise<string> {
  makeFolder(dirname(file));
  const csvLogs = logs.filter((log) => log.format === "csv");
  if (csvLogs.length < logs.length) return writeMergedParquetLog(file, logs, scenario);
  return writeFileAtomicHashed(file, (write) => {
    const log = eventLogWriter("csv", write);
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (let cell = 0; cell < scenario.cells.length; cell++) {
      for (const { file: shardFile, ranges } of csvLogs) {
        const range = ranges[cell];
        if (range !== undefined) copyRange(shardFile, range, buffer, (bytes) => log.csvRows(bytes));
      }
    }
    log.finish();
  });
}

/** The sha256 of a file, read in pieces. */
function fileSha256(file: string): string {
  const hash = createHash("sha256");
  const fd = openSync(file, "r");
  const chunk = Buffer.allocUnsafe(READ_BYTES);
  try {
    for (let offset = 0, read = 0; (read = readSync(fd, chunk, 0, READ_BYTES, offset)) > 0; offset += read) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

/**
 * The log's sha256 and each cell's byte range; `problem` says what is wrong with the log's
 * shape (header, rows, plan order), after which the rest is only hashed.
 */
function scanCells(file: string, cellOf: Map<string, number>, cellCount: number): { sha256: string; ranges: Array<[number, number] | undefined>; problem?: string } {
  let problem: string | undefined;
  const ranges: Array<[number, number] | undefined> = new Array(cellCount).fill(undefined);
  const hash = createHash("sha256");
  const fd = openSync(file, "r");
  const chunk = Buffer.allocUnsafe(READ_BYTES);
  let carry = Buffer.alloc(0);
  let carryStart = 0;
  let offset = 0;
  let headerSeen = false;
  let cell = -1;
  let currentKey = Buffer.alloc(0);
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, READ_BYTES, offset);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
      offset += read;
      if (problem !== undefined) continue;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let at = 0;
      for (let end = data.indexOf(NEWLINE, at); end >= 0 && problem === undefined; at = end + 1, end = data.indexOf(NEWLINE, at)) {
        const lineStart = carryStart + at;
        if (!headerSeen) {
          if (data.toString("utf8", at, end) !== EVENT_LOG_COLUMNS.join(",")) problem = "does not start with the event log's header";
          headerSeen = true;
          continue;
        }
        // The key is the line's second and third fields: arm and sweep point.
        const first = data.indexOf(COMMA, at);
        const second = first < 0 ? -1 : data.indexOf(COMMA, first + 1);
        const third = second < 0 ? -1 : data.indexOf(COMMA, second + 1);
        if (third < 0 || third > end) {
          problem = `the row at byte ${lineStart} is not an event log row`;
          break;
        }
        const key = data.subarray(first + 1, third);
        if (!key.equals(currentKey)) {
          const next = cellOf.get(key.toString("utf8"));
          if (next === undefined || next <= cell) {
            problem = `rows of ${key.toString("utf8")} at byte ${lineStart} are not in plan order`;
            break;
          }
          cell = next;
          currentKey = Buffer.from(key);
          ranges[cell] = [lineStart, lineStart];
        }
        (ranges[cell] as [number, number])[1] = carryStart + end + 1;
      }
      carry = Buffer.from(data.subarray(at));
      carryStart += at;
    }
  } finally {
    closeSync(fd);
  }
  if (problem === undefined && (!headerSeen || carry.length > 0)) problem = "ends inside a line (cut short?)";
  return { sha256: hash.digest("hex"), ranges, problem };
}

function copyRange(file: string, [start, end]: [number, number], buffer: Buffer, write: (bytes: Uint8Array) => void): void {
  const fd = openSync(file, "r");
  try {
    for (let at = start; at < end; ) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
      if (read === 0) throw new Error(`${file} shrank while it was merged`);
      write(buffer.subarray(0, read));
      at += read;
    }
  } finally {
    closeSync(fd);
  }
}
