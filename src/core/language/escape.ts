/**
 * Escaping for text that comes from role files and ends up in rendered Markdown or HTML.
 * Role files are untrusted input: a title may hold `<img onerror=...>` or a `javascript:` link.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Escapes text so that Markdown renders it literally, on one line: every ASCII punctuation
 * character is backslash-escaped (no emphasis, link, image, autolink or heading can start), `&`,
 * `<` and `>` become entities (no raw HTML, whether or not the renderer allows it), and line
 * breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[!"#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g, '\\$&') // ASCII punctuation but & < >
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]);
}

/** A link destination for Markdown: percent-encodes what could end or break the destination. */
export function markdownLinkTarget(uri: string): string {
  return uri.replace(/[\s()<>\[\]\\"'`]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** Escapes text for a snippet's plain text part (`$`, `}` and `\` are special there). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Escapes a value inside a snippet choice `${1|a,b|}` (`,` and `|` are special there too). */
export function escapeSnippetChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

/** Needs no quotes as a YAML plain scalar (also inside a flow sequence when `flow`). */
function isPlainYaml(text: string, flow: boolean): boolean {
  if (!text || text !== text.trim()) return false;
  if (/^[-?:,\[\]{}#&*!|>'"%@`]/.test(text)) return false;
  if (/: |:$| #|[\r\n\t]/.test(text)) return false;
  if (flow && /[,\[\]{}]/.test(text)) return false;
  // Words YAML 1.2 would read as something else than a string.
  if (/^(true|false|null|yes|no|on|off|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)(e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(text))
    return false;
  return true;
}

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(text: string, flow = false): string {
  return isPlainYaml(text, flow) ? text : JSON.stringify(text);
}
