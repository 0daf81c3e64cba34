import * as assert from 'assert';
import { HandbookIndex } from '../../../src/core/handbookIndex';
import { parseFile } from '../../../src/core/parse';
import type { Finding } from '../../../src/core/types';

const brief = (f: Finding) => `${f.code} ${f.range.line}:${f.range.column}-${f.range.endLine}:${f.range.endColumn}`;

const VALID = [
  '---',
  'role: cto',
  'title: Chief Technology Officer',
  'type: executive',
  'responsibilities:',
  '  - Set the vision',
  '---',
  '',
].join('\n');

describe('findings with exact ranges', () => {
  it('accepts a valid role file', () => {
    assert.deepStrictEqual(parseFile('a.md', VALID).findings, []);
  });

  it('frontmatter-missing on line 1 of a glob-matched file', () => {
    const f = parseFile('a.md', '# Title here\n\nText\n', { forceRoleFile: true }).findings;
    assert.deepStrictEqual(f.map(brief), ['frontmatter-missing 1:1-1:13']);
    assert.strictEqual(f[0].severity, 'error');
  });

  it('ignores a Markdown file without frontmatter that is not matched by the globs', () => {
    const p = parseFile('a.md', '# Title\n');
    assert.strictEqual(p.isRoleFile, false);
    assert.deepStrictEqual(p.findings, []);
  });

  it('frontmatter-unclosed on the opening ---', () => {
    const f = parseFile('a.md', '---\nrole: cto\ntitle: x\n').findings;
    assert.deepStrictEqual(f.map(brief), ['frontmatter-unclosed 1:1-1:4']);
  });

  it('does not take "..." as the closing delimiter', () => {
    const f = parseFile('a.md', '---\nrole: cto\n...\n# body\n').findings;
    assert.deepStrictEqual(f.map(brief), ['frontmatter-unclosed 1:1-1:4']);
  });

  it('a leading horizontal rule in an ordinary Markdown file is not a problem', () => {
    const p = parseFile('a.md', '---\n# Not frontmatter\n');
    assert.strictEqual(p.isRoleFile, false);
  });

  it('accepts trailing spaces on the delimiters', () => {
    const text = VALID.replace(/^---$/gm, '---  ');
    assert.deepStrictEqual(parseFile('a.md', text).findings, []);
  });

  it('yaml-syntax at the place the parser names', () => {
    const f = parseFile('a.md', '---\nrole: cto\ntitle: [unclosed\n---\n').findings;
    assert.ok(f.length >= 1);
    assert.ok(f.every((x) => x.code === 'yaml-syntax'));
    assert.strictEqual(f[0].range.line >= 3, true, brief(f[0]));
  });

  it('yaml-syntax for a duplicate key, on the second key', () => {
    const f = parseFile('a.md', '---\nrole: cto\nrole: cfo\n---\n').findings;
    assert.deepStrictEqual(f.map(brief), ['yaml-syntax 3:1-3:5']);
    assert.match(f[0].message, /Duplicate key/);
  });

  it('yaml-syntax for an alias bomb, on an alias', () => {
    const lines = ['---', 'role: bomb', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    let prev = 'a';
    for (const n of ['b', 'c', 'd', 'e', 'f', 'g']) {
      lines.push(`${n}: &${n} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
      prev = n;
    }
    lines.push('---');
    const f = parseFile('a.md', lines.join('\n')).findings;
    assert.deepStrictEqual(
      f.map((x) => x.code),
      ['yaml-syntax'],
    );
    assert.match(f[0].message, /alias/i);
    assert.strictEqual(f[0].range.line, 4);
  });

  it('refuses custom tags', () => {
    const f = parseFile('a.md', '---\nrole: cto\ntitle: !!js/function "x"\n---\n').findings;
    assert.ok(
      f.some((x) => x.code === 'yaml-syntax' && x.range.line === 3),
      f.map(brief).join(),
    );
  });

  it('schema: wrong enum points at the value and lists allowed values', () => {
    const f = parseFile('a.md', VALID.replace('type: executive', 'type: boss')).findings;
    assert.deepStrictEqual(f.map(brief), ['schema 4:7-4:11']);
    assert.deepStrictEqual(f[0].data?.allowed, ['executive', 'manager', 'individual-contributor']);
  });

  it('schema: unknown key points at the key with a suggestion', () => {
    const f = parseFile('a.md', VALID.replace('responsibilities:', 'responsibilites:')).findings;
    const unknown = f.find((x) => /Unknown key/.test(x.message))!;
    assert.strictEqual(brief(unknown), 'schema 5:1-5:16');
    assert.match(unknown.message, /Did you mean "responsibilities"/);
    // and the now-missing required key is reported at the opening ---
    assert.ok(f.some((x) => brief(x) === 'schema 1:1-1:4' && /responsibilities/.test(x.message)));
  });

  it('schema: missing required key in a nested object points at its first line', () => {
    const text = VALID.replace('---\n', '---\n').replace(
      '  - Set the vision',
      '  - Set the vision\nrelationships:\n  - with: cto\n    note: hi',
    );
    const f = parseFile('a.md', text).findings;
    assert.deepStrictEqual(f.map(brief), ['schema 8:5-8:14']);
    assert.match(f[0].message, /Missing required key "kind" in relationships\[0\]/);
  });

  it('schema: wrong pattern points at the value', () => {
    const f = parseFile('a.md', VALID.replace('role: cto', 'role: Chief Tech')).findings;
    assert.deepStrictEqual(f.map(brief), ['schema 2:7-2:17']);
    assert.deepStrictEqual(f[0].data?.suggestions, ['chief-tech']);
  });

  it('schema: one finding for a bad responsibility item, not one per oneOf branch', () => {
    const f = parseFile('a.md', VALID.replace('  - Set the vision', '  - 42')).findings;
    assert.deepStrictEqual(f.map(brief), ['schema 6:5-6:7']);
    assert.match(f[0].message, /non-empty string or a mapping/);
  });

  it('schema: an object responsibility with a typo key gets one finding at the key', () => {
    const f = parseFile('a.md', VALID.replace('  - Set the vision', '  - text: Set the vision\n    aera: strategy')).findings;
    assert.deepStrictEqual(f.map(brief), ['schema 7:5-7:9']);
    assert.match(f[0].message, /Did you mean "area"/);
  });

  it('schema: x- keys are never reported', () => {
    assert.deepStrictEqual(parseFile('a.md', VALID.replace('type: executive', 'type: executive\nx-owner: {a: 1}')).findings, []);
  });

  it('duplicate-responsibility on the second and later copies', () => {
    const text = VALID.replace('  - Set the vision', '  - Set the vision\n  - set  the VISION \n  - text: Set the vision');
    const f = parseFile('a.md', text).findings;
    assert.deepStrictEqual(f.map(brief), ['duplicate-responsibility 7:5-7:20', 'duplicate-responsibility 8:11-8:25']);
    assert.strictEqual(f[0].severity, 'warning');
  });

  it('counts CRLF and lone CR line endings alike', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = VALID.replace('type: executive', 'type: boss').split('\n').join(eol);
      const f = parseFile('a.md', text).findings;
      assert.deepStrictEqual(f.map(brief), ['schema 4:7-4:11'], JSON.stringify(eol));
    }
  });

  it('counts columns after a BOM and in UTF-16 code units', () => {
    const text = '\uFEFF' + VALID.replace('title: Chief Technology Officer', 'title: "Café 🚀"\naliases: ["Chef 🚀", "Chef 🚀"]');
    const f = parseFile('a.md', text).findings;
    // "aliases: [" is 10 units and the first "Chef 🚀" 9 (the rocket counts 2), then ", ".
    assert.deepStrictEqual(f.map(brief), ['schema 4:22-4:31']);
  });
});

describe('cross-file findings', () => {
  const role = (id: string, extra = '') =>
    `---\nrole: ${id}\ntitle: ${id.toUpperCase()} title\ntype: manager\nresponsibilities: [work]\n${extra}---\n`;

  it('unknown-role on the reference, with a suggestion', () => {
    const idx = new HandbookIndex();
    idx.set('a.md', role('alpha', 'sharesSuccessCriteriaOf: [betta]\n'));
    idx.set('b.md', role('beta'));
    const f = idx.findings('a.md');
    assert.deepStrictEqual(f.map(brief), ['unknown-role 6:27-6:32']);
    assert.match(f[0].message, /Did you mean "beta"/);
  });

  it('resolves references by id, title and alias, case-insensitively', () => {
    const idx = new HandbookIndex();
    idx.set('a.md', role('alpha', 'relationships:\n  - with: BETA TITLE\n    kind: peer\n  - with: Bee\n    kind: peer\n'));
    idx.set('b.md', role('beta', 'aliases: [bee]\n'));
    assert.deepStrictEqual(idx.findings('a.md'), []);
    assert.strictEqual(idx.resolve('bEe')?.id, 'beta');
  });

  it('duplicate-role on every claim', () => {
    const idx = new HandbookIndex();
    idx.set('a.md', role('alpha', 'aliases: [Shared]\n'));
    idx.set('b.md', role('beta', 'aliases: [shared ]\n'));
    assert.deepStrictEqual(idx.findings('a.md').map(brief), ['duplicate-role 6:11-6:17']);
    assert.deepStrictEqual(idx.findings('b.md').map(brief), ['duplicate-role 6:11-6:17']);
  });

  it('duplicate-role between an id and a title', () => {
    const idx = new HandbookIndex();
    idx.set('a.md', role('alpha'));
    idx.set('b.md', '---\nrole: beta\ntitle: Alpha\ntype: manager\nresponsibilities: [x]\n---\n');
    assert.deepStrictEqual(idx.findings('a.md').map(brief), ['duplicate-role 2:7-2:12']);
    assert.deepStrictEqual(idx.findings('b.md').map(brief), ['duplicate-role 3:8-3:13']);
  });

  it('unresolved-link in the body, not in code spans or fenced code', () => {
    const idx = new HandbookIndex();
    const body =
      'See [[alpha]] and [[Nobody|them]].\n`[[inline]]` ``[[double]]``\n```\n[[fenced]]\n```\n~~~md\n[[tilde]]\n~~~\nLast [[ghost]]\n';
    idx.set('a.md', role('alpha') + body);
    assert.deepStrictEqual(idx.findings('a.md').map(brief), ['unresolved-link 7:19-7:34', 'unresolved-link 15:6-15:15']);
  });

  it('re-checks referring files when a role appears, changes or goes', () => {
    const idx = new HandbookIndex();
    idx.set('a.md', role('alpha', 'sharesSuccessCriteriaOf: [beta]\n'));
    assert.strictEqual(idx.findings('a.md').length, 1);
    const added = idx.set('b.md', role('beta'));
    assert.ok(added.affected.has('a.md'));
    assert.deepStrictEqual(idx.findings('a.md'), []);
    const renamed = idx.set('b.md', role('gamma'));
    assert.ok(renamed.affected.has('a.md'));
    assert.strictEqual(idx.findings('a.md')[0].code, 'unknown-role');
    idx.set('b.md', role('beta'));
    const removed = idx.delete('b.md');
    assert.ok(removed.affected.has('a.md'));
    assert.strictEqual(idx.findings('a.md')[0].code, 'unknown-role');
  });

  it('an update touches only the files that share names with it', () => {
    const idx = new HandbookIndex();
    for (let i = 0; i < 50; i++) idx.set(`r${i}.md`, role(`role-${i}`));
    const r = idx.set('r7.md', role('role-7', 'focus: [x]\n'));
    assert.deepStrictEqual([...r.affected], ['r7.md']);
    const unchanged = idx.set('r7.md', role('role-7', 'focus: [x]\n'));
    assert.strictEqual(unchanged.affected.size, 0);
  });
});
