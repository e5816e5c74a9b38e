/**
 * Writes a run folder's final files from its records, in plan order whatever order they were
 * computed in: replicates.csv, streams.csv, timeseries.csv (and their .parquet twins on
 * request), duckdb.sql (their typed views), summary.json, and manifest.json last, so a folder
 * with a manifest is a finished run. Each file is written under a temporary name and renamed.
 * The manifest's results checksum is the sha256 of the record payloads in plan order:
 * identical for any worker count, chunking, resume, or shard + merge.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { ResolvedScenario } from "../scenario/index.js";
import { writeFileAtomic } from "./atomic-file.js";
import { MANIFEST, type CheckpointHeader } from "./checkpoint.js";
import { writeCsvTable, writeLinesAtomic } from "./csv.js";
import { duckdbViews } from "./duckdb-views.js";
import { writeParquetTable } from "./parquet.js";
import { encodePayload, payloadBytes, type ReplicateRecord } from "./record.js";
import { resultTables } from "./result-tables.js";
import { shardReplicates, type Shard } from "./shard.js";
import { buildSummary, type Summary } from "./summary.js";

/** manifest.json: what was run and what came out, enough to reproduce and verify it. */
export interface Manifest {
  format: "giftsim-run/1";
  giftsim: string;
  node: string;
  scenario: { name: string; hash: string; resolved: ResolvedScenario };
  seed: string;
  /** Replicates per cell in the whole plan. */
  replicates: number;
  plan: { cells: number; totalReplicates: number };
  /** The slice this folder holds, or null for the whole plan. */
  shard: (Shard & { replicates: { from: number; to: number } }) | null;
  columns: CheckpointHeader["columns"];
  /** Replicates whose results are in this folder. */
  replicatesInFolder: number;
  simulatedEvents: number;
  audit: { state: "passed"; replicates: number };
  checksums: { algorithm: "sha256"; results: string; files: Record<string, string> };
  /** The event log written with --events-out (file name and sha256), if any. */
  eventLog?: { file: string; sha256: string };
}

/** Orders records by plan position: cell, then replicate index. */
export function inPlanOrder(records: Iterable<ReplicateRecord>): ReplicateRecord[] {
  return [...records].sort((a, b) => a.cell - b.cell || a.replicate - b.replicate);
}

/** sha256 of the records' payloads, in the order given. */
export function resultsChecksum(records: readonly ReplicateRecord[]): string {
  const hash = createHash("sha256");
  for (const record of records) {
    const payload = Buffer.alloc(payloadBytes(record));
    encodePayload(record, payload, 0);
    hash.update(payload);
  }
  return hash.digest("hex");
}

/**
 * Writes the final files of the run `header` describes; `records` must be in plan order.
 * `eventLog` names the event log written beside them; `parquet` adds the tables as Parquet.
 */
export function writeRunOutputs(
  dir: string,
  header: CheckpointHeader,
  records: readonly ReplicateRecord[],
  options: { eventLog?: Manifest["eventLog"]; parquet?: boolean } = {},
): { manifest: Manifest; summary: Summary } {
  const { scenario } = header;
  const files: Record<string, string> = {};
  const tables = resultTables(header, records);
  for (const [name, table] of Object.entries(tables)) {
    files[`${name}.csv`] = writeCsvTable(join(dir, `${name}.csv`), table);
    if (options.parquet === true) files[`${name}.parquet`] = writeParquetTable(join(dir, `${name}.parquet`), table);
  }
  files["duckdb.sql"] = writeLinesAtomic(join(dir, "duckdb.sql"), [duckdbViews(tables)]);
  const summary = buildSummary(header, records);
  files["summary.json"] = writeLinesAtomic(join(dir, "summary.json"), [JSON.stringify(summary, null, 2)]);

  const manifest: Manifest = {
    format: "giftsim-run/1",
    giftsim: header.giftsim,
    node: process.version,
    scenario: { name: scenario.name, hash: header.scenarioHash, resolved: scenario },
    seed: header.seed,
    replicates: header.replicates,
    plan: { cells: scenario.cells.length, totalReplicates: scenario.cells.length * header.replicates },
    shard: header.shard === null ? null : { ...header.shard, replicates: shardReplicates(header.replicates, header.shard) },
    columns: header.columns,
    replicatesInFolder: records.length,
    simulatedEvents: records.reduce((total, record) => total + record.simulatedEvents, 0),
    audit: { state: "passed", replicates: records.length },
    checksums: { algorithm: "sha256", results: resultsChecksum(records), files },
    eventLog: options.eventLog,
  };
  writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, summary };
}

