import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../src/cli/lintCommand';
import { runner, tree as makeTree } from './helpers';

const run = runner(main);
const tree = (files: Record<string, string | Buffer>) => {
  const dir = makeTree('hb-fix-', {});
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
};

const GOOD = [
  '---',
  'role: lead # the id',
  "title: 'Team Lead'",
  'type: manager',
  'responsibilities:',
  '  - Lead the team',
  'relationships:',
  '  - with: lead',
  '    kind: "peer"',
  'sharesSuccessCriteriaOf: [nobody]',
  '---',
  '',
  '# Team Lead: type: manger, responsibilites',
  '',
].join('\r\n');

/** GOOD with certain typos: a misspelt key, a misspelt nested key, two bad enum values. */
const TYPOS =
  '\uFEFF' +
  GOOD.replace('type: manager', 'type: Manger')
    .replace('responsibilities:', 'responsibilites:')
    .replace('kind: "peer"', 'kind: "pear"')
    .replace('  - with', '  - wth');

const FIXED = '\uFEFF' + GOOD;

/** Files --fix must never write, though each holds a certain-looking typo. */
const NEVER: Record<string, string | Buffer> = {
  'roles/dup.md': GOOD.replace('role: lead', 'role: dup')
    .replace("'Team Lead'", 'Dup')
    .replace('type: manager', 'type: manger\r\ntitle: Again'),
  'roles/unclosed.md': '---\nrole: unclosed\ntype: manger\n',
  'roles/missing.md': '# Missing\n\ntype: manger\n',
  'roles/latin1.md': Buffer.concat([
    Buffer.from('---\nrole: latin\ntitle: Caf'),
    Buffer.from([0xe9]),
    Buffer.from('\ntype: manger\nresponsibilities: [x]\n---\n'),
  ]),
  'roles/unsure.md': '---\nrole: unsure\ntitle: Unsure\ntype: boss\nfavourite: 1\nresponsibilities: [x]\n---\n',
};

describe('handbook-lint --fix', () => {
  it('fixes what is certain byte for byte, prints the changed files on stderr, then reports as a run without --fix would', () => {
    const dir = tree({ 'roles/lead.md': TYPOS, ...NEVER });
    const before = Object.fromEntries(
      Object.keys(NEVER).map((rel) => [
        rel,
        { bytes: fs.readFileSync(path.join(dir, rel)), mtime: fs.statSync(path.join(dir, rel)).mtimeMs },
      ]),
    );
    const fixed = run(['--fix', '--format', 'json'], dir);
    assert.strictEqual(
      fixed.err,
      'handbook-lint: fixed roles/lead.md (4 fixes)\nhandbook-lint: roles/latin1.md is not valid UTF-8: invalid bytes were read as U+FFFD\n',
    );
    assert.strictEqual(fs.readFileSync(path.join(dir, 'roles/lead.md'), 'utf8'), FIXED);
    for (const [rel, b] of Object.entries(before)) {
      assert.ok(fs.readFileSync(path.join(dir, rel)).equals(b.bytes), `${rel} was written`);
      assert.strictEqual(fs.statSync(path.join(dir, rel)).mtimeMs, b.mtime, `${rel} was touched`);
    }

    // The same tree as --fix left it, checked without --fix: the same output and exit status.
    const plain = run(['--format', 'json'], tree({ 'roles/lead.md': FIXED, ...NEVER }));
    assert.strictEqual(fixed.out, plain.out);
    assert.strictEqual(fixed.code, plain.code);
    assert.strictEqual(fixed.code, 1);
    const codes = (JSON.parse(fixed.out) as { file: string; code: string }[]).map((f) => `${f.file} ${f.code}`);
    assert.deepStrictEqual(codes, [
      'roles/dup.md yaml-syntax',
      'roles/dup.md unknown-role',
      'roles/latin1.md schema',
      'roles/lead.md unknown-role',
      'roles/missing.md frontmatter-missing',
      'roles/unclosed.md frontmatter-unclosed',
      'roles/unsure.md schema',
      'roles/unsure.md schema',
    ]);
  });

  it('stylish output matches too; a second --fix changes nothing and says nothing', () => {
    const dir = tree({ 'roles/lead.md': TYPOS });
    const first = run(['--fix', 'roles/lead.md'], dir);
    assert.strictEqual(first.err, 'handbook-lint: fixed roles/lead.md (4 fixes)\n');
    const plain = run(['roles/lead.md'], dir);
    assert.strictEqual(first.out, plain.out);
    const second = run(['--fix', 'roles/lead.md'], dir);
    assert.deepStrictEqual(second, { ...plain, err: '' });
    assert.strictEqual(fs.readFileSync(path.join(dir, 'roles/lead.md'), 'utf8'), FIXED);
  });

  it('fixes only the files named; others are read for references but never written', () => {
    const dir = tree({ 'roles/lead.md': TYPOS, 'roles/other.md': TYPOS.replace('role: lead', 'role: other') });
    const r = run(['--fix', '--quiet', 'roles/other.md'], dir);
    assert.strictEqual(r.err, 'handbook-lint: fixed roles/other.md (4 fixes)\n');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'roles/lead.md'), 'utf8'), TYPOS);
    assert.strictEqual(r.code, 1);
  });

  it('--help lists --fix', () => {
    assert.match(run(['--help'], process.cwd()).out, /--fix +first fix in place what is certain/);
  });
});
