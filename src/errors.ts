/**
 * Every error a user can see is made here, by a named factory with a stable code, so each
 * message can be found and tested. Exit codes follow the CLI contract: 1 for a failed run
 * (audit, threshold, crashed replicate), 2 for bad input.
 */
import type { z } from "zod";

export type ErrorCode =
  | "INVALID_INPUT"
  | "INVALID_FILE"
  | "TOO_LARGE"
  | "UNKNOWN_PRESET"
  | "AUDIT_FAILED"
  | "REPLICATE_FAILED"
  | "THRESHOLD_FAILED"
  | "MERGE_MISMATCH"
  | "OUTPUT_EXISTS"
  | "INTERRUPTED"
  | "CHECKPOINT_MISMATCH"
  | "FOLDER_LOCKED"
  | "WRITE_FAILED"
  | "NOT_BUILT"
  | "TARGET_UNREACHABLE"
  | "RECONCILIATION_FAILED"
  | "LISTEN_FAILED"
  | "OVERLOADED"
  | "RATE_LIMITED"
  | "SHUTTING_DOWN"
  | "BODY_TIMEOUT"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED";

/** One thing wrong with an input: where, what it was, what was expected. */
export interface Problem {
  path: string;
  value: unknown;
  expected: string;
}

export class GiftsimError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: 1 | 2,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = "GiftsimError";
  }
}

/** Objects and arrays longer than this are cut: a message names a value, it does not dump it. */
const MAX_SHOWN_STRUCTURE_CHARS = 60;
/**
 * Strings (file paths above all) are shown whole up to this length, which is Linux's PATH_MAX,
 * so a message names the very file wherever the user cloned; past it the middle is cut.
 */
const MAX_SHOWN_STRING_CHARS = 4096;

/** Renders a value for a one-line message without dumping whole objects. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  if (typeof value === "string") return text.length > MAX_SHOWN_STRING_CHARS ? cutMiddle(text, MAX_SHOWN_STRING_CHARS) : text;
  return text.length > MAX_SHOWN_STRUCTURE_CHARS ? `${text.slice(0, MAX_SHOWN_STRUCTURE_CHARS - 3)}...` : text;
}

function cutMiddle(text: string, max: number): string {
  const keep = Math.floor((max - 3) / 2);
  return `${text.slice(0, keep)}...${text.slice(text.length - keep)}`;
}

/** A large figure for a message: whole and grouped below a trillion, else in exponent form. */
export function roundFigure(value: number): string {
  return Math.abs(value) < 1e12 ? Math.round(value).toLocaleString("en-US") : value.toExponential(1).replace("e+", "e");
}

export function formatProblem(problem: Problem): string {
  return `${problem.path || "(root)"}: got ${describeValue(problem.value)}, expected ${problem.expected}`;
}

/** Problems a message lists; the rest are counted, so a file of 80,000 bad keys is told in a screenful. */
const MAX_LISTED_PROBLEMS = 20;

/** The problems as message lines, each after `indent`, the first MAX_LISTED_PROBLEMS and a count of the rest. */
function problemLines(problems: readonly Problem[], indent = ""): string {
  const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `${indent}${formatProblem(p)}`);
  if (problems.length > MAX_LISTED_PROBLEMS) lines.push(`${indent}... and ${problems.length - MAX_LISTED_PROBLEMS} more problems`);
  return lines.join("\n");
}

/** What an fs error code means, for a write that failed mid-run. */
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EIO: "input/output error",
  EFBIG: "file too large for the file system",
};

/** The code of an fs error that means "this file cannot be written here", else undefined. */
export function writeFailureCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && Object.hasOwn(WRITE_FAILURES, code) ? code : undefined;
}

/** A whole-number option's bounds: (field, the flag that sets it, min, max). */
export type WholeNumberBound<T> = readonly [keyof T, string, number, number];

/** A problem for each option that is not an integer within its bounds, in the order listed. */
export function wholeNumberProblems<T>(options: T, bounds: readonly WholeNumberBound<T>[]): Problem[] {
  const problems: Problem[] = [];
  for (const [field, flag, min, max] of bounds) {
    const value = options[field] as number;
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ path: flag, value, expected: `an integer ${min}..${max}` });
  }
  return problems;
}

