/**
 * Child processes for end-to-end tests: the built binary (`npm test` builds it first), a
 * `giftsim serve` on a free loopback port, and async runs so a test can act while a load runs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/giftsim.js", import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/giftsim.js ...args`, killed (and failing the test) after `timeoutMs`. */
export function runGiftsim(args: string[], timeoutMs = 30_000): Promise<Finished> {
  return finished(spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] }), timeoutMs);
}

function finished(child: ChildProcess, timeoutMs: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.stderr?.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`giftsim did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface ServeProcess {
  url: string;
  pid: number;
  /** Sends SIGTERM and resolves with the exit and the `stopped` line's JSON. */
  stop(): Promise<{ exit: Finished; stopped: any }>;
  /** Resolves when the process exits, however that happens. */
  exited: Promise<Finished>;
}

/** Starts `giftsim serve --port 0 --json ...args` on 127.0.0.1 and waits for its listening line. */
export async function startServe(args: string[] = [], timeoutMs = 60_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, "serve", "--host", "127.0.0.1", "--port", "0", "--json", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const lines = createInterface({ input: child.stdout! });
  const output: string[] = [];
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<Finished>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: output.join("\n"), stderr });
    });
  });
  const listening = await new Promise<any>((resolve, reject) => {
    lines.on("line", (line) => {
      output.push(line);
      if (output.length === 1) resolve(JSON.parse(line));
    });
    void exited.then((exit) => reject(new Error(`giftsim serve exited early: ${exit.stderr}`)));
  });
  return {
    url: listening.url,
    pid: listening.pid,
    exited,
    async stop() {
      child.kill("SIGTERM");
      const exit = await exited;
      const stopped = JSON.parse(output.find((line) => line.includes('"event":"stopped"')) ?? "null");
      return { exit, stopped };
    },
  };
}
