/**
 * Bench section `rename` (npm run bench -- --only=rename): rename and Find References over a
 * 10,000-role handbook. A hub role is referred to by 100 roles (a relationship and a [[link]] each):
 * renaming its id touches 101 files. Measured in process, as the editor runs it: the target under
 * the cursor, the plan, and the edits computed from the files' texts (read from memory here; the
 * editor reads open documents or the disk). Bar: under 200 ms for a rename touching 100 files.
 */
import { HandbookIndex } from '../src/core/handbookIndex';
import { roleReferences } from '../src/core/language/references';
import { planRename, renameEdits } from '../src/core/language/rename';
import { isRefusal, nameTargetAt } from '../src/core/language/roleAt';
import { roleFile, roleId } from './generate';

export type Report = (what: string, value: string, bar: string, ok: boolean | null, command: string) => void;

const HUB = 'file:///h/roles/hub.md';
const COMMAND = 'npm run bench -- --only=rename (in process: nameTargetAt + planRename + renameEdits, wall time, median of 20)';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const ms = (x: number) => (x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);

export function renameSection(report: Report, quick: boolean): Record<string, unknown> {
  process.stdout.write('\n8. Rename and references (10,000-role handbook; a role 100 roles refer to)\n');
  const total = quick ? 2000 : 10000;
  const every = total / 100;
  const texts = new Map<string, string>();
  const index = new HandbookIndex();
  for (let i = 1; i < total; i++) {
    let text = roleFile(i, { total });
    if (i % every === 1)
      text = text
        .replace('relationships:\n', 'relationships:\n  - with: hub\n    kind: reports-to\n')
        .replace(/\n$/, '\nReports to the [[Head of Hub|hub]].\n');
    const uri = `file:///h/roles/${roleId(i)}.md`;
    texts.set(uri, text);
    index.set(uri, text);
  }
  const hub = roleFile(0, { total })
    .replace(`role: ${roleId(0)}`, 'role: hub')
    .replace(/title: .*/, 'title: Head of Hub');
  texts.set(HUB, hub);
  index.set(HUB, hub);

  const hubLines = hub.split('\n');
  const idLine = hubLines.findIndex((l) => l.startsWith('role: ')) + 1;
  const titleLine = hubLines.findIndex((l) => l.startsWith('title: ')) + 1;
  const renameAt = (line: number, newName: string) => {
    const t0 = performance.now();
    const target = nameTargetAt(index, HUB, hub, line, 9, true);
    if (isRefusal(target)) throw new Error(target.error);
    const plan = planRename(index, target, newName);
    if (isRefusal(plan)) throw new Error(plan.error);
    const result = renameEdits(plan, (u) => texts.get(u));
    if (isRefusal(result)) throw new Error(result.error);
    return { ms: performance.now() - t0, files: result.files.length, edits: result.files.reduce((n, f) => n + f.edits.length, 0) };
  };
  const measure = (f: () => { ms: number; files: number; edits: number }) => {
    for (let i = 0; i < 3; i++) f(); // warm up the JIT
    const runs = Array.from({ length: 20 }, f);
    return { median: median(runs.map((r) => r.ms)), max: Math.max(...runs.map((r) => r.ms)), files: runs[0].files, edits: runs[0].edits };
  };

  const byId = measure(() => renameAt(idLine, 'hub-renamed'));
  report(
    'rename the id of a role 100 roles refer to',
    `${ms(byId.median)} median, ${ms(byId.max)} max; ${byId.files} files, ${byId.edits} edits`,
    '< 200 ms',
    byId.median < 200,
    COMMAND,
  );
  const byTitle = measure(() => renameAt(titleLine, 'Hub Lead'));
  report(
    '  rename its title (the [[links]] use it)',
    `${ms(byTitle.median)} median; ${byTitle.files} files, ${byTitle.edits} edits`,
    '',
    null,
    COMMAND,
  );
  const plain = `file:///h/roles/${roleId(4321 % total)}.md`;
  const plainText = texts.get(plain)!;
  const few = measure(() => {
    const t0 = performance.now();
    const target = nameTargetAt(index, plain, plainText, 2, 9, true);
    if (isRefusal(target)) throw new Error(target.error);
    const plan = planRename(index, target, 'renamed-role');
    if (isRefusal(plan)) throw new Error(plan.error);
    const result = renameEdits(plan, (u) => texts.get(u));
    if (isRefusal(result)) throw new Error(result.error);
    return { ms: performance.now() - t0, files: result.files.length, edits: result.files.reduce((n, f) => n + f.edits.length, 0) };
  });
  report('  rename the id of an ordinary role', `${ms(few.median)} median; ${few.files} files, ${few.edits} edits`, '', null, COMMAND);

  const hubRole = index.get(HUB)!.role!;
  const refs = measure(() => {
    const t0 = performance.now();
    const r = roleReferences(index, hubRole);
    return {
      ms: performance.now() - t0,
      files: new Set([...r.references, ...r.links].map((p) => p.uri)).size,
      edits: r.references.length + r.links.length,
    };
  });
  report('  Find References of that role', `${ms(refs.median)} median; ${refs.edits} places in ${refs.files} files`, '', null, COMMAND);
  return { roles: total, renameId: byId, renameTitle: byTitle, renameOrdinary: few, references: refs };
}
