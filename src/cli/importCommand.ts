/** The `handbook-import` command: arguments, run, output, exit status. */
import * as fs from 'fs';
import * as path from 'path';
import { explanationLines, importPage, renderRoleFile, type ImportResult, type ImportedRole } from '../core/import';
import { parseArgs, type OptionSpec } from './args';
import { readTextFile, ReadError } from './readFile';
import { oneLine } from './terminal';
import { errorMessage } from '../core/errors';

/** The largest page read (a larger one is refused with a one-line message, exit 2). */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

const USAGE = `Usage: handbook-import PAGE.md [--format json] [--out DIR] [--explain]

Reads a handbook page written as prose (headings, bullet lists, "X is responsible for ..."
sentences, tables) and extracts the roles it defines.

Options:
  --format text|json  print a summary (default), or the roles as one JSON array
  --out DIR           write one role file per role into DIR (created if needed);
                      existing files are never overwritten
  --explain           say which rule made each role, and which lists were left
                      out and why (on stderr with --format json)
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 roles found, 1 the page defines no role, 2 could not run.`;

export interface ImportIO {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
}

type Format = 'text' | 'json';
const FORMATS: Format[] = ['text', 'json'];

function describe(role: ImportedRole): string {
  const parts = [`${role.responsibilities.length} responsibilit${role.responsibilities.length === 1 ? 'y' : 'ies'}`];
  if (role.successCriteria.length)
    parts.push(`${role.successCriteria.length} success criteri${role.successCriteria.length === 1 ? 'on' : 'a'}`);
  if (role.relationships.length) parts.push(`${role.relationships.length} relationship${role.relationships.length === 1 ? '' : 's'}`);
  // Page text in the summary (a title, a warning quoting it) must not start a line or drive the terminal.
  const lines = [`${oneLine(role.role)}  ${oneLine(role.title)} (${oneLine(role.type)}), line ${role.source.line}: ${parts.join(', ')}`];
  for (const w of role.warnings ?? []) lines.push(`  warning: ${oneLine(w)}`);
  return lines.join('\n') + '\n';
}

const IMPORT_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  explain: { type: 'boolean' },
};

export function main(argv: string[], io: ImportIO): number {
  let format = 'text' as Format; // (set in the option callback: no narrowing to 'text')
  let outDir: string | undefined;
  let explain = false;
  const pages = parseArgs('handbook-import', USAGE, argv, io, IMPORT_OPTIONS, (name, v) => {
    if (name === 'explain') explain = true;
    if (name === 'format') {
      if (!v || !FORMATS.includes(v as Format)) {
        io.err(`handbook-import: --format must be one of ${FORMATS.join(', ')}${v ? ` (got "${oneLine(v)}")` : ''}\n`);
        return 2;
      }
      format = v as Format;
    }
    if (name === 'out') {
      if (!v) {
        io.err('handbook-import: --out needs a directory\n');
        return 2;
      }
      outDir = v;
    }
  });
  if (typeof pages === 'number') return pages;
  if (pages.length !== 1) {
    io.err(`handbook-import: ${pages.length ? 'give one page at a time' : 'no page given'} (see --help)\n`);
    return 2;
  }

  const page = pages[0];
  const shown = oneLine(page);
  let text: string;
  try {
    // Only a regular file, and at most MAX_PAGE_BYTES: a FIFO would block, /dev/zero never end.
    const file = readTextFile(path.resolve(io.cwd, page), MAX_PAGE_BYTES)!;
    text = file.text;
    if (file.invalid && file.bytes) {
      // Not UTF-8: most likely a Latin-1 (Windows-1252) page. Read it so, and say so.
      text = new TextDecoder('windows-1252').decode(file.bytes);
      io.err(`handbook-import: ${shown} is not valid UTF-8: read as Latin-1 (Windows-1252)\n`);
    } else if (file.encoding !== 'utf-8') {
      io.err(`handbook-import: ${shown} is ${file.encoding.toUpperCase()}: read as ${file.encoding.toUpperCase()}\n`);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      e instanceof ReadError
        ? e.message
        : code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'is a directory'
            : code === 'EACCES'
              ? 'permission denied'
              : errorMessage(e);
    io.err(`handbook-import: cannot read ${shown}: ${oneLine(reason)}\n`);
    return 2;
  }

  let roles: ImportedRole[];
  let warnings: string[];
  let result: ImportResult;
  try {
    result = importPage(text, { sourceName: page, explain });
    ({ roles, warnings } = result);
  } catch (e) {
    io.err(`handbook-import: internal error: ${oneLine(errorMessage(e))}\n`);
    return 2;
  }

  if (format === 'json') io.out(JSON.stringify(roles, null, 2) + '\n');
  else for (const role of roles) io.out(describe(role));
  if (!roles.length) {
    io.err(`handbook-import: no roles found in ${shown}\n`);
    return 1;
  }
  if (format === 'text') for (const w of warnings) io.out(`note: ${oneLine(w)}\n`);
  if (explain) for (const line of explanationLines(result)) (format === 'json' ? io.err : io.out)(`explain: ${oneLine(line)}\n`);

  if (outDir !== undefined) {
    const dir = path.resolve(io.cwd, outDir);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      io.err(`handbook-import: cannot create ${oneLine(outDir)}: ${oneLine(errorMessage(e))}\n`);
      return 2;
    }
    // With JSON on stdout, notes about files go to stderr so that stdout stays one JSON array.
    const note = format === 'json' ? io.err : io.out;
    let failed = false;
    for (const role of roles) {
      const file = oneLine(path.join(outDir, `${role.role}.md`));
      if (!role.responsibilities.length) {
        io.err(`handbook-import: skipped ${oneLine(role.role)}: no responsibilities found, so it would not be a valid role file\n`);
        continue;
      }
      try {
        fs.writeFileSync(path.join(dir, `${role.role}.md`), renderRoleFile(role, { sourceName: page }), { encoding: 'utf8', flag: 'wx' });
        note(`wrote ${file}\n`);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          io.err(`handbook-import: skipped ${file}: the file exists (never overwritten)\n`);
        } else {
          io.err(`handbook-import: cannot write ${file}: ${oneLine(errorMessage(e))}\n`);
          failed = true;
        }
      }
    }
    if (failed) return 2;
  }
  return 0;
}
