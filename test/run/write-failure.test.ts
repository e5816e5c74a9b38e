import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { loadScenario, type ScenarioPlan } from "../../src/scenario/index.js";
import { runPlan, type RunOutcome } from "../../src/run/index.js";
import { FAKE_REPLICATE, fixture, tempDir } from "./helpers.js";

/** Which write fails next: the checkpoint's appends (after `after` of them) or the opening of a file whose name matches. */
const failing = vi.hoisted(() => ({ appendsAfter: undefined as number | undefined, open: undefined as { name: RegExp; code: string } | undefined }));

function fsError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, ${syscall}`), { code, syscall, path });
}

vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const open: typeof fs.open = async (...args) => {
    const handle = await fs.open(...args);
    const write = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
    let appends = 0;
    return Object.assign(handle, {
      write: (...a: unknown[]) => (failing.appendsAfter !== undefined && appends++ >= failing.appendsAfter ? Promise.reject(fsError("ENOSPC", "write")) : write(...a)),
    });
  };
  return { ...fs, open, default: { ...fs, open } };
});

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const openSync = ((path: string, ...rest: unknown[]) => {
    if (failing.open?.name.test(String(path))) throw fsError(failing.open.code, "open", String(path));
    return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, openSync, default: { ...fs, openSync } };
});

let plan: ScenarioPlan;
let checksum: string;

function finished(outcome: RunOutcome) {
  if (outcome.state !== "finished") throw new Error(`run ended ${outcome.state}`);
  return outcome;
}

async function runInto(dir: string, resume = false) {
  return runPlan(plan, { out: dir, workers: 1, chunk: 2, resume, replicateModule: FAKE_REPLICATE });
}

async function refusal(run: Promise<unknown>): Promise<GiftsimError> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(GiftsimError);
    return error as GiftsimError;
  }
  throw new Error("the run did not fail");
}

beforeAll(async () => {
  plan = loadScenario(fixture("scenarios/tiny.yaml"), { replicates: 8 });
  checksum = finished(await runInto(join(tempDir("write-reference"), "run"))).manifest.checksums.results;
});

/** Regression: a full disk printed a raw Node stack trace although the data so far was safe. */
describe("a write that fails mid-run", () => {
  it("a full disk (ENOSPC) on a checkpoint append: exit 1, how many replicates are safe, and --resume completes exactly", async () => {
    const dir = join(tempDir("enospc"), "run");
    failing.appendsAfter = 3;
    let error: GiftsimError;
    try {
      error = await refusal(runInto(dir));
    } finally {
      failing.appendsAfter = undefined;
    }
    expect(error.code).toBe("WRITE_FAILED");
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(`cannot write ${dir}: no space left on the device (ENOSPC). The 6 of 16 replicates finished so far are safe in ${dir}; fix that and continue with --resume`);
    expect(existsSync(join(dir, ".giftsim.lock"))).toBe(false);
    const resumed = finished(await runInto(dir, true));
    expect(resumed.resumed).toBe(6);
    expect(resumed.manifest.checksums.results).toBe(checksum);
  });

  it("a read-only file system (EROFS) when the final files are written: names the file; every replicate is safe for --resume", async () => {
    const dir = join(tempDir("erofs"), "run");
    failing.open = { name: /replicates\.csv/, code: "EROFS" };
    let error: GiftsimError;
    try {
      error = await refusal(runInto(dir));
    } finally {
      failing.open = undefined;
    }
    expect(error.message).toMatch(new RegExp(`^cannot write ${dir}/\\.replicates\\.csv\\.\\d+\\.tmp: the file system is read-only \\(EROFS\\)\\. The 16 of 16 replicates finished so far are safe`));
    expect(finished(await runInto(dir, true)).manifest.checksums.results).toBe(checksum);
  });
});
