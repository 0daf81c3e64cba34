/**
 * `handbook-lint --report org` (the reporting lines: stylish, json, markdown, mermaid) and
 * `--report ladder` (the ladders: stylish, json, markdown).
 */
import * as path from 'path';
import type { HandbookIndex } from '../core/handbookIndex';
import { ladders } from '../core/org/ladders';
import { laddersJson, laddersToMarkdown, laddersToText, orgToMarkdown, orgToMermaid, orgToText } from '../core/org/render';
import { cmp, reportingLines, type ReportingLine } from '../core/org/reporting';
import { toPosix } from './discover';

export type OrgFormat = 'stylish' | 'json' | 'markdown' | 'mermaid';
export type LadderFormat = 'stylish' | 'json' | 'markdown';
export const ORG_FORMATS: readonly OrgFormat[] = ['stylish', 'json', 'markdown', 'mermaid'];
export const LADDER_FORMATS: readonly LadderFormat[] = ['stylish', 'json', 'markdown'];

/** Every reporting line once; `file`/`line` point at the first relationship (by file, line) that states it. */
export function orgJson(lines: readonly ReportingLine[], cwd: string) {
  return {
    lines: lines.map((l) => {
      const first = [...l.statements].sort(
        (a, b) => cmp(a.role.uri, b.role.uri) || a.relationship.range.line - b.relationship.range.line,
      )[0];
      return {
        report: l.report.id,
        manager: l.manager.id,
        file: toPosix(path.relative(cwd, first.role.uri)) || first.role.uri,
        line: first.relationship.range.line,
      };
    }),
  };
}

export function formatOrgReport(index: HandbookIndex, format: OrgFormat, cwd: string, color: boolean): string {
  const lines = reportingLines(index.roles(), index.orgGraph());
  if (format === 'json') return JSON.stringify(orgJson(lines, cwd), null, 2) + '\n';
  if (format === 'mermaid') return orgToMermaid(lines);
  if (format === 'markdown') return orgToMarkdown(lines);
  const text = orgToText(lines);
  return color ? text.replace(/^Reporting lines/, '\u001b[1mReporting lines\u001b[0m') : text;
}

export function formatLadderReport(index: HandbookIndex, format: LadderFormat, color: boolean): string {
  const all = ladders(index.roles(), index.orgGraph());
  if (format === 'json') return JSON.stringify(laddersJson(all), null, 2) + '\n';
  if (format === 'markdown') return laddersToMarkdown(all);
  return laddersToText(all, color ? (s) => `\u001b[1m${s}\u001b[0m` : undefined);
}
