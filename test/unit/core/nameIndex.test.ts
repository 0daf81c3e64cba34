/**
 * The "did you mean" index: the same answers as comparing a name with every known name, at a
 * cost that does not grow with known × unresolved names.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { HandbookIndex } from '../../../src/core/handbookIndex';
import { MAX_SUGGESTION_NAME_LENGTH, NameIndex, suggestionLimit } from '../../../src/core/nameIndex';
import { check, cpuMs, runs } from '../fuzz/support';

/** What closestNames did before the index: every known name compared. */
function bruteForce(name: string, known: readonly string[], max = 3): string[] {
  const n = name.toLowerCase();
  const limit = suggestionLimit(n.length);
  return known
    .map((k) => ({ k, d: distance(n, k.toLowerCase()) }))
    .filter((x) => x.d <= limit && x.k !== name)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map((x) => x.k);
}

const syllable = fc.constantFrom(
  'a',
  'e',
  'o',
  'ab',
  'ba',
  'eng',
  'ine',
  'er',
  '-',
  ' ',
  'CTO',
  'lead',
  '0',
  '1',
  '00',
  'x',
  'Ü',
  'ß',
  '😀',
);
const name = fc.array(syllable, { maxLength: 9 }).map((a) => a.join(''));

describe('NameIndex', () => {
  it('property: closest() = comparing with every name, after adds and deletes, repetition and case included', () => {
    check(
      'NameIndex.closest = brute force',
      fc.property(
        fc.uniqueArray(name, { maxLength: 60 }),
        fc.array(name, { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (names, queries, drops) => {
          const index = new NameIndex();
          for (const n of names) index.add(n);
          const kept = new Set(names);
          for (const d of drops) {
            if (names.length === 0) break;
            const n = names[d % names.length];
            index.delete(n);
            kept.delete(n);
          }
          for (const q of [...queries, ...names.slice(0, 5)])
            assert.deepStrictEqual(index.closest(q), bruteForce(q, [...kept]), JSON.stringify(q));
        },
      ),
      runs(300),
    );
  });

  it('after most names are deleted (the index compacts itself) and some come back: the same answers as comparing with every name', () => {
    const index = new NameIndex();
    const names = Array.from({ length: 3000 }, (_, i) => (i % 3 ? `Role ${i} Lead` : `role-${String(i).padStart(5, '0')}`));
    for (const n of names) index.add(n);
    const kept = new Set(names);
    // 2,000 of 3,000 names go: some 24,000 of 36,000 bigram slots are then unused, which compacts.
    for (let i = 0; i < 2000; i++) {
      const n = names[(i * 7) % 3000];
      index.delete(n);
      kept.delete(n);
    }
    for (let i = 0; i < 300; i++) {
      const n = names[(i * 13) % 3000];
      index.add(n);
      kept.add(n);
    }
    index.add('Role 12 Lead');
    kept.add('Role 12 Lead');
    assert.strictEqual(index.size, kept.size);
    for (const n of names) assert.strictEqual(index.has(n), kept.has(n), n);
    for (const q of ['role-00007', 'role-0001', 'Role 21 Lead', 'Role 12 Leed', 'rol 2999 lead', 'Role 7 Lead', 'x'])
      assert.deepStrictEqual(index.closest(q), bruteForce(q, [...kept]), q);
    assert.deepStrictEqual(index.closest('Role 12 Leed'), ['Role 12 Lead', 'Role 1 Lead', 'Role 11 Lead']);
  });

  it('within(): every name within the radius, whatever its length', () => {
    const index = new NameIndex();
    for (const n of ['a', 'ab', 'abc', 'abcd', 'xyz', 'head of engineering', 'head of engineerin', 'heda of engineering']) index.add(n);
    assert.deepStrictEqual(
      index
        .within('ab', 2)
        .map((x) => `${x.name}:${x.distance}`)
        .sort(),
      ['a:1', 'ab:0', 'abc:1', 'abcd:2'],
    );
    assert.deepStrictEqual(index.closest('Head of Engineering'), ['head of engineering', 'head of engineerin', 'heda of engineering']);
  });

  it(`names over ${MAX_SUGGESTION_NAME_LENGTH} characters are neither suggested nor given suggestions`, () => {
    const index = new NameIndex();
    const long = 'x'.repeat(MAX_SUGGESTION_NAME_LENGTH + 1);
    index.add(long);
    index.add('xx');
    assert.strictEqual(index.has(long), false);
    assert.deepStrictEqual(index.closest(`${long}y`), []);
    assert.deepStrictEqual(index.closest('xxx'), ['xx']);
  });

  it('8,000 role files, each with a distinct broken link: suggestions in seconds (comparing every pair took 15 s)', () => {
    const p = (i: number) => String(i).padStart(4, '0');
    const { value, ms } = cpuMs(() => {
      const index = new HandbookIndex({ oneShot: true });
      for (let i = 0; i < 8000; i++) {
        const link = i % 2 ? `role-${p(i)}x` : `missing-${p(i)}`;
        index.set(
          `file:///r${i}.md`,
          `---\nrole: role-${p(i)}\ntitle: Role ${p(i)}\ntype: manager\nresponsibilities: [a]\n---\nSee [[${link}]].\n`,
        );
      }
      return index.uris().map((u) => index.findings(u)[0]?.message);
    });
    assert.strictEqual(value.length, 8000);
    assert.strictEqual(value[0], 'The link [[missing-0000]] names no role in the handbook.');
    assert.strictEqual(value[1], 'The link [[role-0001x]] names no role in the handbook. Did you mean "role-0001"?');
    assert.ok(ms < 6000, `${ms} ms`);
  });
});
