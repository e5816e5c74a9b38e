/** Shard event logs as the merge finds them; shared by the CSV and Parquet merges. */

/** A shard folder to take a log from, in shard order. */
export interface ShardLogSource {
  dir: string;
  label: string;
}

/** A shard's checked log; for CSV, where its rows of each cell lie: [start, end) byte offsets, or none. */
export type ShardLog =
  | { format: "csv"; label: string; dir: string; file: string; ranges: Array<[number, number] | undefined> }
  | { format: "parquet"; label: string; dir: string; file: string };
