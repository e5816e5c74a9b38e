/**
 * The framing of a folder's append-only logs (checkpoint.bin's replicate records, parts.bin's
 * community parts): each payload as u32 magic, u32 payload length, u32 crc32 of the payload,
 * payload, little-endian. A kill mid-append leaves at most a torn last frame, which fails its
 * frame check; everything before it is intact.
 */
import { crc32 } from "node:zlib";

const FRAME_BYTES = 12;

/** The payloads framed end to end, in one buffer (appended in one write). */
export function framePayloads(magic: number, payloads: readonly Uint8Array[]): Buffer {
  const buffer = Buffer.alloc(payloads.reduce((total, payload) => total + FRAME_BYTES + payload.length, 0));
  let at = 0;
  for (const payload of payloads) {
    buffer.writeUInt32LE(magic, at);
    buffer.writeUInt32LE(payload.length, at + 4);
    buffer.writeUInt32LE(crc32(payload), at + 8);
    buffer.set(payload, at + FRAME_BYTES);
    at += FRAME_BYTES + payload.length;
  }
  return buffer;
}

/**
 * Decodes every intact frame of `data`, stopping at the first torn, corrupt or undecodable one
 * (`decode` returns undefined); `intactBytes` ends before it.
 */
export function readFrames<T>(magic: number, data: Buffer, decode: (payload: Buffer) => T | undefined): { items: T[]; intactBytes: number } {
  const items: T[] = [];
  let at = 0;
  while (at + FRAME_BYTES <= data.length) {
    if (data.readUInt32LE(at) !== magic) break;
    const end = at + FRAME_BYTES + data.readUInt32LE(at + 4);
    if (end > data.length) break;
    const payload = data.subarray(at + FRAME_BYTES, end);
    if (crc32(payload) !== data.readUInt32LE(at + 8)) break;
    const item = decode(payload);
    if (item === undefined) break;
    items.push(item);
    at = end;
  }
  return { items, intactBytes: at };
}