/** A field path as problems print it: `prefix.key.list[2].key` (no empty parts). */
export function formatPath(segments: readonly PropertyKey[], prefix = ""): string {
  return [prefix, ...segments.map((p) => (typeof p === "number" ? `[${p}]` : String(p)))]
    .filter((p) => p !== "")
    .join(".")
    .replace(/\.\[/g, "[");
}

/** Turns zod issues into problems that name the field path, the value and what was expected. */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[], root: unknown, prefix = ""): Problem[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path, prefix);
    const value = "input" in issue && issue.input !== undefined ? issue.input : valueAt(root, issue.path);
    return { path, value, expected: expectedFromIssue(issue) };
  });
}

/**
 * The value at `path` in `root`, or undefined where the path leaves it: objects by their own
 * keys, arrays by numeric index. The one walker of problem paths, override paths and sweep paths.
 */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (Array.isArray(node)) node = typeof key === "number" ? node[key] : undefined;
    else if (node !== null && typeof node === "object" && Object.hasOwn(node, key)) node = (node as Record<PropertyKey, unknown>)[key];
    else return undefined;
  }
  return node;
}

/** A formatted path's segments, formatPath undone: `bundles[3].region` is ["bundles", 3, "region"]. */
export function pathSegments(path: string): PropertyKey[] {
  return path.split(/\.|(?=\[)/).map((key) => {
    const index = /^\[(\d+)\]$/.exec(key);
    return index === null ? key : Number(index[1]);
  });
}

/** Zod's type names as a user reads them: a file has objects and lists, not records. */
const TYPE_NAMES: Record<string, string> = { int: "an integer", record: "an object", array: "a list" };

function expectedFromIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return TYPE_NAMES[issue.expected] ?? (/^[aeiou]/.test(issue.expected) ? `an ${issue.expected}` : `a ${issue.expected}`);
    case "too_small":
      return issue.origin === "array" || issue.origin === "string"
        ? `at least ${count(Number(issue.minimum), issue.origin === "array" ? "item" : "character")}`
        : `${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
    case "too_big":
      // Zod's safe-integer bound is exclusive-looking ("< 2^53-1") yet admits 2^53-1 itself.
      return issue.origin === "array" || issue.origin === "string"
        ? `at most ${count(Number(issue.maximum), issue.origin === "array" ? "item" : "character")}`
        : `${issue.inclusive || issue.origin === "int" ? "at most" : "less than"} ${String(issue.maximum)}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `no unknown keys (remove ${issue.keys.join(", ")})`;
    case "invalid_format":
      return issue.message.startsWith("Invalid") ? `a ${issue.format} string` : issue.message;
    case "not_multiple_of":
      return `a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
      // A schema may say its forms itself (z.union([...], { error })); else each form's type.
      return issue.message !== "Invalid input" ? issue.message : [...new Set(issue.errors.map((branch) => (branch[0] ? expectedFromIssue(branch[0]) : "another form")))].join(" or ");
    case "invalid_key":
      return issue.issues[0]?.message ?? "a valid key";
    default:
      return issue.message;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export const errors = {
  invalidInput: (what: string, problems: Problem[]) =>
    new GiftsimError("INVALID_INPUT", `invalid ${what}:\n${problemLines(problems)}`, 2, problems),
  invalidFile: (file: string, problems: Problem[]) =>
    new GiftsimError("INVALID_FILE", `${file}:\n${problemLines(problems, "  ")}`, 2, problems),
  unreadableFile: (file: string, reason: string) =>
    new GiftsimError("INVALID_FILE", `${file}: ${reason}`, 2, [{ path: "(file)", value: file, expected: reason }]),
  fileTooLarge: (file: string, bytes: number, limit: number, what = "a scenario file") =>
    new GiftsimError("TOO_LARGE", `${file}: ${bytes} bytes, expected at most ${limit} bytes (the size limit of ${what})`, 2, [
      { path: "(file)", value: bytes, expected: `at most ${limit} bytes` },
    ]),
  tooLarge: (path: string, value: number, limit: number, why: string) =>
    new GiftsimError("TOO_LARGE", `${path}: got ${value}, expected at most ${limit} (${why})`, 2, [
      { path, value, expected: `at most ${limit}` },
    ]),
  /** A model size or derived work figure passes a SIM_LIMITS limit; the problem says which and why. */
  modelTooLarge: (problem: Problem) => new GiftsimError("TOO_LARGE", formatProblem(problem), 2, [problem]),
  /** The simulation's own guard: a replicate that outran the up-front estimate is stopped, not left to spin. */
  replicateRunaway: (what: string, figure: number, limit: number) =>
    new GiftsimError(
      "REPLICATE_FAILED",
      `replicate stopped: ${roundFigure(figure)} ${what}, past the limit of ${roundFigure(limit)} (docs/model.md, "Work limits"); lower the rates that feed it (population.budget, gifting.contagion.strength, discovery.arrivalsPerHour, creators.qualitySigma, creators.reachElasticity)`,
      1,
    ),
  unknownPreset: (id: string, known: readonly string[]) =>
    new GiftsimError("UNKNOWN_PRESET", `preset: got ${JSON.stringify(id)}, expected one of ${known.join(", ")}`, 2, [
      { path: "preset", value: id, expected: `one of ${known.join(", ")}` },
    ]),
  auditFailed: (failures: string[]) =>
    new GiftsimError("AUDIT_FAILED", `ledger audit failed:\n${failures.map((f) => `  ${f}`).join("\n")}`, 1),
  thresholdFailed: (broken: string[]) =>
    new GiftsimError("THRESHOLD_FAILED", `thresholds broken: ${broken.join("; ")}`, 1),
  mergeMismatch: (field: string, a: string, b: string) =>
    new GiftsimError("MERGE_MISMATCH", `cannot merge: ${field} differs (${a} vs ${b})`, 2, [
      { path: field, value: b, expected: a },
    ]),
  outputExists: (dir: string) =>
    new GiftsimError("OUTPUT_EXISTS", `${dir} already holds a finished run of other inputs; choose another --out or remove that folder`, 2),
  yamlSyntax: (file: string, problems: Problem[]) =>
    new GiftsimError("INVALID_FILE", `${file}: not valid YAML/JSON:\n${problemLines(problems, "  ")}`, 2, problems),
  jsonSyntax: (file: string, problems: Problem[]) => new GiftsimError("INVALID_FILE", `${file}: not valid JSON:\n${problemLines(problems, "  ")}`, 2, problems),
  replicatesFailed: (failures: string[], rerun: string) =>
    new GiftsimError(
      "REPLICATE_FAILED",
      `${failures.length} replicate(s) failed; finished replicates are kept, no report was written:\n${failures.map((f) => `  ${f}`).join("\n")}\nrerun one alone with: ${rerun}`,
      1,
    ),
  interrupted: (dir: string, done: number, total: number, unit = "replicates") =>
    new GiftsimError("INTERRUPTED", `interrupted: ${done} of ${total} ${unit} saved in ${dir}; continue with --resume`, 1),
  calibrationInterrupted: (dir: string, generations: number) =>
    new GiftsimError("INTERRUPTED", `interrupted: ${generations} finished generation(s) saved in ${dir}; continue with the same options and --resume`, 1),
  checkpointMismatch: (dir: string, field: string, found: string, wanted: string) =>
    new GiftsimError(
      "CHECKPOINT_MISMATCH",
      `${dir} holds a run with a different ${field} (${found}, this run has ${wanted}); choose another --out or remove the folder`,
      2,
      [{ path: field, value: found, expected: wanted }],
    ),
  shardLog: (shard: string, dir: string, reason: string) =>
    new GiftsimError("MERGE_MISMATCH", `cannot merge event logs: shard ${shard} in ${dir} ${reason}`, 2, [{ path: "--events-out", value: dir, expected: reason }]),
  /** `kind` is "shard" or "communities slice" (giftsim run --communities i/n), whose lost work is parts. */
  corruptShard: (shard: string, dir: string, reason: string, kind = "shard", lost = "replicates") =>
    new GiftsimError("MERGE_MISMATCH", `cannot merge: ${kind} ${shard} in ${dir} is corrupt: ${reason}; rebuild the lost ${lost} with the ${kind}'s command plus --resume, then merge again`, 2, [
      { path: "(folder)", value: dir, expected: `a ${kind} whose ${lost} pass their checksums` },
    ]),
  shardTwice: (shard: string, first: string, second: string, kind = "shard") =>
    new GiftsimError("MERGE_MISMATCH", `cannot merge: ${kind} ${shard} is given twice (${first === second ? `${first} named twice` : `${first} and ${second}`}); name each ${kind}'s folder once`, 2, [
      { path: "(dirs)", value: second, expected: `one folder per ${kind} (${shard} is already ${first})` },
    ]),
  incompleteMerge: (missing: string, kind = "shards") =>
    new GiftsimError("MERGE_MISMATCH", `cannot merge: ${kind} are incomplete (missing ${missing})`, 2),
  notARunFolder: (dir: string, reason: string) =>
    new GiftsimError("INVALID_FILE", `${dir}: not a giftsim run folder (${reason})`, 2, [{ path: "(folder)", value: dir, expected: reason }]),
  outputsWithoutCheckpoint: (dir: string) =>
    new GiftsimError("OUTPUT_EXISTS", `${dir} holds run outputs (manifest.json) but no checkpoint to check them against; choose another --out or remove that folder`, 2),
  unwritableFolder: (flag: string, path: string, code: string) =>
    new GiftsimError("INVALID_INPUT", `${flag}: got ${describeValue(path)}, expected a folder giftsim can create and write (${code}); nothing was written`, 2, [
      { path: flag, value: path, expected: `a folder giftsim can create and write (${code})` },
    ]),
  notARegularFile: (flag: string, path: string, kind: string) =>
    new GiftsimError("INVALID_INPUT", `${flag}: got ${describeValue(path)}, expected a new or regular file, not ${kind}; nothing was written`, 2, [
      { path: flag, value: path, expected: `a new or regular file, not ${kind}` },
    ]),
  folderLocked: (dir: string, holder: { pid: number; host: string; since: string } | undefined, lockFile: string) =>
    new GiftsimError(
      "FOLDER_LOCKED",
      `${dir} is in use by another giftsim run (${holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.since}` : "its lock file is being written or is damaged"}); wait for it to end, or choose another --out. If no run is using the folder, remove ${lockFile}`,
      2,
      [{ path: "--out", value: dir, expected: "a folder no other run is using" }],
    ),
  /** A write failed mid-run (disk full, read-only, permissions): the input was fine, the run failed (exit 1). */
  writeFailed: (dir: string, file: string | undefined, code: string, done: number, total: number, unit = "replicates") =>
    new GiftsimError(
      "WRITE_FAILED",
      `cannot write ${file ?? dir}: ${WRITE_FAILURES[code] ?? "write failed"} (${code}). The ${done} of ${total} ${unit} finished so far are safe in ${dir}; fix that and continue with --resume`,
      1,
    ),
  cannotWrite: (error: NodeJS.ErrnoException) =>
    new GiftsimError("WRITE_FAILED", `cannot write ${error.path ?? "a file"}: ${WRITE_FAILURES[error.code ?? ""] ?? "write failed"} (${error.code})`, 1),
  foreignFolder: (dir: string, names: readonly string[]) =>
    new GiftsimError(
      "OUTPUT_EXISTS",
      `--out: ${dir} holds files that are not a giftsim run's (${names.slice(0, 3).join(", ")}${names.length > 3 ? `, and ${names.length - 3} more` : ""}); choose an empty or new folder`,
      2,
      [{ path: "--out", value: dir, expected: "an empty or new folder, or a giftsim run folder" }],
    ),
  unfinishedRun: (dir: string) =>
    new GiftsimError("OUTPUT_EXISTS", `${dir} holds an unfinished run; pass --resume to continue it or choose another --out`, 2),
  // Load testing: workers, `giftsim serve` and its HTTP answers, `giftsim load http`.
  workerEntryMissing: (file: string) =>
    new GiftsimError("NOT_BUILT", `worker entry ${file} is missing: run npm run build first`, 2),
  listenFailed: (host: string, port: number, reason: string) => {
    // A port in use or reserved is the port's fault; a name that does not resolve, or an address
    // this machine does not have, is the host's.
    const portAtFault = reason === "EADDRINUSE" || reason === "EACCES";
    const [flag, value, expected] = portAtFault ? ["--port", port, "a free port"] : ["--host", host, "an address of this machine"];
    return new GiftsimError("LISTEN_FAILED", `${flag}: cannot listen on ${host}:${port} (${reason}), expected ${expected}`, 2, [{ path: flag, value, expected }]);
  },
  invalidJson: (reason: string) =>
    new GiftsimError("INVALID_INPUT", `invalid request body: not JSON (${reason})`, 2, [{ path: "(body)", value: reason, expected: "a JSON object" }]),
  unsupportedMediaType: (contentType: string) =>
    new GiftsimError("INVALID_INPUT", `content-type: got ${JSON.stringify(contentType)}, expected application/json`, 2, [
      { path: "content-type", value: contentType, expected: "application/json" },
    ]),
  overloaded: (inFlight: number, limit: number) =>
    new GiftsimError("OVERLOADED", `server busy: ${inFlight} requests in flight (limit ${limit}); nothing was applied, retry later`, 1),
  rateLimited: (eventsPerSecond: number, retryAfterSeconds: number) =>
    new GiftsimError("RATE_LIMITED", `over the rate limit of ${eventsPerSecond} events/s; nothing was applied, retry in ${retryAfterSeconds} s`, 1),
  shuttingDown: () => new GiftsimError("SHUTTING_DOWN", "server is shutting down; nothing was applied, retry elsewhere or later", 1),
  bodyTimeout: (limitMs: number) =>
    new GiftsimError("BODY_TIMEOUT", `request body not received within ${limitMs} ms of its headers (--body-timeout); nothing was applied, retry with the whole body at once`, 1),
  routeNotFound: (method: string, path: string) =>
    new GiftsimError("NOT_FOUND", `${method} ${path}: no such route (see docs/http-api.md)`, 2, [{ path: "(url)", value: path, expected: "a route of docs/http-api.md" }]),
  unknownId: (kind: string, id: string, count: number) =>
    new GiftsimError("NOT_FOUND", `${kind}: got ${JSON.stringify(id)}, expected an integer 0..${count - 1}`, 2, [
      { path: kind, value: id, expected: `an integer 0..${count - 1}` },
    ]),
  methodNotAllowed: (method: string, path: string, allowed: string) =>
    new GiftsimError("METHOD_NOT_ALLOWED", `${method} ${path}: method not allowed, expected ${allowed}`, 2, [
      { path: "(method)", value: method, expected: allowed },
    ]),
  targetUnreachable: (url: string, reason: string) =>
    new GiftsimError("TARGET_UNREACHABLE", `--target: ${url} did not answer (${reason}), expected a running gift service such as giftsim serve`, 2, [
      { path: "--target", value: url, expected: "a reachable service speaking the giftsim HTTP API" },
    ]),
  reconciliationFailed: (problems: string[]) =>
    new GiftsimError("RECONCILIATION_FAILED", `reconciliation failed:\n${problems.map((p) => `  ${p}`).join("\n")}`, 1),
  /** Nothing to reconcile against: an unproven run fails rather than passes. */
  reconciliationUnavailable: (reason: string) =>
    new GiftsimError("RECONCILIATION_FAILED", `reconciliation unavailable: ${reason}; an unproven run fails (--no-reconcile skips the check on purpose)`, 1),
  /** A replay's ledger differs from the simulation's: an audit failure, exit 1. */
  replayMismatch: (differences: string[]) =>
    new GiftsimError("AUDIT_FAILED", `the replay's ledger differs from the simulation's:\n${differences.map((d) => `  ${d}`).join("\n")}`, 1),
};
