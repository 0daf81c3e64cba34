/**
 * Text for a terminal or a CI log: handbook text must not drive the terminal. Control characters
 * (C0 but for tab and line feed, DEL, C1) would move the cursor, recolour or retitle the window,
 * or hide the text that follows; bidirectional overrides and isolates would make a line read in
 * another order than it is stored ("Trojan Source"). Each becomes a visible escape such as `\x1B`.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_SGR = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

export function neutralize(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${hex(n, 2)}` : `\\u${hex(n, 4)}`;
  });
}

/**
 * Like neutralize(), but keeps the colour codes (SGR: ESC [ digits and semicolons m) that our own
 * coloured output holds. Those can only recolour text; every other escape is neutralised.
 */
export function neutralizeKeepingColors(text: string): string {
  return text.replace(UNSAFE_OR_SGR, (c) => (c.length > 1 ? c : neutralize(c)));
}

/** One line of text: line breaks and tabs become spaces, the rest is neutralised. */
export function oneLine(text: string): string {
  return neutralize(text.replace(/[\t\r\n]+/g, ' '));
}

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1, bidirectional controls)
 * written as \u escapes: the same value for a parser, harmless on a terminal. They can only occur
 * inside strings, where the escape is valid.
 */
export function neutralizeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}
