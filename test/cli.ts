/**
 * The one child-process runner for end-to-end tests: the built binary as a user runs it (`npm
 * test` builds it first), and any other command (npm, node, tsc) the same way.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built binary, as a user runs it. */
export const BIN = fileURLToPath(new URL("../bin/giftsim.js", import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Laid over this process's environment; a variable set to undefined is unset. */
  env?: NodeJS.ProcessEnv;
  /** The child is killed, and the test fails, past this; a hung child must not hang the suite. */
  timeoutMs?: number;
}

/** Runs `node bin/giftsim.js ...args` to completion. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return runProcess(process.execPath, [BIN, ...args], options);
}

/** Runs `command ...args` to completion with its output collected. */
export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
