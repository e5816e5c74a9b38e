/**
 * Escaping for the two places run data meets HTML: text in elements and attributes, and JSON
 * inside <script type="application/json">. Scenario names, descriptions and arm labels are
 * untrusted; nothing from a run folder reaches the page without passing through here.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/**
 * JSON safe inside a <script> element: `<`, `>` and `&` become \u escapes (so no "</script>"
 * or "<!--" can end or confuse the element) and so do U+2028/U+2029. JSON.parse reads it back
 * unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
