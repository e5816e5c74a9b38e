/**
 * A finished replicate as compact numbers, and its binary encoding. The same bytes are the
 * checkpoint record's payload and the input of the results checksum, so "the checkpoint
 * matches the results" needs no second definition.
 *
 * Payload layout (little-endian): u32 cell, u32 replicate, f64 simulatedEvents,
 * u32 metric count, u32 stream values, u32 timeseries values, then the three f64 arrays.
 */

/** The outputs of one (cell, replicate), in the simulation's column orders. */
export interface ReplicateRecord {
  cell: number;
  replicate: number;
  simulatedEvents: number;
  /** One value per METRIC_NAMES entry. */
  metrics: Float64Array;
  /** Row-major rows of STREAM_COLUMNS. */
  streams: Float64Array;
  /** Row-major rows of TIMESERIES_COLUMNS. */
  timeseries: Float64Array;
}

const FIXED_BYTES = 4 + 4 + 8 + 4 + 4 + 4;

/** Bytes of a record's payload. */
export function payloadBytes(record: ReplicateRecord): number {
  return FIXED_BYTES + 8 * (record.metrics.length + record.streams.length + record.timeseries.length);
}

/** Writes the record's payload into `target` at `offset`; returns the offset after it. */
export function encodePayload(record: ReplicateRecord, target: Buffer, offset: number): number {
  let at = target.writeUInt32LE(record.cell, offset);
  at = target.writeUInt32LE(record.replicate, at);
  at = target.writeDoubleLE(record.simulatedEvents, at);
  at = target.writeUInt32LE(record.metrics.length, at);
  at = target.writeUInt32LE(record.streams.length, at);
  at = target.writeUInt32LE(record.timeseries.length, at);
  for (const column of [record.metrics, record.streams, record.timeseries]) {
    for (let i = 0; i < column.length; i++) at = target.writeDoubleLE(column[i], at);
  }
  return at;
}

/** Reads a payload written by encodePayload; undefined if its lengths do not add up. */
export function decodePayload(source: Buffer): ReplicateRecord | undefined {
  if (source.length < FIXED_BYTES) return undefined;
  const cell = source.readUInt32LE(0);
  const replicate = source.readUInt32LE(4);
  const simulatedEvents = source.readDoubleLE(8);
  const lengths = [source.readUInt32LE(16), source.readUInt32LE(20), source.readUInt32LE(24)];
  if (FIXED_BYTES + 8 * (lengths[0] + lengths[1] + lengths[2]) !== source.length) return undefined;
  let at = FIXED_BYTES;
  const [metrics, streams, timeseries] = lengths.map((length) => {
    const column = new Float64Array(length);
    for (let i = 0; i < length; i++, at += 8) column[i] = source.readDoubleLE(at);
    return column;
  });
  return { cell, replicate, simulatedEvents, metrics, streams, timeseries };
}
