/**
 * Hostile role files dropped into the workspace (a copy of test/fixtures/workspace-roles): each
 * becomes a clear finding within a few seconds, and the extension host keeps answering. Every
 * file a test writes is deleted again.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, codeOf, command, DEFAULT_TIMEOUT_MS, fixtureUri, waitForDiagnostics, waitForState } from '../helpers';

const encode = (s: string) => new TextEncoder().encode(s);
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'handbook-roles');
/** A few seconds: the bar for "answered", with room for a loaded machine. */
const ANSWER_MS = 8_000;

function aliasBomb(): string {
  const lines = ['---', 'role: bomb', 'title: Bomb', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  let prev = 'a';
  for (const n of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) {
    lines.push(`${n}: &${n} [${Array(10).fill(`*${prev}`).join(',')}]`);
    prev = n;
  }
  return lines.concat('---', '').join('\n');
}

const CASES: { name: string; file: string; text: () => string; code: string }[] = [
  { name: 'an alias bomb', file: 'roles/hostile/alias-bomb.md', text: aliasBomb, code: 'yaml-syntax' },
  {
    name: '3,000 duplicate keys',
    file: 'roles/hostile/duplicates.md',
    text: () => `---\nrole: dupes\n${Array.from({ length: 3000 }, () => 'title: again').join('\n')}\n---\n`,
    code: 'yaml-syntax',
  },
  {
    name: '20,000-deep nesting',
    file: 'roles/hostile/deep.md',
    text: () => `---\nrole: deep\ntitle: ${'['.repeat(20000)}${']'.repeat(20000)}\n---\n`,
    code: 'yaml-syntax',
  },
  {
    name: 'a 5 MB body and a 2 MB line',
    file: 'roles/hostile/huge.md',
    text: () =>
      `---\nrole: huge\ntitle: Huge\ntype: boss\nresponsibilities: [x]\n---\n${'lorem ipsum [[nobody]] '.repeat(220_000)}\n${'y'.repeat(2_000_000)}\n`,
    code: 'schema',
  },
  {
    name: 'random bytes in a glob-matched file',
    file: 'roles/hostile/bytes.md',
    text: () => String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 0xd7ff)),
    code: 'frontmatter-missing',
  },
];

describe('hostile role files in the real extension host', () => {
  before(async () => {
    await api();
  });

  after(async () => {
    const { handbook } = await api();
    const folder = fixtureUri('roles/hostile').toString() + '/';
    await vscode.workspace.fs.delete(fixtureUri('roles/hostile'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitForState(
      handbook.onDidChange,
      () => !handbook.index.uris().some((u) => u.startsWith(folder)),
      DEFAULT_TIMEOUT_MS,
      'the hostile files to leave the index',
    );
  });

  for (const c of CASES) {
    it(`${c.name}: a ${c.code} finding within seconds, and the host still answers`, async () => {
      const uri = fixtureUri(c.file);
      const started = Date.now();
      const seen = waitForDiagnostics(uri, (d) => d.some((x) => x.source === 'handbook-roles' && codeOf(x) === c.code), ANSWER_MS);
      await vscode.workspace.fs.writeFile(uri, encode(c.text()));
      await seen;
      const answered = Date.now() - started;
      assert.ok(answered < ANSWER_MS, `answered in ${answered} ms`);
      // The range stays inside the document VS Code would show.
      for (const d of ours(uri)) assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line, JSON.stringify(d.range));
      // Still responsive: a lookup over the whole handbook comes back at once.
      const t0 = Date.now();
      const results = await command<unknown[]>('handbookRoles.findRole', 'vp engineering');
      assert.ok(Array.isArray(results) && results.length > 0, 'Find Role still answers');
      assert.ok(Date.now() - t0 < 2_000, `Find Role took ${Date.now() - t0} ms`);
    });
  }
});
