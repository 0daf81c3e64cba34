import * as assert from 'assert';
import { documentLinks, documentReferences, linkAt, targetAt } from '../../../../src/core/language/position';
import { CTO, MARK, at, slice } from './helpers';

/** The target under the `‸` marker of a text. */
function target(marked: string, frontmatter = true) {
  const { text, line, column } = at(marked);
  const t = targetAt(text, line, column, frontmatter);
  return t && { ...t, text: slice(text, t.range) };
}

const mark = (needle: string, offsetInNeedle = 1) => {
  const i = CTO.indexOf(needle);
  assert.ok(i >= 0, needle);
  return CTO.slice(0, i + offsetInNeedle) + MARK + CTO.slice(i + offsetInNeedle);
};

describe('language/position: what is under a position', () => {
  it('a top-level key', () => {
    const t = target(mark('summary:'));
    assert.deepStrictEqual([t?.kind, t?.kind === 'key' && t.path, t?.text], ['key', ['summary'], 'summary']);
  });

  it('the end of a key still counts as the key', () => {
    const t = target(mark('summary:', 7));
    assert.strictEqual(t?.kind, 'key');
  });

  it('a nested key of a responsibility object and of a relationship', () => {
    const area = target(mark('area: strategy'));
    assert.deepStrictEqual(area?.kind === 'key' && area.path, ['responsibilities', 1, 'area']);
    const kind = target(mark('kind: symbiotic'));
    assert.deepStrictEqual(kind?.kind === 'key' && kind.path, ['relationships', 0, 'kind']);
  });

  it('an enum value: type and relationships[].kind', () => {
    const t = target(mark('executive', 3));
    assert.deepStrictEqual(t?.kind === 'enum' && [t.path, t.value, t.text], [['type'], 'executive', 'executive']);
    const k = target(mark('symbiotic', 2));
    assert.deepStrictEqual(k?.kind === 'enum' && [k.path, k.value], [['relationships', 0, 'kind'], 'symbiotic']);
  });

  it('references: a flow item of sharesSuccessCriteriaOf and relationships[].with', () => {
    const s = target(mark('head-of-engineering]', 4));
    assert.deepStrictEqual(s?.kind === 'reference' && [s.name, s.path, s.text], [
      'head-of-engineering',
      ['sharesSuccessCriteriaOf', 0],
      'head-of-engineering',
    ]);
    const w = target(mark('Head of Engineering\n', 5));
    assert.deepStrictEqual(w?.kind === 'reference' && [w.name, w.text], ['Head of Engineering', 'Head of Engineering']);
  });

  it('a plain value that is neither an enum nor a reference is nothing', () => {
    assert.strictEqual(target(mark('Owns the technology', 3)), undefined);
    assert.strictEqual(target(mark('  - Communicate', 6)), undefined);
  });

  it('a [[link]] and a [[link|label]] in the body, with the target range', () => {
    const a = target(mark('[[CTO]]', 3));
    assert.deepStrictEqual(a?.kind === 'link' && [a.name, a.text], ['CTO', '[[CTO]]']);
    const b = target(mark('[[Head of Engineering|HoE]]', 24));
    assert.deepStrictEqual(b?.kind === 'link' && [b.name, b.label, b.text, slice(CTO, b.targetRange)], [
      'Head of Engineering',
      'HoE',
      '[[Head of Engineering|HoE]]',
      'Head of Engineering',
    ]);
  });

  it('no link inside a code span or fenced code', () => {
    assert.strictEqual(target('# x\n\n`[[C‸TO]]`\n'), undefined);
    assert.strictEqual(target('# x\n\n```\n[[C‸TO]]\n```\n'), undefined);
    assert.strictEqual(target('# x\n\n```\n```\n[[C‸TO]]\n')?.kind, 'link');
  });

  it('with frontmatter off (not a role file), keys are nothing but links still count', () => {
    assert.strictEqual(target(mark('summary:'), false), undefined);
    assert.strictEqual(target(mark('[[CTO]]', 3), false)?.kind, 'link');
  });

  it('a Markdown file without frontmatter: links from the first line', () => {
    assert.strictEqual(target('See [[C‸TO]].')?.kind, 'link');
    assert.strictEqual(linkAt('See [[CTO]].', 1, 2), undefined);
    assert.deepStrictEqual(
      documentLinks('[[a]] and [[b|c]]').map((l) => [l.target, l.label]),
      [
        ['a', undefined],
        ['b', 'c'],
      ],
    );
  });

  it('a BOM does not shift columns', () => {
    const t = target('\uFEFF---\nrole: x\nty‸pe: manager\n---\n');
    assert.deepStrictEqual(t?.kind === 'key' && [t.key, t.range.line, t.range.column], ['type', 3, 1]);
  });

  it('broken YAML does not throw', () => {
    assert.doesNotThrow(() => target('---\nrole: [x\nty‸pe: {\n---\n'));
    assert.strictEqual(target('---\n' + '['.repeat(300) + '‸\n---\n'), undefined);
  });

  it('documentReferences: every reference of the frontmatter, with the range of its value', () => {
    const refs = documentReferences(CTO);
    assert.deepStrictEqual(
      refs.map((r) => [r.name, r.path, slice(CTO, r.range)]),
      [
        ['head-of-engineering', ['sharesSuccessCriteriaOf', 0], 'head-of-engineering'],
        ['Head of Engineering', ['relationships', 0, 'with'], 'Head of Engineering'],
      ],
    );
    assert.deepStrictEqual(documentReferences('# none\n'), []);
    const rung = '---\nrole: senior\nextends: "Head of Engineering"\n---\n';
    assert.deepStrictEqual(
      documentReferences(rung).map((r) => [r.name, r.path, slice(rung, r.range)]),
      [['Head of Engineering', ['extends'], '"Head of Engineering"']],
    );
    const t = target('---\nrole: senior\nextends: he‸ad\n---\n');
    assert.deepStrictEqual(t && [t.kind, t.text], ['reference', 'head']);
    assert.deepStrictEqual(
      documentReferences('---\nsharesSuccessCriteriaOf: [1, "", {a: b}, "x y"]\n---\n').map((r) => r.name),
      ['x y'],
    );
  });
});
