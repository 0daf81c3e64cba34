/**
 * Hostile input at the engine: each answer is a clear finding (or none), in bounded time, and never
 * an exception. Time bounds are in CPU time (the machine is shared) and loose, yet far below what
 * the quadratic code paths these tests guard against took (tens of seconds).
 */
import * as assert from 'assert';
import { mightBeRoleFile } from '../../../src/core/frontmatter';
import { HandbookIndex } from '../../../src/core/handbookIndex';
import { scanLinks } from '../../../src/core/links';
import { MAX_FRONTMATTER_CHARS, parseFile } from '../../../src/core/parse';
import { LineMap } from '../../../src/core/text';
import type { ParsedFile } from '../../../src/core/types';
import { assertInside, cpuMs } from './support';

const HEAD = 'role: x\ntitle: X\ntype: manager\nresponsibilities: [a]\n';

function timed(text: string, forceRoleFile = true): { parsed: ParsedFile; ms: number } {
  const { value: parsed, ms } = cpuMs(() => parseFile('file:///x.md', text, { forceRoleFile }));
  const lines = new LineMap(text);
  for (const f of parsed.findings) assertInside(f.range, text, f.code, lines);
  return { parsed, ms };
}

const codes = (p: ParsedFile) => [...new Set(p.findings.map((f) => f.code))];

