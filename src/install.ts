/**
 * Where this installation's own files are (scenarios/, reports/, dist/workers/) and which
 * version it is. Found from this module, which runs from src/ under the tests and from
 * dist/src/ when built: both walk up to the same package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { errors } from "./errors.js";

let found: { root: string; version: string } | undefined;

function installation(): { root: string; version: string } {
  if (found !== undefined) return found;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "giftsim") return (found = { root: dir, version: pkg.version ?? "unknown" });
    }
    if (dirname(dir) === dir) return (found = { root: dirname(here), version: "unknown" });
  }
}

/** A path inside this installation, e.g. installPath("scenarios"). */
export function installPath(...segments: string[]): string {
  return join(installation().root, ...segments);
}

/** giftsim's own version, from its package.json. */
export function giftsimVersion(): string {
  return installation().version;
}

/**
 * The compiled entry of a worker in workers/: worker threads run JavaScript, also under tests.
 * A clear error (exit 2) when the package is not built, for every pool alike.
 */
export function compiledWorker(name: string): string {
  const built = installPath("dist", "workers", `${name}.js`);
  if (!existsSync(built)) throw errors.workerEntryMissing(built);
  return built;
}
