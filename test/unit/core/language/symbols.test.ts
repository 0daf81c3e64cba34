import * as assert from 'assert';
import { roleSymbols, type SymbolModel } from '../../../../src/core/language/symbols';
import { CTO, slice } from './helpers';

const brief = (s: SymbolModel): unknown => ({
  name: s.name,
  detail: s.detail,
  kind: s.kind,
  ...(s.children.length ? { children: s.children.map(brief) } : {}),
});

describe('language/symbols: the outline of a role file', () => {
  it('one role symbol with a section per key and an item per list entry', () => {
    const symbols = roleSymbols(CTO);
    assert.deepStrictEqual(symbols.map(brief), [
      {
        name: 'Chief Technology Officer',
        detail: 'cto · executive',
        kind: 'role',
        children: [
          { name: 'role', detail: 'cto', kind: 'field' },
          { name: 'title', detail: 'Chief Technology Officer', kind: 'field' },
          { name: 'aliases', detail: '1', kind: 'list', children: [{ name: 'CTO', detail: '', kind: 'item' }] },
          { name: 'type', detail: 'executive', kind: 'field' },
          { name: 'summary', detail: 'Owns the technology vision.', kind: 'field' },
          {
            name: 'responsibilities',
            detail: '2',
            kind: 'list',
            children: [
              { name: 'Communicate the technology vision', detail: '', kind: 'item' },
              { name: 'Define the architecture', detail: 'architecture · strategy', kind: 'object' },
            ],
          },
          {
            name: 'sharesSuccessCriteriaOf',
            detail: '1',
            kind: 'list',
            children: [{ name: 'head-of-engineering', detail: '', kind: 'item' }],
          },
          {
            name: 'relationships',
            detail: '1',
            kind: 'list',
            children: [{ name: 'Head of Engineering', detail: 'symbiotic', kind: 'object' }],
          },
        ],
      },
    ]);
  });

  it('ranges: the role spans the frontmatter, sections their key and value, selections inside ranges', () => {
    const [role] = roleSymbols(CTO);
    assert.deepStrictEqual([role.range.line, role.range.endLine], [1, 16]);
    assert.strictEqual(slice(CTO, role.selectionRange), 'Chief Technology Officer');
    const resp = role.children.find((c) => c.name === 'responsibilities')!;
    assert.strictEqual(slice(CTO, resp.selectionRange), 'responsibilities');
    assert.match(slice(CTO, resp.range), /^responsibilities:\n[\s\S]*area: strategy$/);
    assert.strictEqual(slice(CTO, resp.children[1].selectionRange), 'Define the architecture');
    const within = (inner: SymbolModel['range'], outer: SymbolModel['range']) =>
      (inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column)) &&
      (inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn));
    const check = (s: SymbolModel, parent?: SymbolModel) => {
      assert.ok(within(s.selectionRange, s.range), s.name);
      if (parent) assert.ok(within(s.range, parent.range), `${s.name} in ${parent.name}`);
      s.children.forEach((c) => check(c, s));
    };
    check(role);
  });

  it('long texts are shortened; names are never empty', () => {
    const text = `---\nrole: x\nfocus:\n  - ${'word '.repeat(40)}\n  - ''\n---\n`;
    const [role] = roleSymbols(text);
    const focus = role.children.find((c) => c.name === 'focus')!;
    assert.ok(focus.children[0].name.length <= 80 && focus.children[0].name.endsWith('…'));
    assert.strictEqual(focus.children[1].name, '2');
    assert.strictEqual(role.name, 'x');
  });

  it('nothing without a readable frontmatter mapping', () => {
    assert.deepStrictEqual(roleSymbols('# Just a heading\n'), []);
    assert.deepStrictEqual(roleSymbols('---\nrole: x\n'), []);
    assert.deepStrictEqual(roleSymbols('---\n- a list\n---\n'), []);
  });
});
