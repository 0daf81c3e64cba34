/** Authoring ladders: a quick fix for level-order, and the scaffold of a next level. */
import * as assert from 'assert';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { quickFixesFor } from '../../../../src/core/language/quickFixes';
import { parseFile } from '../../../../src/core/parse';
import { scaffoldRole } from '../../../../src/core/scaffold';

const JUNIOR = '---\nrole: junior\ntitle: Junior\ntype: individual-contributor\nlevel: 3\nresponsibilities:\n  - Learn\n---\n';
const SENIOR =
  '---\nrole: senior\ntitle: Senior\ntype: individual-contributor\nextends: junior\nlevel: 2\nresponsibilities:\n  - Teach\n---\n';

describe('authoring ladders', () => {
  it('level-order has one preferred quick fix: the level one above the role it extends', () => {
    const index = new HandbookIndex();
    index.set('file:///h/roles/junior.md', JUNIOR);
    index.set('file:///h/roles/senior.md', SENIOR);
    const finding = index.findings('file:///h/roles/senior.md').find((f) => f.code === 'level-order')!;
    const fixes = quickFixesFor(finding, SENIOR);
    assert.deepStrictEqual(
      fixes.map((f) => [f.kind, f.value, f.preferred, f.edits]),
      [['set-level', '4', true, [{ range: { line: 6, column: 8, endLine: 6, endColumn: 9 }, newText: '4' }]]],
    );
    const fixed = SENIOR.replace('level: 2', 'level: 4');
    index.set('file:///h/roles/senior.md', fixed);
    assert.deepStrictEqual(index.findings('file:///h/roles/senior.md'), []);
  });

  it('a new role file can start as the next level of a role: extends and level filled in, valid', () => {
    const s = scaffoldRole({ id: 'staff', title: 'Staff', type: 'individual-contributor', extends: 'senior', level: 3 });
    const lines = s.text.split('\n');
    assert.ok(lines.includes('extends: senior'), s.text);
    assert.ok(lines.includes('level: 3'), s.text);
    assert.ok(!lines.includes('# extends: engineer'));
    assert.deepStrictEqual(parseFile('file:///h/roles/staff.md', s.text).findings, []);
    const plain = scaffoldRole({ id: 'x', title: 'X', type: 'manager' }).text.split('\n');
    assert.ok(
      plain.includes('# extends: engineer') && plain.includes('# level: 2') && plain.includes('# ladder: Engineering'),
      plain.join('\n'),
    );
  });
});
