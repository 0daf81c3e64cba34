import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/importCommand';
import { main as lint } from '../../../src/cli/lintCommand';
import { runner, tree as makeTree } from './helpers';

const run = runner(main);

const tree = (files: Record<string, string>) => makeTree('hb-import-', files);

const PAGE = [
  '# Team roles',
  '',
  '## Chief Technology Officer (CTO)',
  '',
  'CTO is an executive role:',
  '- sets the technology vision',
  '- owns the architecture',
  '',
  'CTO is responsible for hiring the engineering leadership.',
  '',
  '## Engineering Manager',
  '',
  'The Engineering Manager reports to the CTO.',
  '',
  '### Responsibilities',
  '',
  '- Run the team',
  '- Hold regular 1:1s',
  '',
  '### Requirements',
  '',
  '- Five years of management experience',
  '',
  '## Tech Lead',
  '',
  'Role also known as dev lead.',
].join('\n');

const ONE_LINE = /^handbook-import: [^\n]+\n$/;

describe('handbook-import', () => {
  it('prints the roles as one JSON array in the contract shape, writes nothing, exits 0', () => {
    const dir = tree({ 'page.md': PAGE });
    const r = run(['page.md', '--format', 'json'], dir);
    assert.strictEqual(r.code, 0, r.err);
    const roles = JSON.parse(r.out);
    assert.deepStrictEqual(
      roles.map((x: { role: string }) => x.role),
      ['cto', 'engineering-manager', 'tech-lead'],
    );
    assert.deepStrictEqual(roles[0], {
      role: 'cto',
      title: 'Chief Technology Officer',
      aliases: ['CTO'],
      type: 'executive',
      focus: [],
      responsibilities: ['Sets the technology vision', 'Owns the architecture', 'Hiring the engineering leadership'],
      successCriteria: [],
      sharesSuccessCriteriaOf: [],
      relationships: [],
      source: { line: 3 },
    });
    assert.deepStrictEqual(roles[1].relationships, [{ with: 'cto', kind: 'reports-to' }]);
    assert.deepStrictEqual(roles[1].responsibilities, ['Run the team', 'Hold regular 1:1s']);
    // A role found with no responsibilities is listed, empty, with a warning.
    assert.deepStrictEqual(roles[2].responsibilities, []);
    assert.match(roles[2].warnings[0], /No responsibilities/);
    assert.deepStrictEqual(fs.readdirSync(dir), ['page.md']);
  });

  it('prints a readable summary by default', () => {
    const r = run(['page.md'], tree({ 'page.md': PAGE }));
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^cto {2}Chief Technology Officer \(executive\), line 3: 3 responsibilities$/m);
    assert.match(r.out, /^tech-lead .*: 0 responsibilities\n {2}warning: No responsibilities/m);
  });

  it('--out creates the folder and writes one valid role file per role, skipping empty roles', () => {
    const dir = tree({ 'page.md': PAGE });
    const r = run(['page.md', '--out', 'handbook/roles'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'handbook/roles')).sort(), ['cto.md', 'engineering-manager.md']);
    assert.match(r.out, /^wrote handbook\/roles\/cto\.md$/m);
    assert.match(r.err, /^handbook-import: skipped tech-lead: no responsibilities found/m);
    const cto = fs.readFileSync(path.join(dir, 'handbook/roles/cto.md'), 'utf8');
    assert.match(cto, /^---\nrole: cto\ntitle: Chief Technology Officer\naliases: \[CTO\]\ntype: executive\n/);
    assert.match(cto, /Imported from `page\.md` \(line 3\)/);
    // The written files lint clean, references included.
    let out = '';
    const code = lint(['--format', 'json'], { cwd: path.join(dir, 'handbook'), out: (s) => (out += s), err: () => undefined });
    assert.strictEqual(code, 0, out);
    assert.deepStrictEqual(JSON.parse(out), []);
  });

  it('--out never overwrites an existing file: it reports and skips it', () => {
    const dir = tree({ 'page.md': PAGE, 'out/cto.md': 'mine\n' });
    const r = run(['page.md', '--out=out'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'out/cto.md'), 'utf8'), 'mine\n');
    assert.match(r.err, /^handbook-import: skipped out\/cto\.md: the file exists \(never overwritten\)$/m);
    assert.ok(fs.existsSync(path.join(dir, 'out/engineering-manager.md')));
    const again = run(['page.md', '--out', 'out'], dir);
    assert.strictEqual(again.code, 0);
    assert.strictEqual((again.err.match(/the file exists/g) ?? []).length, 2);
  });

  it('with --format json and --out, stdout holds only the JSON', () => {
    const dir = tree({ 'page.md': PAGE });
    const r = run(['--format=json', '--out', 'out', 'page.md'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(JSON.parse(r.out).length, 3);
    assert.match(r.err, /wrote out\/cto\.md/);
  });

  it('exits 1 when the page defines no role', () => {
    const dir = tree({ 'notes.md': '# Onboarding\n\n- Get a laptop\n- Read the handbook\n' });
    const json = run(['notes.md', '--format', 'json'], dir);
    assert.strictEqual(json.code, 1);
    assert.deepStrictEqual(JSON.parse(json.out), []);
    assert.match(json.err, ONE_LINE);
    const out = run(['notes.md', '--out', 'out'], dir);
    assert.strictEqual(out.code, 1);
    assert.ok(!fs.existsSync(path.join(dir, 'out')));
  });

  it('exits 2 with a one-line message when it cannot run', () => {
    const dir = tree({ 'page.md': PAGE, 'folder/x.md': '' });
    for (const args of [
      [],
      ['page.md', 'other.md'],
      ['missing.md'],
      ['folder'],
      ['page.md', '--format', 'xml'],
      ['page.md', '--format'],
      ['page.md', '--out'],
      ['page.md', '--bogus'],
    ]) {
      const r = run(args, dir);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, ONE_LINE, args.join(' '));
      assert.strictEqual(r.out, '');
    }
    assert.match(run(['missing.md'], dir).err, /cannot read missing\.md: no such file/);
  });

  it('exits 2 when the output folder cannot be created', () => {
    const dir = tree({ 'page.md': PAGE, blocker: 'a file, not a folder' });
    const r = run(['page.md', '--out', 'blocker/roles'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /cannot create blocker\/roles/);
  });

  it('prints help and version', () => {
    const help = run(['--help'], os.tmpdir());
    assert.strictEqual(help.code, 0);
    assert.match(help.out, /^Usage: handbook-import PAGE\.md/);
    assert.strictEqual(run(['-v'], os.tmpdir()).code, 0);
  });
});

