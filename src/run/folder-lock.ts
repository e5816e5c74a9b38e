/**
 * One run per folder at a time. Two runs into one folder both did all the work and doubled the
 * checkpoint; now the first takes `.giftsim.lock` (created with O_EXCL: exactly one creator
 * wins), the second is refused. The lock names its holder (pid, host) and is refreshed while
 * held, so a lock left behind by a killed run is taken over: at once on the same host when its
 * pid is gone, and, for a holder on another host (a pod on a shared volume, rescheduled after a
 * node failure), once it has not been refreshed for STALE_LOCK_MS.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { errors } from "../errors.js";

export const LOCK_FILE = ".giftsim.lock";
/** A lock not refreshed for this long is stale whoever holds it (a live holder refreshes every LOCK_REFRESH_MS). */
export const STALE_LOCK_MS = 60_000;
const LOCK_REFRESH_MS = 10_000;
/** Tokens of the locks this process holds: a lock with this pid and another token is a dead process's. */
const heldHere = new Set<string>();

/** Who holds a folder's lock. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Tells this lock from an earlier one of the same pid (a restarted container is pid 1 again). */
  token: string;
}

/** A held lock; release() removes it (if it is still this one). */
export interface FolderLock {
  release(): void;
}

/**
 * Takes the lock of `dir` (which must exist), taking over a stale one; throws errors.folderLocked
 * (exit 2) when a live run holds it, or the fs error when the folder cannot be written.
 */
export function lockFolder(dir: string): FolderLock {
  const file = join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
  // Two tries: a stale lock is removed once; losing the retry means another run took it meanwhile.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(file, me)) return held(file, me);
    const holder = readHolder(file);
    if (holder !== undefined && !isStale(file, holder)) throw errors.folderLocked(dir, holder, file);
    if (holder === undefined && !isOld(file)) throw errors.folderLocked(dir, undefined, file);
    rmSync(file, { force: true });
  }
  throw errors.folderLocked(dir, readHolder(file), file);
}

function create(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function held(file: string, me: LockHolder): FolderLock {
  const refresh = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // A folder removed under a run fails its next write, which says so; the lock need not.
    }
  }, LOCK_REFRESH_MS);
  refresh.unref();
  heldHere.add(me.token);
  return {
    release() {
      clearInterval(refresh);
      heldHere.delete(me.token);
      if (readHolder(file)?.token === me.token) rmSync(file, { force: true });
    },
  };
}

/** The lock's holder, or undefined when the file is gone or unreadable (being written, or torn). */
function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    return typeof holder?.pid === "number" && typeof holder.host === "string" ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isStale(file: string, holder: LockHolder): boolean {
  if (holder.host === hostname() && (holder.pid === process.pid ? !heldHere.has(holder.token) : !pidAlive(holder.pid))) return true;
  return isOld(file);
}

function isOld(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > STALE_LOCK_MS;
  } catch {
    return true;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
