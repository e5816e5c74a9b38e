/**
 * Overrides are deep-partial objects: objects merge member by member, anything else (numbers,
 * strings, arrays) replaces. Sweep paths are dotted paths into those objects.
 */

export type Tree = Record<string, unknown>;

/** A plain object (not null, not an array): what overrides merge into. */
export function isTree(value: unknown): value is Tree {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `over` laid on top of `base`, neither modified. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isTree(base) || !isTree(over)) return over === undefined ? structuredClone(base) : structuredClone(over);
  const merged: Tree = structuredClone(base);
  for (const [key, value] of Object.entries(over)) {
    // Own properties only, defined rather than assigned: a key like "__proto__" stays a plain
    // (and, to the strict schemas, unknown) key instead of reaching the prototype.
    const next = Object.hasOwn(merged, key) ? deepMerge(merged[key], value) : structuredClone(value);
    Object.defineProperty(merged, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

/** A copy of `tree` with the dotted `path` set to `value`, creating objects on the way. */
export function setPath(tree: Tree, path: readonly string[], value: unknown): Tree {
  const copy = structuredClone(tree);
  let node: Tree = copy;
  for (const key of path.slice(0, -1)) {
    if (!isTree(node[key])) node[key] = {};
    node = node[key] as Tree;
  }
  node[path[path.length - 1]] = structuredClone(value);
  return copy;
}
