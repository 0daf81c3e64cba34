import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  compareItems,
  compareRoles,
  comparisonToMarkdown,
  effectiveCriteria,
  isNear,
  markdownCell,
  similarity,
  tokens,
  type CompareItem,
  type RoleResolver,
} from '../../../src/core/compare';
import { HandbookIndex } from '../../../src/core/handbookIndex';
import { stem } from '../../../src/core/tokens';
import type { Role } from '../../../src/core/types';

const BUILTIN = path.join(__dirname, '..', '..', '..', 'builtin', 'roles');

function builtinIndex(): HandbookIndex {
  const index = new HandbookIndex();
  for (const f of ['cto.md', 'head-of-engineering.md']) {
    index.set(`handbook-builtin:/roles/${f}`, fs.readFileSync(path.join(BUILTIN, f), 'utf8'), { builtin: true, forceRoleFile: true });
  }
  return index;
}

function indexOf(files: Record<string, string>): HandbookIndex {
  const index = new HandbookIndex();
  for (const [uri, text] of Object.entries(files)) index.set(uri, text);
  return index;
}

const resolverOf =
  (index: HandbookIndex): RoleResolver =>
  (ref) =>
    index.resolve(ref);

function role(id: string, lines: string[]): string {
  return ['---', `role: ${id}`, `title: ${id.toUpperCase()}`, 'type: manager', ...lines, '---', ''].join('\n');
}

const item = (text: string, line = 1): CompareItem => ({
  text,
  uri: 'file:///x.md',
  range: { line, column: 1, endLine: line, endColumn: 2 },
});

describe('compare: text similarity', () => {
  it('stems inflected forms of a word to one token', () => {
    assert.strictEqual(stem('defined'), stem('define'));
    assert.strictEqual(stem('planning'), stem('plan'));
    assert.strictEqual(stem('plans'), stem('plan'));
    assert.strictEqual(stem('deliverables'), stem('deliverable'));
    assert.strictEqual(stem('processes'), stem('process'));
    assert.strictEqual(stem('success'), 'success');
    assert.notStrictEqual(stem('team'), stem('teach'));
  });

  it('tokens drop stop words, possessives and punctuation, and split hyphenated words', () => {
    assert.deepStrictEqual([...tokens("Ensure the CTO's high-level vision!")], ['ensur', 'cto', 'high', 'level', 'vision']);
    assert.deepStrictEqual([...tokens('the and of')], []);
  });

  it("CTO's and the Head of Engineering's architecture responsibilities are near (Dice 0.86)", () => {
    const s = similarity(
      'Define the high-level architecture, structure and culture',
      'Execute on the high-level architecture, structure and culture the CTO defined',
    );
    assert.strictEqual(s.shared, 6);
    assert.strictEqual(Math.round(s.score * 100), 86);
    assert.ok(isNear(s));
  });

  it('related but distinct duties are not near', () => {
    const s = similarity('Plan the technology direction from the business plans and market trends', 'Implement the technology direction');
    assert.strictEqual(Math.round(s.score * 100), 44);
    assert.ok(!isNear(s));
    assert.ok(
      !isNear(similarity('Own the technology vision and communicate it', "Ensure deliverables align with the CEO's and CTO's vision")),
    );
  });

  it('a single common word never makes two short texts near', () => {
    const s = similarity('Mentor engineers', 'Hire engineers');
    assert.strictEqual(s.shared, 1);
    assert.ok(!isNear(s));
  });

  it('empty or stop-word-only texts have similarity 0', () => {
    assert.deepStrictEqual(similarity('', 'Plan releases'), { score: 0, shared: 0 });
    assert.deepStrictEqual(similarity('the of', 'the of'), { score: 0, shared: 0 });
  });
});