describe('hostile input: engine', () => {
  it('an alias bomb is refused with one yaml-syntax finding on the first alias', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const text = `---\n${HEAD}x-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\n---\n`;
    const { parsed, ms } = timed(text);
    assert.deepStrictEqual(codes(parsed), ['yaml-syntax']);
    assert.match(parsed.findings[0].message, /Too many alias expansions/);
    assert.strictEqual(parsed.findings[0].range.line, 8, 'the first alias, *a on line 8');
    assert.ok(ms < 2000, `${ms} ms`);
  });

  it('thousands of duplicate keys: one finding per later copy, in linear time', () => {
    const n = 5000;
    const text = `---\n${HEAD}${'x-k: 1\n'.repeat(n)}---\n`;
    const { parsed, ms } = timed(text);
    assert.strictEqual(parsed.findings.length, n - 1);
    assert.ok(
      parsed.findings.every((f) => f.code === 'yaml-syntax' && f.message === 'Duplicate key: each key may appear once in a mapping.'),
    );
    assert.deepStrictEqual(parsed.findings[0].range, { line: 7, column: 1, endLine: 7, endColumn: 4 });
    assert.ok(ms < 4000, `${ms} ms (the parser's own unique-key check took ~10 s here)`);
  });

  it('duplicate keys are still reported next to other YAML errors, and inside flow mappings', () => {
    const { parsed } = timed(`---\n${HEAD}x-m: {a: 1, a: 2}\nbad: [\n---\n`);
    const dup = parsed.findings.filter((f) => /Duplicate key/.test(f.message));
    assert.deepStrictEqual(
      dup.map((f) => [f.range.line, f.range.column]),
      [[6, 13]],
    );
    assert.ok(parsed.findings.some((f) => /YAML syntax error/.test(f.message)));
  });

  it('thousands of unknown keys: one schema finding each, in linear time', () => {
    const n = 8000;
    const text = `---\n${HEAD}${Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n')}\n---\n`;
    const { parsed, ms } = timed(text);
    assert.strictEqual(parsed.findings.length, n);
    assert.deepStrictEqual(parsed.findings[n - 1].range, {
      line: 6 + n - 1,
      column: 1,
      endLine: 6 + n - 1,
      endColumn: 1 + `k${n - 1}`.length,
    });
    assert.ok(ms < 4000, `${ms} ms`);
  });

  it('20,000-deep nesting, flow or block: "nested too deeply", no exception', () => {
    for (const deep of [`${'{a: '.repeat(20000)}1${'}'.repeat(20000)}`, `\n  ${'- '.repeat(20000)}1`]) {
      const { parsed } = timed(`---\n${HEAD}x-deep: ${deep}\n---\n`);
      assert.ok(parsed.findings.length >= 1);
      assert.ok(
        parsed.findings.every((f) => f.code === 'yaml-syntax' && f.message === 'The frontmatter is nested too deeply to be read.'),
        JSON.stringify(parsed.findings.map((f) => f.message)),
      );
    }
  });

  it('nesting just shallow enough for the YAML parser does not exhaust the engine either', () => {
    // Find the deepest flow sequence the parser still reads, then hand the engine that depth in
    // every place that reads nested values (schema, model, aliases, duplicate keys).
    let ok = 0;
    for (let depth = 256; depth <= 65536; depth *= 2) {
      const p = timed(`---\n${HEAD}x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n`).parsed;
      if (p.findings.length) break;
      ok = depth;
    }
    assert.ok(ok >= 256, 'the parser reads at least 256 levels');
    const deep = `${'['.repeat(ok)}${']'.repeat(ok)}`;
    const deepMap = `${'{a: '.repeat(ok / 2)}1${'}'.repeat(ok / 2)}`;
    for (const text of [
      `---\n${HEAD}aliases: [${deep}, ${deep}]\n---\n`,
      `---\nrole: x\ntitle: X\ntype: manager\nresponsibilities: [${deep}, {text: ${deep}}]\nfocus: ${deep}\n---\n`,
      `---\n${HEAD}x-a: &a ${deep}\nx-b: *a\n---\n`,
      `---\n${HEAD}x-m: ${deepMap}\nx-m: 2\n---\n`,
    ]) {
      assert.doesNotThrow(() => timed(text));
    }
  });

  it('a 5 MB body with links and code spans is read in seconds', () => {
    const text = `---\n${HEAD}---\n${'Some text with [[CTO]] and `[[code]]` here, then more words.\n'.repeat(80000)}`;
    const { parsed, ms } = timed(text);
    assert.strictEqual(parsed.links.length, 80000);
    assert.ok(ms < 6000, `${ms} ms`);
  });

  it('a 2 MB line of backtick runs of every length stays linear (it took 47 s)', () => {
    const line = Array.from({ length: 2000 }, (_, i) => '`'.repeat(i + 1)).join(' ') + ' [[a]]';
    const text = `---\n${HEAD}---\n${line}\n`;
    const { value: links, ms } = cpuMs(() => scanLinks(text, 0, new LineMap(text)));
    assert.strictEqual(links.length, 1);
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('a frontmatter over the size limit is refused with one finding, and its body links still count', () => {
    const text = `---\n${HEAD}focus:\n${'  - some focus item\n'.repeat(Math.ceil(MAX_FRONTMATTER_CHARS / 20) + 10)}---\nSee [[CTO]].\n`;
    const { parsed, ms } = timed(text, false);
    assert.ok(parsed.isRoleFile, 'it has a role key');
    assert.deepStrictEqual(
      parsed.findings.map((f) => [f.code, f.range.line, f.range.column, f.range.endColumn]),
      [['yaml-syntax', 1, 1, 4]],
    );
    assert.match(parsed.findings[0].message, /frontmatter is \d+ KB long; frontmatter longer than 256 KB is not read/);
    assert.deepStrictEqual(
      parsed.links.map((l) => l.target),
      ['CTO'],
    );
    assert.ok(ms < 2000, `${ms} ms`);
    // Just under the limit is read as usual.
    const under = `---\n${HEAD}focus:\n${'  - some focus item\n'.repeat(1000)}---\n`;
    assert.deepStrictEqual(timed(under).parsed.findings, []);
  });

  it('random bytes and invalid UTF-16 give a finding or nothing, never an exception', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const noise = Array.from({ length: 200000 }, () => String.fromCharCode(Math.floor(rnd() * 65536))).join('');
    for (const text of [noise, `---\n${noise}\n---\n${noise}`, `---\nrole: x\ntitle: \uD800\uDFFF\uDC00\n---\n`, '\uFFFD'.repeat(1000)]) {
      assert.doesNotThrow(() => timed(text));
    }
  });

  it('a position between the CR and LF of a line break maps to the end of that line', () => {
    const text = '---\r\nrole: cto\r\ntitle: "x\r\n---\r\n';
    const p = timed(text).parsed;
    assert.ok(p.findings.length > 0);
    const lines = new LineMap('ab\r\ncd');
    assert.deepStrictEqual(lines.position(3), { line: 1, column: 3 });
    assert.deepStrictEqual(lines.position(4), { line: 2, column: 1 });
  });

  it('collection keys do not print warnings to the console', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      timed(`---\n${HEAD}x-k:\n  ? [a, b]\n  : 1\n---\n`);
      return new Promise<void>((resolve) => setImmediate(resolve)).then(() => assert.deepStrictEqual(warnings, []));
    } finally {
      setImmediate(() => process.off('warning', onWarning));
    }
  });

  it('"might be a role file" is anchored at the start and linear on lines of ---', () => {
    assert.strictEqual(mightBeRoleFile('---\nx: 1\nrole: cto\n'), true);
    assert.strictEqual(mightBeRoleFile('\uFEFF---\r\nrole: cto'), true);
    assert.strictEqual(mightBeRoleFile('# Title\n---\nrole: cto\n'), false, 'the frontmatter must open on line 1');
    assert.strictEqual(mightBeRoleFile('---\n  role: cto\n'), false);
    const dashes = '---\n'.repeat(16384);
    const { value, ms } = cpuMs(() => mightBeRoleFile(dashes));
    assert.strictEqual(value, false);
    assert.ok(ms < 100, `${ms} ms`);
  });

  it('an index edit that keeps the role names touches no other file', () => {
    const index = new HandbookIndex();
    const role = (id: string, extra = '') =>
      `---\nrole: ${id}\ntitle: ${id.toUpperCase()}\ntype: manager\nresponsibilities: [a]\nrelationships:\n  - with: hub\n    kind: peer\n---\n${extra}`;
    index.set('file:///hub.md', role('hub'));
    for (let i = 0; i < 50; i++) index.set(`file:///r${i}.md`, role(`r${i}`));
    assert.deepStrictEqual([...index.set('file:///hub.md', role('hub', 'A new body line.\n')).affected], ['file:///hub.md']);
    const renamed = index.set('file:///hub.md', role('hub2'));
    assert.strictEqual(renamed.affected.size, 51, 'a rename touches every file that refers to the old name');
    assert.strictEqual(index.findings('file:///r0.md')[0]?.code, 'unknown-role');
    assert.match(index.findings('file:///r0.md')[0].message, /Did you mean "hub2"\?/);
  });
});