describe('handbook-import: hostile input', () => {
  it('a FIFO, a link to /dev/zero and a directory are refused at once, never read', () => {
    const dir = tree({ 'x.txt': '' });
    const fifo = path.join(dir, 'p.md');
    const { spawnSync } = require('child_process') as typeof import('child_process');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      const r = run(['p.md'], dir);
      assert.deepStrictEqual([r.code, r.err], [2, 'handbook-import: cannot read p.md: not a regular file\n']);
    }
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    const z = run(['zero.md'], dir);
    assert.deepStrictEqual([z.code, z.err], [2, 'handbook-import: cannot read zero.md: not a regular file\n']);
  });

  it('a page over 8 MB: one line, exit 2', () => {
    const dir = tree({});
    fs.writeFileSync(path.join(dir, 'big.md'), Buffer.alloc(8 * 1024 * 1024 + 1, 'a'));
    const r = run(['big.md'], dir);
    assert.deepStrictEqual([r.code, r.out, r.err], [2, '', 'handbook-import: cannot read big.md: larger than 8 MB: not read\n']);
  });

  it('a Latin-1 page is read as Latin-1, with a note (it was U+FFFD, silently)', () => {
    const dir = tree({});
    fs.writeFileSync(
      path.join(dir, 'latin.md'),
      Buffer.from(PAGE.replace('## Chief Technology Officer (CTO)', '## Chief Technology Officer Café (CTO)'), 'latin1'),
    );
    const r = run(['latin.md', '--format', 'json'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, 'handbook-import: latin.md is not valid UTF-8: read as Latin-1 (Windows-1252)\n');
    assert.ok(
      (JSON.parse(r.out) as { title: string }[]).some((x) => x.title === 'Chief Technology Officer Café'),
      r.out,
    );
  });

  it('the text summary neutralises control characters and line breaks of the page', () => {
    const dir = tree({
      'evil.md': PAGE.replace('## Chief Technology Officer (CTO)', '## Chief Technology Officer \u001b]0;pwned\u0007 ::error::x (CTO)'),
    });
    const r = run(['evil.md'], dir);
    assert.strictEqual(r.code, 0);
    assert.doesNotMatch(r.out, /[\u0007\u001b]/);
    assert.doesNotMatch(r.out, /^[ \t]*::/m);
    assert.match(r.out, /Officer \\x1B\]0;pwned\\x07 ::error::x/);
  });
});

describe('handbook-import --explain', () => {
  const page = [
    '# Roles',
    '',
    '## Deputy',
    '',
    '### What are the responsibilities?',
    '',
    '- Manage the incident call',
    '',
    '## Engineering Manager',
    '',
    '### Requirements',
    '',
    '- Experience leading teams\u001b]0;x\u0007',
    '',
  ].join('\n');

  it('prints, after the roles, the rule behind each role and each list left out, with the rules used', () => {
    const r = run(['page.md', '--explain'], tree({ 'page.md': page }));
    assert.strictEqual(r.code, 0);
    assert.strictEqual(
      r.out
        .split('\n')
        .filter((l) => l.startsWith('explain: '))
        .join('\n'),
      [
        'explain: role deputy (line 3): the heading has a responsibilities section of its own [rule section-with-duties-is-role]',
        'explain: role engineering-manager (line 9): the heading names a role (a role noun or title word such as Manager, Lead, Head of) [rule role-words]',
        'explain: skipped list at line 13 (Engineering Manager, section "Requirements"; 1 item, first "Experience leading teams ]0;x "): requirements or qualifications, not duties [rule section-words]',
        'explain: rule section-with-duties-is-role: A heading whose own sub-sections include a responsibilities section ("What are the responsibilities?", "Responsibilities of a Reviewer") defines a role, whatever its words.',
        'explain: rule role-words: base word lists (lexicon.ts): role nouns and title words',
        'explain: rule section-words: base word lists (roleNames.ts): section headings',
      ].join('\n'),
    );
  });

  it('keeps stdout one JSON array with --format json: the explanation goes to stderr', () => {
    const r = run(['page.md', '--explain', '--format', 'json'], tree({ 'page.md': page }));
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(
      (JSON.parse(r.out) as { role: string }[]).map((x) => x.role),
      ['deputy', 'engineering-manager'],
    );
    assert.match(r.err, /^explain: role deputy \(line 3\)/);
  });

  it('prints no explanation without the flag', () => {
    assert.doesNotMatch(run(['page.md'], tree({ 'page.md': page })).out, /explain:/);
  });
});
