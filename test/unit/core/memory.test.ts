/**
 * What the handbook index holds in memory (the editor bench's bar: a 10,000-role index in at most
 * 100 MB of heap). Measured with V8's heap after a full collection, which the test process turns on.
 */
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { fitted } from '../../../src/core/fitted';
import { HandbookIndex } from '../../../src/core/handbookIndex';
import { parseFile } from '../../../src/core/parse';
import { ownString } from '../../../src/core/text';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Heap bytes that `make(1)` leaves reachable (through what it returns). `make(0)` runs before, so
 * that its compiled code and what it loads lazily are not counted.
 */
function heapOf(make: (round: number) => unknown): { bytes: number; value: unknown } {
  make(0);
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = make(1);
  gc();
  return { bytes: process.memoryUsage().heapUsed - before, value };
}

/** A role file like the bench's: 6 responsibilities, 2 relationships, 6 links in the body. */
function role(i: number, total: number): string {
  const id = (k: number) => `role-${String((k + total) % total).padStart(5, '0')}`;
  const lines = ['---', `role: ${id(i)}`, `title: Role ${i} Lead`, `aliases: [R${i}]`, 'type: manager'];
  lines.push(`summary: Owns the delivery roadmap of team ${i} and the hiring plan for the teams it serves.`);
  lines.push('focus:', `  - platform reliability of team ${i}`, '  - hiring and coaching');
  lines.push('responsibilities:');
  for (let r = 1; r <= 6; r++)
    lines.push(`  - text: Review the security standards of the delivery process ${i}.${r}`, `    id: security-${r}`, '    area: quality');
  lines.push('successCriteria:', `  - Are the platform goals of team ${i} met every quarter?`, '  - Do the teams trust the roadmap?');
  lines.push(`sharesSuccessCriteriaOf: [${id(i - 1)}]`, 'relationships:');
  lines.push(`  - with: ${id(i + 1)}`, '    kind: peer', `    note: Works closely on the budget of team ${i}.`);
  lines.push(`  - with: ${id(i + 2)}`, '    kind: advises', '---', '', `# Role ${i} Lead`, '');
  for (let p = 0; p < 3; p++)
    lines.push(`The role of team ${i} works with [[${id(i + 1)}]] and [[Role ${(i + 2) % total} Lead]] on quality.`, '');
  return lines.join('\n');
}

describe('memory of the handbook index', () => {
  it('ownString: a copy of a slice does not keep the text it was cut from', () => {
    const { bytes, value } = heapOf((round) =>
      Array.from({ length: 2000 }, (_, i) =>
        ownString(`${'x'.repeat(5_000)} title number ${i} of handbook ${round} ${'y'.repeat(5_000)}`.slice(4_990, 5_050)),
      ),
    );
    const strings = value as string[];
    assert.strictEqual(strings[7], 'xxxxxxxxxx title number 7 of handbook 1 yyyyyyyyyyyyyyyyyyyy');
    assert.strictEqual(strings.length, 2000);
    // 2,000 texts of 10 KB were cut: kept, they would take 20 MB; 2,000 strings of 60 characters
    // take some 180 KB.
    assert.ok(bytes < 1_000_000, `${bytes} bytes`);
  });

  it('ownString: the same text, whatever it is (JSON escapes, lone surrogates, names special as property keys)', () => {
    const texts = ['', '0', '123', '-1', '__proto__', 'constructor', 'a\u0000b', '\ud800', 'Ünïcødé 😀'];
    texts.push(
      '"quoted" and \\back\\slashed\n\t\u0000\u001f\u007f\u2028 text',
      `lone ${'\udc00'} surrogate ${'\ud83d'} halves`,
      'x'.repeat(5000),
    );
    for (const s of texts) assert.strictEqual(ownString(s), s, JSON.stringify(s));
  });

  it('fitted: the same elements in a new array, or the array itself when empty', () => {
    const grown: number[] = [];
    for (let i = 0; i < 3; i++) grown.push(i);
    const f = fitted(grown);
    assert.deepStrictEqual(f, [0, 1, 2]);
    assert.notStrictEqual(f, grown);
    assert.deepStrictEqual(fitted([]), []);
  });

  it('a parsed role keeps lists of their own length: the same data as before', () => {
    const parsed = parseFile('file:///r/role-00001.md', role(1, 10));
    assert.deepStrictEqual(
      [
        parsed.role?.aliases.length,
        parsed.role?.focus.length,
        parsed.role?.responsibilities.length,
        parsed.role?.successCriteria.length,
        parsed.role?.sharesSuccessCriteriaOf.length,
        parsed.role?.relationships.length,
        parsed.references.length,
        parsed.links.length,
        parsed.findings.length,
      ],
      [1, 2, 6, 2, 1, 2, 3, 6, 0],
    );
    assert.deepStrictEqual(parsed.role?.responsibilities[5], {
      text: 'Review the security standards of the delivery process 1.6',
      id: 'security-6',
      area: 'quality',
      range: { line: 26, column: 5, endLine: 29, endColumn: 1 },
      textRange: { line: 26, column: 11, endLine: 26, endColumn: 68 },
    });
    assert.deepStrictEqual(parsed.links[1], {
      target: 'Role 3 Lead',
      label: undefined,
      range: { line: 43, column: 50, endLine: 43, endColumn: 65 },
      targetRange: { line: 43, column: 52, endLine: 43, endColumn: 63 },
    });
  });

  it('2,000 roles with their findings: at most 7.8 KB of heap a role (9.3 KB with lists grown by push and strings owned as views on copies, 7.2 KB now)', () => {
    const total = 2000;
    const { bytes, value } = heapOf(() => {
      const index = new HandbookIndex();
      for (let i = 0; i < total; i++) index.set(`file:///r/role-${i}.md`, role(i, total));
      // One broken link a role in ten: its "did you mean" index and suggestions count too.
      for (let i = 0; i < total; i += 10) index.set(`file:///r/role-${i}.md`, role(i, total).replace('[[role-', '[[rol-'));
      for (const u of index.uris()) index.findings(u);
      return index;
    });
    const index = value as HandbookIndex;
    assert.strictEqual(index.size, total);
    assert.strictEqual(index.findings('file:///r/role-10.md')[0]?.code, 'unresolved-link');
    assert.ok(bytes / total < 7.8 * 1024, `${(bytes / total / 1024).toFixed(2)} KB a role`);
  });
});
