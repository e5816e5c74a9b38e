/**
 * A `giftsim serve` on a free loopback port for end-to-end tests, beside which a test runs
 * `giftsim load` through ../cli.js.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { BIN, type CliResult } from "../cli.js";

export interface ServeProcess {
  url: string;
  pid: number;
  /** Sends SIGTERM and resolves with the exit and the `stopped` line's JSON. */
  stop(): Promise<{ exit: CliResult; stopped: any }>;
  /** Resolves when the process exits, however that happens. */
  exited: Promise<CliResult>;
}

/** Starts `giftsim serve --port 0 --json ...args` on 127.0.0.1 and waits for its listening line. */
export async function startServe(args: string[] = [], timeoutMs = 60_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, "serve", "--host", "127.0.0.1", "--port", "0", "--json", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const lines = createInterface({ input: child.stdout! });
  const output: string[] = [];
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<CliResult>((resolve) => {
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
