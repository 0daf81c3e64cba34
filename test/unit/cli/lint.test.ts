import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../../src/cli/lintCommand';
import { runner, tree as makeTree } from './helpers';

const REPO = path.join(__dirname, '..', '..', '..');

const run = runner(main);

const tree = (files: Record<string, string>) => makeTree('hb-lint-', files);

const role = (id: string, extra = '') => `---\nrole: ${id}\ntitle: ${id} title\ntype: manager\nresponsibilities: [work]\n${extra}---\n`;

describe('handbook-lint', () => {
  it('reports nothing on the built-in handbook and exits 0', () => {
    const r = run(['--format', 'json'], path.join(REPO, 'builtin'));
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(JSON.parse(r.out), []);
  });

  it('npm run lint:builtin (the command in the README) checks the built-in handbook alone: no finding, exit 0', function () {
    this.timeout(120_000);
    // Run from the repository's root, the handbook would take in every role file under it (test fixtures too).
    const r = spawnSync('npm', ['run', '--silent', 'lint:builtin'], { cwd: REPO, encoding: 'utf8', shell: process.platform === 'win32' });
    assert.strictEqual(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.strictEqual(r.stdout.trim(), '');
  });

  it('prints the contract JSON shape with 1-based ranges and exits 1 on errors', () => {
    const dir = tree({ 'roles/a.md': role('a', 'sharesSuccessCriteriaOf: [zed]\n'), 'roles/b.md': '# no frontmatter\n' });
    const r = run(['--format', 'json'], dir);
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(JSON.parse(r.out), [
      {
        file: 'roles/a.md',
        line: 6,
        column: 27,
        endLine: 6,
        endColumn: 30,
        severity: 'error',
        code: 'unknown-role',
        message: 'No role named "zed" in the handbook.',
      },
      {
        file: 'roles/b.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 17,
        severity: 'error',
        code: 'frontmatter-missing',
        message: JSON.parse(r.out)[1].message,
      },
    ]);
  });

  it('discovers Markdown with a role key outside the globs, skips node_modules and dot-folders', () => {
    const dir = tree({
      'docs/x.md': role('x').replace('type: manager', 'type: bad'),
      'docs/readme.md': '# plain\n',
      'node_modules/p/roles/y.md': '# not scanned\n',
      '.hidden/roles/z.md': '# not scanned\n',
    });
    const r = run(['--format', 'json'], dir);
    const files = JSON.parse(r.out).map((f: { file: string }) => f.file);
    assert.deepStrictEqual([...new Set(files)], ['docs/x.md']);
  });

  it('reports only the named files, resolving references against the whole handbook', () => {
    const dir = tree({
      'roles/a.md': role('a', 'relationships:\n  - with: b\n    kind: peer\n'),
      'roles/b.md': role('b').replace('type: manager', 'type: nope'),
    });
    const r = run(['roles/a.md', '--format', 'json'], dir);
    assert.strictEqual(r.code, 0, r.out);
    assert.deepStrictEqual(JSON.parse(r.out), []);
  });

  it('keeps the path as given', () => {
    const dir = tree({ 'roles/a.md': role('a').replace('type: manager', 'type: nope') });
    const r = run(['./roles/a.md', '--format', 'json'], dir);
    assert.strictEqual(JSON.parse(r.out)[0].file, './roles/a.md');
  });

  it('accepts globs and exits 2 when a path or glob matches nothing', () => {
    const dir = tree({ 'roles/a.md': role('a') });
    assert.strictEqual(run(['roles/*.md'], dir).code, 0);
    const none = run(['nothing/**/*.md'], dir);
    assert.strictEqual(none.code, 2);
    assert.match(none.err, /^handbook-lint: no files match "nothing\/\*\*\/\*\.md"\n$/);
    const missing = run(['missing.md'], dir);
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.err.split('\n').length, 2, 'one line');
  });

  it('exits 2 with one line for a bad option or format', () => {
    const dir = tree({});
    for (const args of [['--bogus'], ['--format', 'xml'], ['--format']]) {
      const r = run(args, dir);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.strictEqual(r.err.trim().split('\n').length, 1);
    }
  });

  it('exits 0 with a note when no role file is found', () => {
    const r = run([], tree({ 'README.md': '# hi\n' }));
    assert.strictEqual(r.code, 0);
    assert.match(r.err, /no role files found/);
    assert.strictEqual(r.out, '');
  });

  it('warnings alone exit 0; --quiet hides them', () => {
    const dir = tree({ 'roles/a.md': role('a') + 'See [[ghost]].\n' });
    const loud = run([], dir);
    assert.strictEqual(loud.code, 0);
    assert.match(loud.out, /roles\/a\.md\n {2}7:5 {2}warning {2}The link \[\[ghost\]\] names no role in the handbook\. {2}unresolved-link/);
    assert.match(loud.out, /1 problem \(0 errors, 1 warning\)/);
    assert.strictEqual(run(['--quiet'], dir).out, '');
  });

  it('writes SARIF 2.1.0 with a rule per code and GitHub annotations', () => {
    const dir = tree({ 'roles/a.md': role('a').replace('type: manager', 'type: nope') });
    const sarif = JSON.parse(run(['--format', 'sarif'], dir).out);
    assert.strictEqual(sarif.version, '2.1.0');
    const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(rules.includes('schema') && rules.includes('unknown-role'));
    const result = sarif.runs[0].results[0];
    assert.strictEqual(result.ruleId, 'schema');
    assert.strictEqual(rules[result.ruleIndex], 'schema');
    assert.deepStrictEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 7, endLine: 4, endColumn: 11 });
    assert.strictEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'roles/a.md');
    const gh = run(['--format', 'github'], dir).out;
    assert.match(
      gh,
      /^::error file=roles\/a\.md,line=4,col=7,endLine=4,endColumn=11,title=handbook-lint \(schema\)::"type" must be one of/,
    );
  });
});
