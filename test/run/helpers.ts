import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** A test fixture file. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** The stand-in replicate module (see fixtures/fake-replicate.mjs), as workers import it. */
export const FAKE_REPLICATE = pathToFileURL(fixture("fake-replicate.mjs")).href;

/** A fresh temporary folder. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `giftsim-${label}-`));
}

/** The run folder's final files and their bytes (not the checkpoint, whose order may differ). */
export function outputFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => !name.startsWith("checkpoint") && !name.startsWith("."))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );
}

/** SIGKILLs `child` as soon as `ready()` holds; fails if the child exits first (it was not killed mid-run). */
export async function killWhen(child: ChildProcess, ready: () => boolean): Promise<void> {
  let exited = false;
  const exit = new Promise((resolve) => child.once("exit", resolve));
  void exit.then(() => (exited = true));
  while (!ready()) {
    if (exited) throw new Error(`the run ended (exit ${child.exitCode}) before it could be killed mid-way`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill("SIGKILL");
  await exit;
}