describe('compare: pairing items', () => {
  it('pairs equal texts (whitespace and case aside) as same, near ones as near, the rest stays distinct', () => {
    const c = compareItems(
      [item('Mentor  engineers', 1), item('Define the high-level architecture, structure and culture', 2), item('Procure resources', 3)],
      [
        item('Execute on the high-level architecture, structure and culture the CTO defined', 7),
        item('mentor engineers', 8),
        item('Estimate work', 9),
      ],
    );
    assert.deepStrictEqual(
      c.shared.map((p) => [p.match, p.left.range.line, p.right.range.line]),
      [
        ['same', 1, 8],
        ['near', 2, 7],
      ],
    );
    assert.deepStrictEqual(
      c.onlyLeft.map((i) => i.text),
      ['Procure resources'],
    );
    assert.deepStrictEqual(
      c.onlyRight.map((i) => i.text),
      ['Estimate work'],
    );
  });

  it('pairs one-to-one, best score first', () => {
    const c = compareItems(
      [item('Plan releases of deliverables', 1)],
      [item('Plan releases', 5), item('Plan releases of the deliverables', 6)],
    );
    assert.deepStrictEqual(
      c.shared.map((p) => [p.match, p.right.range.line]),
      [['near', 6]],
    );
    assert.deepStrictEqual(
      c.onlyRight.map((i) => i.range.line),
      [5],
    );
  });

  it('two copies of a text pair with two copies, not one with both', () => {
    const c = compareItems([item('Ship it', 1), item('Ship it', 2)], [item('ship it', 3)]);
    assert.strictEqual(c.shared.length, 1);
    assert.strictEqual(c.onlyLeft.length, 1);
  });
});

describe('compare: the built-in roles', () => {
  const index = builtinIndex();
  const cto = index.resolve('cto')!;
  const hoe = index.resolve('head-of-engineering')!;
  const c = compareRoles(cto, hoe, resolverOf(index));

  it('summarises both sides', () => {
    assert.strictEqual(c.left.title, 'Chief Technology Officer');
    assert.deepStrictEqual(c.left.aliases, ['CTO']);
    assert.strictEqual(c.left.builtin, true);
    assert.strictEqual(c.right.type, 'manager');
    assert.strictEqual(c.right.uri, 'handbook-builtin:/roles/head-of-engineering.md');
  });

  it('shows the symbiotic relationship in both directions, with its note', () => {
    assert.deepStrictEqual(
      c.between.map((b) => [b.from, b.kind]),
      [
        ['left', 'symbiotic'],
        ['right', 'symbiotic'],
      ],
    );
    assert.match(c.between[0].note ?? '', /^Virtually all of their activities may overlap/);
    assert.strictEqual(c.relationships.left[0].target?.id, 'head-of-engineering');
  });

  it('finds the architecture responsibilities near and nothing else shared', () => {
    assert.deepStrictEqual(
      c.responsibilities.shared.map((p) => [p.match, p.left.id, p.right.id]),
      [['near', 'architecture-structure-culture', 'execute-architecture']],
    );
    // An item points at its text, not at the whole `text:/id:/area:` object.
    assert.deepStrictEqual(c.responsibilities.shared[0].right.range, hoe.responsibilities[3].textRange);
    assert.notDeepStrictEqual(hoe.responsibilities[3].textRange, hoe.responsibilities[3].range);
    assert.strictEqual(c.responsibilities.onlyLeft.length, cto.responsibilities.length - 1);
    assert.strictEqual(c.responsibilities.onlyRight.length, hoe.responsibilities.length - 1);
  });

  it("shares the Head of Engineering's criteria by reference and keeps the CTO's own apart", () => {
    assert.strictEqual(c.successCriteria.shared.length, hoe.successCriteria.length);
    assert.ok(
      c.successCriteria.shared.every(
        (p) => p.match === 'reference' && p.left.sharedFrom?.id === 'head-of-engineering' && !p.right.sharedFrom,
      ),
    );
    assert.deepStrictEqual(
      c.successCriteria.onlyLeft.map((i) => i.text),
      cto.successCriteria.map((x) => x.value),
    );
    assert.deepStrictEqual(c.successCriteria.onlyRight, []);
    // A shared criterion points into the file that defines it.
    assert.strictEqual(c.successCriteria.shared[0].left.uri, hoe.uri);
    assert.deepStrictEqual(c.successCriteria.shared[0].left.range, hoe.successCriteria[0].range);
  });

  it('has no common focus', () => {
    assert.deepStrictEqual(c.focus.shared, []);
    assert.strictEqual(c.focus.onlyRight.length, 2);
  });

  it('is symmetric when the sides are swapped', () => {
    const r = compareRoles(hoe, cto, resolverOf(index));
    assert.strictEqual(r.successCriteria.shared.length, c.successCriteria.shared.length);
    assert.deepStrictEqual(
      r.between.map((b) => b.from),
      ['left', 'right'],
    );
    assert.strictEqual(r.responsibilities.shared[0].left.id, 'execute-architecture');
  });
});

