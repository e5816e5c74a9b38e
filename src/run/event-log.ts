/**
 * The raw event log as one long CSV: a row per purchase, gift and payout the core applied,
 * `event` naming which, the replicate's identity, and the union of the three kinds' columns
 * (a column a kind does not have is empty). Workers write each replicate's rows to a part
 * file before the replicate counts as done; at the end the parts are joined in plan order, so
 * the log, like every other output, does not depend on worker count or completion order.
 * A log named `*.parquet` is written as Parquet instead (typed, compressed, row groups cut by
 * row count alone): the parts stay CSV, and are parsed back (exactly: CSV numbers round-trip)
 * as they are joined.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { GIFT_LOG_COLUMNS, PAYOUT_LOG_COLUMNS, PURCHASE_LOG_COLUMNS, type EventLogChunk, type EventLogSink } from "../sim/index.js";
import { writeAll, writeFileAtomicHashed, writeFileAtomicWith } from "./atomic-file.js";
import { csvNumber, parseCsvNumber } from "./csv.js";
import { makeFolder } from "./make-folder.js";
import { parquetTableWriter } from "./parquet.js";
import type { TableColumn } from "./table.js";

const DATA_COLUMNS = [...new Set<string>([...PURCHASE_LOG_COLUMNS, ...GIFT_LOG_COLUMNS, ...PAYOUT_LOG_COLUMNS])];

/** Columns of the event log, typed as the Parquet log stores them. */
export const EVENT_LOG_TABLE_COLUMNS: readonly TableColumn[] = [
  { name: "event", type: "STRING" },
  { name: "arm", type: "STRING" },
  { name: "pointIndex", type: "INT32" },
  { name: "replicate", type: "INT32" },
  ...DATA_COLUMNS.map((name): TableColumn => ({ name, type: "DOUBLE" })),
];

/** Columns of the event log. */
export const EVENT_LOG_COLUMNS: readonly string[] = EVENT_LOG_TABLE_COLUMNS.map((column) => column.name);

/** How an event log file is written: Parquet when its name ends in .parquet, else CSV. */
export type EventLogFormat = "csv" | "parquet";

/** The format of the event log file `file`. */
export function eventLogFormat(file: string): EventLogFormat {
  return extname(file).toLowerCase() === ".parquet" ? "parquet" : "csv";
}

/** An event log being written: CSV rows (as the parts hold them) in, plan order. */
export interface EventLogWriter {
  /** Appends CSV rows: whole lines, each ending in a newline (CSV passes any slice of them through). */
  csvRows(bytes: Uint8Array): void;
  finish(): void;
}

/** A writer of the event log in `format` that hands the file's bytes to `write`. */
export function eventLogWriter(format: EventLogFormat, write: (bytes: Uint8Array) => void): EventLogWriter {
  if (format === "csv") {
    write(Buffer.from(`${EVENT_LOG_COLUMNS.join(",")}\n`, "utf8"));
    return { csvRows: write, finish: () => undefined };
  }
  const table = parquetTableWriter(write, EVENT_LOG_TABLE_COLUMNS);
  return {
    csvRows(bytes) {
      const lines = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8").split("\n");
      // The text ends with a newline, so the last piece is empty.
      for (let i = 0; i < lines.length - 1; i++) {
        const fields = lines[i].split(",");
        table.row([fields[0], fields[1], Number(fields[2]), Number(fields[3]), ...fields.slice(4).map(parseCsvNumber)]);
      }
    },
    finish: () => table.finish(),
  };
}

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
    const log = eventLogWriter(eventLogFormat(file), write);
    for (const { cell, replicate } of replicates) {
      const part = eventPartPath(partsDir, cell, replicate);
      if (!existsSync(part)) regenerate(cell, replicate);
      log.csvRows(readFileSync(part));
    }
    log.finish();
  });
  rmSync(partsDir, { recursive: true, force: true });
  return sha256;
}
