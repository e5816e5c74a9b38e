import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { syntheticRunFolder, twoArmScenario } from "../report/helpers.js";

/** The file whose opening fails next, and how. */
const failing = vi.hoisted(() => ({ open: undefined as { name: RegExp; code: string } | undefined }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const openSync = ((path: string, ...rest: unknown[]) => {
    if (failing.open?.name.test(String(path))) throw Object.assign(new Error(`${failing.open.code}: injected, open '${path}'`), { code: failing.open.code, syscall: "open", path: String(path) });
    return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, openSync, default: { ...fs, openSync } };
});

afterEach(() => {
  failing.open = undefined;
  vi.restoreAllMocks();
});

/** Regression: a full disk printed a raw Node stack trace instead of a message. */
describe("the CLI on a write that fails outside a run", () => {
  it("giftsim report on a full disk: exit 1 and a message naming the file, not a stack trace", async () => {
    const dir = syntheticRunFolder({ scenario: twoArmScenario(), replicates: 4 });
    const stderr: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    failing.open = { name: /report\.html/, code: "ENOSPC" };
    expect(await main(["report", dir, "--no-interactive"])).toBe(1);
    expect(stderr.join("")).toMatch(new RegExp(`^giftsim: cannot write ${dir}/\\.report\\.html\\.\\d+\\.tmp: no space left on the device \\(ENOSPC\\)\\n$`));
  });
});
