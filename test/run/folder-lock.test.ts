import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { LOCK_FILE, STALE_LOCK_MS, lockFolder } from "../../src/run/folder-lock.js";
import { tempDir } from "./helpers.js";

/** A pid that was alive a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

function writeLock(dir: string, holder: { pid: number; host: string }, ageMs = 0): string {
  const file = join(dir, LOCK_FILE);
  writeFileSync(file, JSON.stringify({ ...holder, since: "2026-01-01T00:00:00.000Z", token: "earlier" }));
  const at = new Date(Date.now() - ageMs);
  utimesSync(file, at, at);
  return file;
}

/** Regression: two runs into one folder at once both did all the work. */
describe("folder lock", () => {
  it("is exclusive while held and gone once released", () => {
    const dir = tempDir("lock");
    const lock = lockFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockFolder(dir)).toThrow(GiftsimError);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockFolder(dir).release();
  });

  it("refuses a lock held by a live process on this host, naming it", () => {
    const dir = tempDir("lock-live");
    writeLock(dir, { pid: process.ppid, host: hostname() });
    expect(() => lockFolder(dir)).toThrow(new RegExp(`in use by another giftsim run \\(pid ${process.ppid} on ${hostname()}`));
  });

  it("takes over the lock of a dead process on this host (kill -9), and of this pid from an earlier process (a restarted container)", () => {
    for (const pid of [deadPid(), process.pid]) {
      const dir = tempDir("lock-stale");
      writeLock(dir, { pid, host: hostname() });
      const lock = lockFolder(dir);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
      lock.release();
    }
  });

  it("another host's lock holds while refreshed and is taken over once it is older than the stale limit", () => {
    const dir = tempDir("lock-host");
    writeLock(dir, { pid: 1, host: "elsewhere" }, STALE_LOCK_MS / 2);
    expect(() => lockFolder(dir)).toThrow(/pid 1 on elsewhere/);
    writeLock(dir, { pid: 1, host: "elsewhere" }, STALE_LOCK_MS * 2);
    lockFolder(dir).release();
  });

  it("refuses a fresh lock it cannot read (being written) and takes over an old one (torn)", () => {
    const dir = tempDir("lock-torn");
    const file = join(dir, LOCK_FILE);
    writeFileSync(file, "");
    expect(() => lockFolder(dir)).toThrow(/its lock file is being written or is damaged.*remove .*\.giftsim\.lock/);
    const old = new Date(Date.now() - STALE_LOCK_MS * 2);
    utimesSync(file, old, old);
    lockFolder(dir).release();
  });
});
