/**
 * Reading a text file for the CLIs, with the limits that keep a hostile or unlucky file from
 * hanging or exhausting them:
 * - only regular files are read (a FIFO would block for ever, /dev/zero never ends), checked on
 *   the opened descriptor, so a symbolic link to a device is refused too;
 * - at most `maxBytes` (a file that is larger, or grows past it while read, is refused);
 * - with `onlyIf`, the first 64 KB are read and the rest only if the test passes on them (the
 *   scanner reads no more of a Markdown file that is not a role file);
 * - UTF-8, or UTF-16 when the file says so (a BOM, or `---` as UTF-16); invalid UTF-8 is read
 *   with U+FFFD, and the caller is told which of these happened.
 */
import * as fs from 'fs';

/** How much of a file the scanner reads to decide whether it is a role file. */
export const HEAD_BYTES = 64 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface TextFile {
  text: string;
  encoding: Encoding;
  /** Invalid UTF-8 was read as U+FFFD. */
  invalid: boolean;
  /** The bytes read, when they were not valid UTF-8 (for a caller that reads them otherwise). */
  bytes?: Uint8Array;
}

export class ReadError extends Error {
  constructor(
    readonly code: 'ENOTFILE' | 'ETOOLARGE',
    message: string,
  ) {
    super(message);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The encoding the first bytes announce: a UTF-16 BOM, or `-` with a NUL beside it. */
export function sniffEncoding(bytes: Uint8Array): Encoding {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    if (bytes[0] === 0x2d && bytes[1] === 0) return 'utf-16le';
    if (bytes[0] === 0 && bytes[1] === 0x2d) return 'utf-16be';
  }
  return 'utf-8';
}

export function decode(bytes: Uint8Array): TextFile {
  const encoding = sniffEncoding(bytes);
  if (encoding !== 'utf-8') {
    // The BOM is dropped, as the UTF-8 reader keeps it for the engine to strip: put it back.
    const text = new TextDecoder(encoding).decode(bytes);
    return { text: bytes[0] === 0x2d || bytes[1] === 0x2d ? text : `\uFEFF${text}`, encoding, invalid: false };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding, invalid: false };
  } catch {
    return { text: lenientUtf8.decode(bytes), encoding, invalid: true, bytes };
  }
}

function megabytes(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Reads `file` as text, or returns undefined when `onlyIf` refuses its first 64 KB. Throws a
 * ReadError for a file that is not regular or is too large, and the system's errors otherwise.
 */
export function readTextFile(file: string, maxBytes: number, onlyIf?: (head: string) => boolean): TextFile | undefined {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new ReadError('ENOTFILE', 'not a regular file');
    const tooLarge = () => new ReadError('ETOOLARGE', `larger than ${megabytes(maxBytes)}: not read`);
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, onlyIf ? HEAD_BYTES : Math.max(HEAD_BYTES, stat.size + 1)));
    let length = readInto(fd, buffer, 0);
    // (A character cut at the end of the head only costs a U+FFFD there.)
    if (onlyIf && !onlyIf(decode(buffer.subarray(0, length)).text)) return undefined;
    // Read the rest, growing the buffer, never past maxBytes + 1 (the +1 tells "too large").
    while (length === buffer.length) {
      if (length > maxBytes) throw tooLarge();
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(buffer.length * 2, stat.size + 1)));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
      length = readInto(fd, buffer, length);
    }
    if (length > maxBytes) throw tooLarge();
    return decode(buffer.subarray(0, length));
  } finally {
    fs.closeSync(fd);
  }
}

/** Fills `buffer` from `offset` until it is full or the file ends; returns the bytes held. */
function readInto(fd: number, buffer: Buffer, offset: number): number {
  let at = offset;
  while (at < buffer.length) {
    const n = fs.readSync(fd, buffer, at, buffer.length - at, null);
    if (n === 0) break;
    at += n;
  }
  return at;
}
