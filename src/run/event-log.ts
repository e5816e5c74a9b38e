/**
 * The raw event log as one long CSV: a row per purchase, gift and payout the core applied,
 * `event` naming which, the replicate's identity, and the union of the three kinds' columns
 * (a column a kind does not have is empty). Workers write each replicate's rows to a part
 * file before the replicate counts as done; at the end the parts are joined in plan order, so
 * the log, like every other output, does not depend on worker count or completion order.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { GIFT_LOG_COLUMNS, PAYOUT_LOG_COLUMNS, PURCHASE_LOG_COLUMNS, type EventLogChunk, type EventLogSink } from "../sim/index.js";
import { writeAll, writeFileAtomicHashed, writeFileAtomicWith } from "./atomic-file.js";
import { csvNumber } from "./csv.js";
import { makeFolder } from "./make-folder.js";

const DATA_COLUMNS = [...new Set<string>([...PURCHASE_LOG_COLUMNS, ...GIFT_LOG_COLUMNS, ...PAYOUT_LOG_COLUMNS])];

/** Columns of the event log CSV. */
export const EVENT_LOG_COLUMNS: readonly string[] = ["event", "arm", "pointIndex", "replicate", ...DATA_COLUMNS];

/** Where a replicate's rows come from. */
export interface EventLogIdentity {
  arm: string;
  pointIndex: number;
  replicate: number;
}

/** A sink that renders each chunk as CSV lines and hands them to `emit` (chunks reuse buffers). */
export function csvEventSink(identity: EventLogIdentity, emit: (text: string) => void): EventLogSink {
  const render = (event: string, chunk: EventLogChunk<string>) => {
    const prefix = `${event},${identity.arm},${identity.pointIndex},${identity.replicate}`;
    const columns = DATA_COLUMNS.map((name) => (chunk.columns as Record<string, Float64Array | undefined>)[name]);
    let text = "";
    for (let row = 0; row < chunk.length; row++) {
      text += prefix;
      for (const column of columns) text += column === undefined ? "," : `,${csvNumber(column[row])}`;
      text += "\n";
    }
    emit(text);
  };
  return {
    purchases: (chunk) => render("purchase", chunk),
    gifts: (chunk) => render("gift", chunk),
    payouts: (chunk) => render("payout", chunk),
  };
}

/** The part file of (cell, replicate) in `partsDir`. */
export function eventPartPath(partsDir: string, cell: number, replicate: number): string {
  return join(partsDir, `${cell}-${replicate}.csv`);
}

/** Runs `produce` with a sink into the part file of (cell, replicate), durably and atomically. */
export function writeEventPart<T>(partsDir: string, cell: number, identity: EventLogIdentity, produce: (sink: EventLogSink) => T): T {
  makeFolder(partsDir);
  // A part lost to a crash before its rename reached the disk is rebuilt by assembleEventLog.
  return writeFileAtomicWith(eventPartPath(partsDir, cell, identity.replicate), (fd) => produce(csvEventSink(identity, (text) => writeAll(fd, Buffer.from(text, "utf8")))), { syncFolder: false });
}

/**
 * Joins the parts of `replicates` (cell, replicate pairs in plan order) into `file` atomically;
 * `regenerate` rewrites a missing part (a replicate finished by an earlier run without the log).
 * Removes the parts afterwards. Returns the log's sha256.
 */
export function assembleEventLog(
  file: string,
  partsDir: string,
  replicates: ReadonlyArray<{ cell: number; replicate: number }>,
  regenerate: (cell: number, replicate: number) => void,
): string {
  makeFolder(dirname(file));
  const sha256 = writeFileAtomicHashed(file, (write) => {
    write(Buffer.from(`${EVENT_LOG_COLUMNS.join(",")}\n`, "utf8"));
    for (const { cell, replicate } of replicates) {
      const part = eventPartPath(partsDir, cell, replicate);
      if (!existsSync(part)) regenerate(cell, replicate);
      write(readFileSync(part));
    }
  });
  rmSync(partsDir, { recursive: true, force: true });
  return sha256;
}
