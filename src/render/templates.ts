/**
 * The page and chart templates in reports/ (the study report's and the load summary's): one Vega-Lite spec per chart (`<id>.vl.json`), the shared
 * theme (`theme.json`, laid under each spec's own config) and `report.html`. A template names its
 * datasets (`"data": {"name": "revenue"}`) and may hold `{{name}}` placeholders in strings;
 * filling keeps the name and adds the rows, so a filled spec is a complete Vega-Lite spec a
 * reader can re-plot as it is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { installPath } from "../install.js";
import { escapeHtml } from "./escape.js";
import type { ChartFill } from "./chart-fill.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The reports/ folder of this installation. */
export function reportsDir(): string {
  return installPath("reports");
}

const cache = new Map<string, string>();

/** The text of a template file in reports/. */
export function readTemplate(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(join(reportsDir(), file), "utf8");
    cache.set(file, text);
  }
  return text;
}

/**
 * `file` (a page template in reports/) with `{{name}}` replaced by text[name], HTML-escaped, and
 * `{{{name}}}` by raw[name] as it is; a placeholder without a value is a bug, so it throws.
 */
export function fillPage(file: string, text: Record<string, string>, raw: Record<string, string>): string {
  return readTemplate(file).replace(/\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g, (match, rawName: string | undefined, textName: string | undefined) => {
    const value = rawName !== undefined ? raw[rawName] : textName !== undefined && textName in text ? escapeHtml(text[textName]) : undefined;
    if (value === undefined) throw new Error(`reports/${file}: no value for ${match}`);
    return value;
  });
}

/** The Vega-Lite template of chart `id`, parsed (a fresh copy each time: filling must not touch the cache). */
function chartTemplate(id: string): Record<string, Json> {
  return JSON.parse(readTemplate(`${id}.vl.json`)) as Record<string, Json>;
}

/** Chart `id`'s template filled with `fill`'s datasets and text, the theme under its config. */
export function fillTemplate(id: string, fill: ChartFill): Record<string, Json> {
  const used = new Set<string>();
  const filled = fillNode(chartTemplate(id), id, fill, used) as Record<string, Json>;
  for (const name of Object.keys(fill.datasets)) {
    if (!used.has(name)) throw new Error(`reports/${id}.vl.json has no dataset named ${JSON.stringify(name)}`);
  }
  const theme = JSON.parse(readTemplate("theme.json")) as Record<string, Json>;
  filled.config = { ...theme, ...((filled.config as Record<string, Json> | undefined) ?? {}) };
  return filled;
}

function fillNode(node: Json, id: string, fill: ChartFill, used: Set<string>): Json {
  if (typeof node === "string") {
    return node.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
      const value = fill.text?.[name];
      if (value === undefined) throw new Error(`reports/${id}.vl.json: no text for {{${name}}}`);
      return value;
    });
  }
  if (Array.isArray(node)) return node.map((item) => fillNode(item, id, fill, used));
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "data" && isNamedData(value)) {
      const rows = fill.datasets[value.name];
      if (rows === undefined) throw new Error(`reports/${id}.vl.json: no rows for dataset ${JSON.stringify(value.name)}`);
      used.add(value.name);
      out[key] = { name: value.name, values: rows as Json[] };
    } else out[key] = fillNode(value, id, fill, used);
  }
  return out;
}

function isNamedData(value: Json): value is { name: string } {
  return value !== null && typeof value === "object" && !Array.isArray(value) && typeof value.name === "string" && !("values" in value);
}
