import * as assert from 'assert';
import * as path from 'path';
import { main } from '../../../src/cli/lintCommand';
import { roleText } from '../core/map/fixtures';
import { runner, tree as makeTree } from './helpers';

const BUILTIN = path.join(__dirname, '..', '..', '..', 'builtin');

const run = runner(main);

const tree = (files: Record<string, string>) => makeTree('hb-overlaps-', files);

describe('handbook-lint --overlaps (opt-in findings)', () => {
  it('is off by default: the built-in handbook has no findings', () => {
    const r = run(['--format', 'json'], BUILTIN);
    assert.deepStrictEqual([r.code, JSON.parse(r.out)], [0, []]);
  });

  it('adds overlapping-responsibility (info) and unowned-criterion (warning), with 1-based positions, exit 0', () => {
    const r = run(['--overlaps', '--format', 'json'], BUILTIN);
    assert.strictEqual(r.code, 0, r.err);
    const found = JSON.parse(r.out) as { file: string; line: number; column: number; severity: string; code: string }[];
    const brief = found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}`);
    assert.ok(brief.includes('roles/cto.md:28:11 info overlapping-responsibility'), brief.join('\n'));
    assert.ok(brief.includes('roles/head-of-engineering.md:19:11 info overlapping-responsibility'));
    assert.ok(brief.includes('roles/head-of-engineering.md:56:5 warning unowned-criterion'));
    assert.strictEqual(found.filter((f) => f.code === 'unowned-criterion').length, 8);
    assert.strictEqual(found.filter((f) => f.code === 'overlapping-responsibility').length, 2);
  });

  it('reports only the files named, while the analysis covers the whole handbook', () => {
    const r = run(['--overlaps', '--format', 'json', 'roles/head-of-engineering.md'], BUILTIN);
    const found = JSON.parse(r.out) as { file: string; code: string }[];
    assert.ok(found.length > 0);
    assert.ok(found.every((f) => f.file === 'roles/head-of-engineering.md'));
    assert.ok(
      found.some((f) => f.code === 'overlapping-responsibility'),
      'the overlap with the CTO file is seen',
    );
  });

  it('keeps --quiet meaning errors only', () => {
    const r = run(['--overlaps', '--quiet', '--format', 'json'], BUILTIN);
    assert.deepStrictEqual(JSON.parse(r.out), []);
  });
});

describe('handbook-lint --report overlaps', () => {
  it('prints the map for people (stylish) and exits 0', () => {
    const r = run(['--report', 'overlaps'], BUILTIN);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^Responsibility map: 2 roles, 22 responsibilities, 10 success criteria\n/);
    assert.match(r.out, /Overlaps \(1\)\n {2}architecture: similarity 0\.\d\d; shared words: .*architecture/);
    assert.match(r.out, /roles\/cto\.md:28:11 +Chief Technology Officer: Define the high-level architecture/);
    assert.match(r.out, /Gaps \(9\)\n/);
    assert.match(
      r.out,
      /roles\/head-of-engineering\.md:56:5 {2}unowned-criterion {2}No responsibility in the handbook matches the success criterion “Do the services run reliably\?”/,
    );
    assert.match(r.out, /Chief Technology Officer shares the 7 success criteria of Head of Engineering/);
    assert.ok(!r.out.includes('\u001b['), 'no colour unless asked');
  });

  it('prints JSON for tools: files relative to the current directory, items with positions', () => {
    const r = run(['--report=overlaps', '--format=json'], BUILTIN);
    assert.strictEqual(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.deepStrictEqual(
      report.roles.map((x: { id: string; file: string }) => [x.id, x.file]),
      [
        ['cto', 'roles/cto.md'],
        ['head-of-engineering', 'roles/head-of-engineering.md'],
      ],
    );
    assert.strictEqual(report.overlaps.length, 1);
    const [a, b] = report.overlaps[0].items;
    assert.deepStrictEqual([a.role, a.file, a.line, a.column, a.area], ['cto', 'roles/cto.md', 28, 11, 'architecture']);
    assert.deepStrictEqual([b.role, b.line], ['head-of-engineering', 19]);
    assert.match(report.overlaps[0].links[0].explanation, /^similarity 0\.\d+; shared words: /);
    assert.deepStrictEqual(
      report.gaps.map((g: { kind: string }) => g.kind),
      ['unowned-area', ...new Array(8).fill('unowned-criterion')],
    );
    assert.deepStrictEqual(report.shared, [
      { role: 'cto', from: 'head-of-engineering', file: 'roles/cto.md', line: 41, column: 27, endLine: 41, endColumn: 46, criteria: 7 },
    ]);
  });

  it('prints a Markdown page for docs', () => {
    const r = run(['--report', 'overlaps', '--format', 'markdown'], BUILTIN);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^# Responsibility map\n/);
    assert.match(r.out, /\| Area \| Chief Technology Officer \| Head of Engineering \|/);
  });

  it('names role files beyond the current directory, and exits 0 with findings of errors in them', () => {
    const dir = tree({
      'roles/a.md': roleText({ id: 'a', responsibilities: ['Run the weekly incident review'] }),
      'roles/b.md': roleText({ id: 'b', responsibilities: ['Run the weekly incident review'] }).replace('type: manager', 'type: wizard'),
    });
    const r = run(['--report', 'overlaps', '--format', 'json'], dir);
    assert.strictEqual(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.deepStrictEqual(report.overlaps[0].links[0].same, true);
    assert.strictEqual(report.overlaps[0].links[0].explanation, 'same text');
  });

  it('refuses other reports and formats that do not fit the mode (exit 2, one line)', () => {
    for (const args of [['--report', 'gaps'], ['--report'], ['--report', 'overlaps', '--format', 'sarif'], ['--format', 'markdown']]) {
      const r = run(args, BUILTIN);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.strictEqual(r.out, '');
      assert.strictEqual(r.err.trim().split('\n').length, 1, r.err);
    }
  });

  it('mentions both options in --help', () => {
    const r = run(['--help'], BUILTIN);
    assert.match(r.out, /--overlaps/);
    assert.match(r.out, /--report overlaps/);
  });
});
