/**
 * mkdir -p in a bounded number of steps. Node's own `mkdir(..., { recursive: true })` (and the
 * mkdirp package's fallback) retry a parent that exists but refuses children with ENOENT: on
 * procfs (`--out /proc/x`) that spun at 100% CPU for ever, deaf to SIGTERM. Here each missing
 * folder is made once, top down, and the first refusal is thrown.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { errors } from "../errors.js";
import { fileKind } from "../file-kind.js";

/** Makes `dir` and any missing parents; throws the fs error (ENOENT, EACCES, EROFS, ENOTDIR...) of the first that cannot be made. */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another process (a second run, a shard) may make the same folder at the same moment.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  if (!statSync(dir).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: "ENOTDIR", path: dir });
}

/**
 * Makes `dir` and creates and removes a file in it, so a folder that cannot take the output of
 * `flag` (given as `given`) is refused (errors.unwritableFolder, exit 2) before the work rather than after it.
 */
export function checkWritableFolder(flag: string, dir: string, given = dir): void {
  const probe = join(dir, `.giftsim-probe.${process.pid}`);
  try {
    makeFolder(dir);
    closeSync(openSync(probe, "w"));
    rmSync(probe, { force: true });
  } catch (error) {
    throw errors.unwritableFolder(flag, given, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}

/**
 * checkWritableFolder for the folder of output file `file`, and `file` itself new or a regular
 * file: outputs are written beside and renamed over it, which would turn a device (/dev/full)
 * or a symbolic link into a plain file.
 */
export function checkWritableFile(flag: string, file: string): void {
  checkWritableFolder(flag, dirname(file), file);
  let kind: string;
  try {
    kind = fileKind(lstatSync(file));
  } catch {
    return;
  }
  if (kind !== "a regular file") throw errors.notARegularFile(flag, file, kind);
}
