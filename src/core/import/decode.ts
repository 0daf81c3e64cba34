/**
 * Turns a page's bytes into text for the importer. UTF-8 (with or without a BOM) and UTF-16 with a
 * BOM are read as such; bytes that are not valid UTF-8 are read as Windows-1252 (the superset of
 * Latin-1 that browsers use for `latin1`), with a note saying so, instead of turning every accented
 * letter into U+FFFD without a word. Uses the standard TextDecoder (Node and web workers).
 */

export interface DecodedPage {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the encoding was guessed: one line for the user. */
  note?: string;
}

export function decodePage(bytes: Uint8Array, sourceName?: string): DecodedPage {
  const b = bytes;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  const body = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(body);
    return {
      text,
      encoding: 'windows-1252',
      note: `${sourceName ?? 'The page'} is not valid UTF-8; read as Latin-1 (Windows-1252). Check accented letters in the imported roles.`,
    };
  }
}
