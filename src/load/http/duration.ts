import { errors } from "../../errors.js";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;

/**
 * Parses a duration like k6 writes them: "500ms", "10s", "2m", "1m30s", "1h". Units are
 * required: a bare "10" is ambiguous between seconds and milliseconds.
 */
export function parseDuration(text: string, flag: string): number {
  const source = text.trim();
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < source.length) {
    const at = PART.lastIndex;
    const match = PART.exec(source);
    if (match === null || match.index !== at) {
      throw errors.invalidInput("duration", [{ path: flag, value: text, expected: "a duration like 500ms, 10s, 2m or 1m30s" }]);
    }
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  if (source.length === 0 || !Number.isFinite(total)) {
    throw errors.invalidInput("duration", [{ path: flag, value: text, expected: "a duration like 500ms, 10s, 2m or 1m30s" }]);
  }
  return total;
}
