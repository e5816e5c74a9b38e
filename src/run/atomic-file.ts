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
  const tmp = temporaryName(file);
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

/** A file being written in pieces under a temporary name; `commit` puts it in place. */
export interface AtomicFile {
  /** Appends bytes (and hashes them). */
  write(bytes: Uint8Array): void;
  /** Flushes, renames over the final name, flushes the folder; returns the file's sha256. */
  commit(): string;
  /** Removes the temporary file, leaving the final name as it was. */
  abort(): void;
}

/**
 * Opens `file` for writing in pieces, for producers that cannot run inside one callback (they
 * await their input). Call `abort` when the content cannot be finished.
 */
export function openAtomicFile(file: string): AtomicFile {
  const tmp = temporaryName(file);
  const fd = openSync(tmp, "w");
  const hash = createHash("sha256");
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(bytes) {
      hash.update(bytes);
      writeAll(fd, bytes);
    },
    commit() {
      fsyncSync(fd);
      close();
      renameSync(tmp, file);
      syncFolder(dirname(file));
      return hash.digest("hex");
    },
    abort() {
      close();
      rmSync(tmp, { force: true });
    },
  };
}

/**
 * writeFileAtomicWith for content written in pieces whose sha256 the caller wants: `produce`
 * gets a `write` that appends bytes and hashes them. Returns the file's sha256.
 */
export function writeFileAtomicHashed(file: string, produce: (write: (bytes: Uint8Array) => void) => void): string {
  const atomic = openAtomicFile(file);
  try {
    produce((bytes) => atomic.write(bytes));
  } catch (error) {
    atomic.abort();
    throw error;
  }
  return atomic.commit();
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

function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
}
