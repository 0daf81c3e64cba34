/** Output formats of handbook-lint. */
import type { Finding } from '../core/types';
import { oneLine } from './terminal';

export interface FileFindings {
  /** The path as given, or relative to the current directory. */
  file: string;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export function toJson(results: FileFindings[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      out.push({ file: r.file, ...f.range, severity: f.severity, code: f.code, message: f.message });
    }
  }
  return out;
}

export function formatJson(results: FileFindings[]): string {
  return JSON.stringify(toJson(results), null, 2) + '\n';
}

export function formatStylish(results: FileFindings[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const blocks: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const rows = r.findings.map((f) => {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      // Handbook text in a message (a title, a key) must not start a line or drive the terminal.
      return [`${f.range.line}:${f.range.column}`, f.severity, oneLine(f.message), f.code];
    });
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    const lines = rows.map(([pos, sev, msg, code]) => {
      const sevPainted = paint(sev === 'error' ? '31' : sev === 'warning' ? '33' : '36', sev.padEnd(w1));
      return `  ${paint('2', pos.padEnd(w0))}  ${sevPainted}  ${msg}  ${paint('2', code)}`;
    });
    blocks.push(`${paint('4', oneLine(r.file))}\n${lines.join('\n')}`);
  }
  if (blocks.length === 0) return '';
  const total = errors + warnings + infos;
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (infos) parts.push(`${infos} info`);
  const summary = `${errors ? '✖' : '⚠'} ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  return `${blocks.join('\n\n')}\n\n${paint(errors ? '31;1' : '33;1', summary)}\n`;
}
