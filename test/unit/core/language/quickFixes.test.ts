import * as assert from 'assert';
import { quickFixesFor } from '../../../../src/core/language/quickFixes';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { parseFile } from '../../../../src/core/parse';
import type { Finding } from '../../../../src/core/types';
import { applyTextEdits } from '../../../../src/core/language/textEdits';

const VALID = ['---', 'role: me', 'title: Me', 'type: manager', 'responsibilities:', '  - Plan the work', '---', '', '# Me', ''].join('\n');

/** The one finding of a text (asserting there is exactly one with that code). */
function only(text: string, code: Finding['code'], options = {}, which: (f: Finding) => boolean = () => true): Finding {
  const found = parseFile('file:///h/roles/me.md', text, options).findings.filter((f) => f.code === code && which(f));
  assert.strictEqual(found.length, 1, JSON.stringify(found));
  return found[0];
}

const fixed = (text: string, f: Finding, i = 0, options = {}) => applyTextEdits(text, quickFixesFor(f, text, options)[i].edits);

describe('language/quickFixes', () => {
  it('unknown key: renames it to the close known key, and the file becomes valid', () => {
    const text = VALID.replace('responsibilities:', 'responsibilites:');
    const f = only(text, 'schema', {}, (x) => !!x.data?.name);
    const fixes = quickFixesFor(f, text);
    assert.deepStrictEqual(
      fixes.map((x) => [x.kind, x.value, x.preferred]),
      [['rename-key', 'responsibilities', true]],
    );
    assert.strictEqual(fixed(text, f), VALID);
  });

  it('unknown key in a relationship item', () => {
    const text = VALID.replace('---\n\n#', 'relationships:\n  - with: me\n    knd: peer\n---\n\n#');
    const f = only(text, 'schema', {}, (x) => !!x.data?.name);
    assert.deepStrictEqual(parseFile('x', fixed(text, f)).findings, []);
  });

  it('bad enum value: one fix per allowed value, the close one preferred', () => {
    const text = VALID.replace('type: manager', 'type: manger');
    const f = only(text, 'schema');
    const fixes = quickFixesFor(f, text);
    assert.deepStrictEqual(
      fixes.map((x) => x.value),
      ['executive', 'manager', 'individual-contributor'],
    );
    assert.deepStrictEqual(
      fixes.filter((x) => x.preferred).map((x) => x.value),
      ['manager'],
    );
    assert.strictEqual(fixed(text, f, 1), VALID);
    assert.strictEqual(fixed(text, f, 2), VALID.replace('type: manager', 'type: individual-contributor'));
  });

  it('bad enum value in quotes keeps valid YAML', () => {
    const text = VALID.replace('type: manager', 'type: "boss"');
    const f = only(text, 'schema');
    assert.strictEqual(fixed(text, f, 0), VALID.replace('type: manager', 'type: "executive"'));
  });

  it('an id that is not kebab-case: the kebab-case form', () => {
    const text = VALID.replace('role: me', 'role: Head_Of Data');
    const f = only(text, 'schema');
    const fixes = quickFixesFor(f, text);
    assert.deepStrictEqual(
      fixes.map((x) => [x.kind, x.value]),
      [['kebab-case', 'head-of-data']],
    );
    assert.deepStrictEqual(parseFile('x', fixed(text, f)).findings, []);
  });

  it('a responsibility id that is not kebab-case', () => {
    const text = VALID.replace('  - Plan the work', '  - text: Plan\n    id: Plan It');
    const f = only(text, 'schema');
    assert.match(fixed(text, f), /id: plan-it/);
  });

  it('missing top-level key: inserted before the closing ---; type offers each kind', () => {
    const noTitle = VALID.replace('title: Me\n', '');
    const t = only(noTitle, 'schema');
    assert.deepStrictEqual(
      quickFixesFor(t, noTitle).map((x) => [x.kind, x.value]),
      [['add-key', 'Me']],
    );
    assert.deepStrictEqual(parseFile('x', fixed(noTitle, t)).findings, []);

    const noType = VALID.replace('type: manager\n', '');
    const ty = only(noType, 'schema');
    assert.deepStrictEqual(
      quickFixesFor(ty, noType).map((x) => x.value),
      ['executive', 'manager', 'individual-contributor'],
    );
    assert.deepStrictEqual(parseFile('x', fixed(noType, ty, 1)).findings, []);
  });

  it('missing responsibilities: a list with a first item', () => {
    const text = VALID.replace('responsibilities:\n  - Plan the work\n', '');
    const f = only(text, 'schema');
    const after = fixed(text, f);
    assert.match(after, /responsibilities:\n  - Describe a responsibility of this role\n---/);
    assert.deepStrictEqual(parseFile('x', after).findings, []);
  });

  it('missing role: the kebab-case of the heading', () => {
    const text = VALID.replace('role: me\n', '');
    const f = only(text, 'schema', { forceRoleFile: true });
    assert.match(fixed(text, f), /^---\ntitle: Me\ntype: manager\nresponsibilities:\n  - Plan the work\nrole: me\n---/);
  });

  it('missing key of a relationship (block and flow mapping)', () => {
    const block = VALID.replace('---\n\n#', 'relationships:\n  - with: me\n    note: >-\n      long\n      note\n\n---\n\n#');
    const f = only(block, 'schema');
    const fixes = quickFixesFor(f, block);
    assert.deepStrictEqual(
      fixes.map((x) => x.value),
      ['symbiotic', 'reports-to', 'manages', 'peer', 'advises'],
    );
    const after = fixed(block, f, 3);
    assert.match(after, /    note: >-\n      long\n      note\n    kind: peer\n/);
    assert.deepStrictEqual(parseFile('x', after).findings, []);

    const flow = VALID.replace('---\n\n#', 'relationships: [{with: me}]\n---\n\n#');
    const g = only(flow, 'schema');
    assert.match(fixed(flow, g, 0), /\[\{with: me, kind: symbiotic\}\]/);
    assert.deepStrictEqual(parseFile('x', fixed(flow, g, 0)).findings, []);
  });

  it('missing text of a responsibility object', () => {
    const text = VALID.replace('  - Plan the work', '  - id: plan\n    area: x');
    const f = only(text, 'schema');
    const after = fixed(text, f);
    assert.match(after, /  - id: plan\n    area: x\n    text: Describe the responsibility\n/);
    assert.deepStrictEqual(parseFile('x', after).findings, []);
  });

  it('missing frontmatter: a template from the heading, valid at once', () => {
    const text = '# Head of Data\n\nSome prose.\n';
    const f = only(text, 'frontmatter-missing', { forceRoleFile: true });
    const after = fixed(text, f);
    assert.match(
      after,
      /^---\nrole: head-of-data\ntitle: Head of Data\ntype: individual-contributor\nresponsibilities:\n  - .+\n---\n\n# Head of Data\n/,
    );
    assert.deepStrictEqual(parseFile('x', after, { forceRoleFile: true }).findings, []);
  });

  it('missing frontmatter without a heading: names from the file name', () => {
    const text = 'Just prose.\n';
    const f = only(text, 'frontmatter-missing', { forceRoleFile: true });
    assert.match(fixed(text, f, 0, { fileName: 'site-reliability.md' }), /^---\nrole: site-reliability\ntitle: Site Reliability\n/);
  });

  describe('cross-file', () => {
    const other = '---\nrole: head-of-engineering\ntitle: Head of Engineering\ntype: manager\nresponsibilities: [x]\n---\n';

    function crossFinding(text: string, code: Finding['code']): Finding {
      const index = new HandbookIndex();
      index.set('file:///h/roles/hoe.md', other);
      index.set('file:///h/roles/me.md', text);
      const found = index.findings('file:///h/roles/me.md').filter((f) => f.code === code);
      assert.strictEqual(found.length, 1, JSON.stringify(index.findings('file:///h/roles/me.md')));
      return found[0];
    }

    it('unknown role: the nearest role, in a flow list and in a block value', () => {
      const flow = VALID.replace('---\n\n#', 'sharesSuccessCriteriaOf: [head-of-enginering]\n---\n\n#');
      const f = crossFinding(flow, 'unknown-role');
      assert.deepStrictEqual(
        quickFixesFor(f, flow).map((x) => [x.kind, x.value, x.preferred]),
        [
          ['nearest-role', 'head-of-engineering', true],
          ['nearest-role', 'Head of Engineering', false],
        ],
      );
      assert.match(fixed(flow, f), /sharesSuccessCriteriaOf: \[head-of-engineering\]/);

      const block = VALID.replace('---\n\n#', 'relationships:\n  - with: "Head of Enginering"\n    kind: peer\n---\n\n#');
      const g = crossFinding(block, 'unknown-role');
      assert.match(fixed(block, g), /with: "Head of Engineering"\n/);
    });

    it('unresolved link: the nearest role, keeping the label', () => {
      const text = VALID + 'Ask the [[Head of Enginering|head]].\n';
      const f = crossFinding(text, 'unresolved-link');
      assert.match(fixed(text, f), /Ask the \[\[Head of Engineering\|head\]\]\./);
    });

    it('no suggestion, no fix', () => {
      const text = VALID + 'Ask [[zzzzzzzz]].\n';
      assert.deepStrictEqual(quickFixesFor(crossFinding(text, 'unresolved-link'), text), []);
    });
  });
});
