/**
 * Files that appear whole or not at all: written under a temporary name, flushed, renamed over
 * the final name, and the folder flushed so the rename itself survives a power cut.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createHash } from "node:crypto";

/** Writes `data` to `file` atomically (tmp + fsync + rename + fsync of the folder). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeFileAtomicWith(file, (fd) => writeAll(fd, typeof data === "string" ? Buffer.from(data, "utf8") : data));
}

/**
 * Runs `produce` on a temporary file beside `file`, then flushes it and renames it over `file`.
 * If `produce` throws, the temporary file is removed and `file` is left as it was. With
 * `syncFolder` false the rename is not flushed (for files that are rebuilt when missing).
 */
export function writeFileAtomicWith<T>(file: string, produce: (fd: number) => T, options: { syncFolder?: boolean } = {}): T {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(tmp, "w");
  let result: T;
  try {
    result = produce(fd);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, file);
  if (options.syncFolder ?? true) syncFolder(dirname(file));
  return result;
}

/**
 * writeFileAtomicWith for content written in pieces whose sha256 the caller wants: `produce`
 * gets a `write` that appends bytes and hashes them. Returns the file's sha256.
 */
export function writeFileAtomicHashed(file: string, produce: (write: (bytes: Uint8Array) => void) => void): string {
  const hash = createHash("sha256");
  writeFileAtomicWith(file, (fd) =>
    produce((bytes) => {
      hash.update(bytes);
      writeAll(fd, bytes);
    }),
  );
  return hash.digest("hex");
}

/** Writes all of `bytes` at the file's position (writeSync may write less than asked). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** Flushes a folder's entries (renames, new files) to disk. */
export function syncFolder(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
