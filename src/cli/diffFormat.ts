/** Output formats of handbook-diff: stylish (people, terminal), json (the contract), markdown. */
import { describeSummary, diffToMarkdown, summarizeDiff, toDiffJson, type HandbookDiff, type ItemDelta, type RoleDiff } from '../core/diff';
import { neutralize, neutralizeJson, oneLine } from './terminal';

export type DiffFormat = 'stylish' | 'json' | 'markdown';
export const DIFF_FORMATS: readonly DiffFormat[] = ['stylish', 'json', 'markdown'];

export function formatDiffJson(diff: HandbookDiff): string {
  return neutralizeJson(JSON.stringify(toDiffJson(diff), null, 2)) + '\n';
}

export function formatDiffMarkdown(diff: HandbookDiff, base: string, target: string): string {
  return neutralize(diffToMarkdown(diff, base, target));
}

const SECTIONS = [
  ['focus', 'focus'],
  ['responsibilities', 'responsibilities'],
  ['successCriteria', 'success criteria'],
] as const;

export function formatDiffStylish(diff: HandbookDiff, base: string, target: string, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const t = oneLine;
  const name = (r: RoleDiff) => {
    const s = r.target ?? r.base!;
    return s.title && s.title !== s.id ? `${paint('1', t(s.id))}  ${t(s.title)}` : paint('1', t(s.id));
  };
  const out: string[] = [];
  const summary = summarizeDiff(diff);
  out.push(`${paint('4', `${t(base)} → ${t(target)}`)}: ${describeSummary(summary)}`);
  const blocks: string[][] = [];
  for (const r of diff.roles) {
    const lines: string[] = [];
    if (r.status === 'added') lines.push(`${paint('32', '+ added  ')}  ${name(r)}  ${paint('2', t(r.target!.path))}`);
    else if (r.status === 'removed') lines.push(`${paint('31', '- removed')}  ${name(r)}  ${paint('2', t(r.base!.path))}`);
    else {
      const head =
        r.status === 'renamed'
          ? `${paint('33', '~ renamed')}  ${paint('1', t(r.base!.id))} → ${name(r)}`
          : `${paint('33', '~ changed')}  ${name(r)}`;
      lines.push(`${head}  ${paint('2', t(r.target!.path))}`);
      for (const [key, label] of SECTIONS) {
        const d: ItemDelta = r[key];
        if (!d.added.length && !d.removed.length) continue;
        lines.push(`    ${label}`);
        for (const i of d.added) lines.push(`      ${paint('32', '+')} ${t(i.text)}`);
        for (const i of d.removed) lines.push(`      ${paint('31', '-')} ${t(i.text)}`);
      }
      if (r.fields.length) lines.push(`    other keys: ${r.fields.map(t).join(', ')}`);
    }
    blocks.push(lines);
  }
  for (const m of diff.moved) blocks.push([`${paint('36', '→ moved  ')}  ${t(m.text)}  ${paint('2', `${t(m.from)} → ${t(m.to)}`)}`]);
  for (const u of diff.unreadable) {
    const where = u.revision === 'base' ? base : target;
    const roles = u.roles.length ? `; not compared: ${u.roles.map(t).join(', ')}` : '';
    blocks.push([
      `${paint('35', '! unreadable')}  ${t(u.path)}:${u.range.line}:${u.range.column} at ${t(where)}: ${t(u.message)} (${u.code})${roles}`,
    ]);
  }
  if (blocks.length) out.push('', ...blocks.map((b) => b.join('\n')));
  return out.join('\n') + '\n';
}
