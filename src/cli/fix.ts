/**
 * `handbook-lint --fix`: applies the certain fixes (src/core/language/fixAll) to the reported files,
 * in place. A file is written only when a fix applies, as UTF-8 bytes equal to the old ones outside
 * the fixed spans; a file that is not valid UTF-8 is never written (its bad bytes would be lost).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fixAll } from '../core/language/fixAll';
import type { LintRun } from './lint';
import { errorMessage } from '../core/errors';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface FixedFile {
  /** As reported (the path given, or relative to the current directory). */
  file: string;
  fixes: number;
}

/** Fixes the files of a lint run that have a fixable finding; returns those it changed. */
export function applyFixes(run: LintRun, cwd: string, onError: (file: string, reason: string) => void): FixedFile[] {
  const changed: FixedFile[] = [];
  for (const result of run.results) {
    if (!result.findings.some((f) => f.code === 'schema' && f.data?.suggestions?.length === 1)) continue;
    const abs = path.resolve(cwd, result.file);
    let raw: string;
    try {
      raw = strictUtf8.decode(fs.readFileSync(abs));
    } catch {
      continue; // unreadable now, or not valid UTF-8: leave it as it is
    }
    // The file is a role file here: the fixes see it as the run did (a missing frontmatter blocks them).
    const { text, fixes } = fixAll(abs, raw, { forceRoleFile: true });
    if (fixes.length === 0 || text === raw) continue;
    try {
      fs.writeFileSync(abs, text, 'utf8');
      changed.push({ file: result.file, fixes: fixes.length });
    } catch (e) {
      onError(result.file, errorMessage(e));
    }
  }
  return changed;
}
