/**
 * Canonical JSON: object keys sorted at every depth, so the same resolved scenario always
 * serialises to the same bytes and hashes to the same value, whatever the file's key order.
 */
import { createHash } from "node:crypto";

/** JSON with sorted keys; `undefined` members are dropped as JSON.stringify would. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

/** Hex sha256 of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