describe('compare: shared success criteria', () => {
  it('follows sharesSuccessCriteriaOf transitively, once per criterion, ignoring cycles and unknown roles', () => {
    const index = indexOf({
      'file:///a.md': role('a', ['responsibilities: [x]', 'successCriteria: [A1]', 'sharesSuccessCriteriaOf: [b, nobody]']),
      'file:///b.md': role('b', ['responsibilities: [x]', 'successCriteria: [B1, B2]', 'sharesSuccessCriteriaOf: [c, a]']),
      'file:///c.md': role('c', ['responsibilities: [x]', 'successCriteria: [C1]', 'sharesSuccessCriteriaOf: [b]']),
    });
    const got = effectiveCriteria(index.resolve('a')!, resolverOf(index)).map(
      (i) => `${i.text}${i.sharedFrom ? `<${i.sharedFrom.id}` : ''}`,
    );
    assert.deepStrictEqual(got, ['A1', 'B1<b', 'B2<b', 'C1<c']);
  });

  it('two roles sharing the criteria of a third pair them by reference', () => {
    const index = indexOf({
      'file:///a.md': role('a', ['responsibilities: [x]', 'sharesSuccessCriteriaOf: [c]']),
      'file:///b.md': role('b', ['responsibilities: [y]', 'successCriteria: [Own B]', 'sharesSuccessCriteriaOf: [c]']),
      'file:///c.md': role('c', ['responsibilities: [z]', 'successCriteria: [C1, C2]']),
    });
    const c = compareRoles(index.resolve('a')!, index.resolve('b')!, resolverOf(index));
    assert.deepStrictEqual(
      c.successCriteria.shared.map((p) => [p.match, p.left.text, p.left.sharedFrom?.id]),
      [
        ['reference', 'C1', 'c'],
        ['reference', 'C2', 'c'],
      ],
    );
    assert.deepStrictEqual(
      c.successCriteria.onlyRight.map((i) => i.text),
      ['Own B'],
    );
    assert.deepStrictEqual(c.between, []);
  });

  it('a role with schema errors still compares with what could be read', () => {
    const index = indexOf({
      'file:///a.md': role('a', ['responsibilities: oops', 'focus: [Delivery]']),
      'file:///b.md': role('b', ['responsibilities: [y]', 'focus: [delivery]', 'relationships:', '  - with: a', '    kind: peer']),
    });
    const a: Role = index.resolve('a')!;
    const c = compareRoles(a, index.resolve('b')!, resolverOf(index));
    assert.deepStrictEqual(
      c.focus.shared.map((p) => p.match),
      ['same'],
    );
    assert.deepStrictEqual(
      c.between.map((b) => [b.from, b.kind, b.note]),
      [['right', 'peer', undefined]],
    );
  });
});

describe('compare: Markdown table', () => {
  it('escapes pipes, backslashes and HTML, and keeps each cell on one line', () => {
    assert.strictEqual(markdownCell(' a | b \\ <script>\n& c '), 'a \\| b \\\\ &lt;script&gt; &amp; c');
  });

  it('renders the built-in comparison as one table, shared rows first in each section', () => {
    const index = builtinIndex();
    const md = comparisonToMarkdown(compareRoles(index.resolve('cto')!, index.resolve('Head of Engineering')!, resolverOf(index)));
    const lines = md.trimEnd().split('\n');
    assert.strictEqual(lines[0], '| Section | Chief Technology Officer | Head of Engineering |');
    assert.strictEqual(lines[1], '| --- | --- | --- |');
    assert.strictEqual(lines[2], '| Type | executive | manager |');
    assert.ok(lines.every((l) => /^\|.*\|$/.test(l)));
    assert.ok(
      lines.every((l) => l.split(/(?<!\\)\|/).length === 5),
      'every row has three cells',
    );
    const firstResp = lines.findIndex((l) => l.startsWith('| Responsibilities'));
    assert.strictEqual(
      lines[firstResp],
      '| Responsibilities (shared) | Define the high-level architecture, structure and culture | Execute on the high-level architecture, structure and culture the CTO defined |',
    );
    assert.ok(
      lines.includes(
        '| Success criteria (shared) | Is the recruitment process smooth? (shared from Head of Engineering) | Is the recruitment process smooth? |',
      ),
    );
    assert.ok(lines.some((l) => l.startsWith('| Relationships | symbiotic: Head of Engineering — Virtually all')));
  });
});
