import * as assert from 'assert';
import { fixAll, fixAllEdits } from '../../../../src/core/language/fixAll';
import { applyTextEdits } from '../../../../src/core/language/textEdits';
import { parseFile } from '../../../../src/core/parse';

const URI = 'file:///h/roles/me.md';
const VALID = [
  '---',
  'role: me # my id',
  'title: Me',
  'type: manager',
  'responsibilities:',
  '  - Plan the work',
  'relationships:',
  '  - with: me',
  "    kind: 'peer'",
  '---',
  '',
  '# Me: type: manger responsibilites:',
  '',
].join('\n');

describe('language/fixAll', () => {
  it('renames a misspelt key and replaces a bad enum value, keeping comments, quoting and the body', () => {
    const broken = VALID.replace('type: manager', 'type: manger')
      .replace('responsibilities:', 'responsibilites:')
      .replace("kind: 'peer'", "kind: 'pear'")
      .replace('  - with', '  - wth');
    const { text, fixes } = fixAll(URI, broken);
    assert.strictEqual(text, VALID);
    assert.deepStrictEqual(fixes.map((f) => [f.kind, f.from, f.to]).sort(), [
      ['enum-value', "'pear'", 'peer'],
      ['enum-value', 'manger', 'manager'],
      ['rename-key', 'responsibilites', 'responsibilities'],
      ['rename-key', 'wth', 'with'],
    ]);
    assert.deepStrictEqual(parseFile(URI, text).findings, []);
  });

  it('keeps CRLF, the BOM and a double-quoted key', () => {
    const crlf = '\uFEFF' + VALID.replace(/\n/g, '\r\n');
    const broken = crlf.replace('title: Me', '"titel": Me').replace('type: manager', 'type: "Manager"');
    assert.strictEqual(fixAll(URI, broken).text, crlf.replace('title: Me', '"title": Me').replace('type: manager', 'type: "manager"'));
  });

  it('leaves what is not certain: no close key, several close values, other findings', () => {
    const unsure = VALID.replace('title: Me', 'title: Me\nfavourite: 1')
      .replace('type: manager', 'type: boss')
      .replace('role: me', 'role: Me Me');
    const { text, fixes } = fixAll(URI, unsure);
    assert.strictEqual(text, unsure);
    assert.deepStrictEqual(fixes, []);
  });

  it('never fixes a file whose YAML or frontmatter is broken', () => {
    for (const broken of [
      VALID.replace('type: manager', 'type: manger\ntitle: Again'), // duplicate key: yaml-syntax
      VALID.replace('type: manager', 'type: manger\n  bad: [indent'),
      VALID.replace('type: manager', 'type: manger').replace(/\n---\n\n#/, '\n\n#'), // unclosed
    ]) {
      assert.strictEqual(fixAll(URI, broken).text, broken);
      assert.deepStrictEqual(fixAllEdits(URI, broken), []);
    }
    assert.deepStrictEqual(fixAll(URI, '# no frontmatter, typ: manger\n', { forceRoleFile: true }).fixes, []);
  });

  it('leaves a key rename that would duplicate a key', () => {
    const dup = VALID.replace('title: Me', 'title: Me\ntitel: Again');
    assert.strictEqual(fixAll(URI, dup).text, dup);
  });

  it('a misspelt list key whose items then show a misspelt key: fixed in a second round; the editor gets one edit', () => {
    const broken = VALID.replace('relationships:', 'relationship:').replace('  - with', '  - wth');
    assert.strictEqual(fixAll(URI, broken).text, VALID);
    const edits = fixAllEdits(URI, broken);
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(applyTextEdits(broken, edits), VALID);
    const one = VALID.replace('type: manager', 'type: manger');
    assert.deepStrictEqual(fixAllEdits(URI, one), [{ range: { line: 4, column: 7, endLine: 4, endColumn: 13 }, newText: 'manager' }]);
  });
});
