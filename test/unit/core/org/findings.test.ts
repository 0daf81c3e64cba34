import * as assert from 'assert';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { parseFile } from '../../../../src/core/parse';
import type { Finding } from '../../../../src/core/types';
import { roleFile } from '../../../support/roleFile';

const brief = (f: Finding) => `${f.code} ${f.range.line}:${f.range.column}-${f.range.endLine}:${f.range.endColumn}`;

/** A role file; `extra` lines go after `responsibilities` (see roleFile). */
const role = (id: string, extra: string[] = [], responsibilities?: string[]): string => roleFile(id, { responsibilities, extra });

function indexOf(files: Record<string, string>): HandbookIndex {
  const index = new HandbookIndex();
  for (const [name, text] of Object.entries(files)) index.set(`file:///h/roles/${name}.md`, text);
  return index;
}

const findingsOf = (index: HandbookIndex, name: string) => index.findings(`file:///h/roles/${name}.md`);

describe('organisation findings with exact ranges', () => {
  it('the new keys are valid frontmatter and read into the model', () => {
    const p = parseFile('a.md', role('senior', ['extends: junior', 'level: 2', 'ladder: Engineering']));
    assert.deepStrictEqual(p.findings, []);
    assert.deepStrictEqual(p.role?.extends, { value: 'junior', range: { line: 7, column: 10, endLine: 7, endColumn: 16 } });
    assert.deepStrictEqual(p.role?.level, { value: 2, range: { line: 8, column: 8, endLine: 8, endColumn: 9 } });
    assert.deepStrictEqual(p.role?.ladder, { value: 'Engineering', range: { line: 9, column: 9, endLine: 9, endColumn: 20 } });
    assert.deepStrictEqual(
      p.references.map((r) => `${r.kind} ${r.name}`),
      ['extends junior'],
    );
  });

  it('schema: level must be a whole number of 1 or more; extends and ladder non-empty strings', () => {
    const f = parseFile('a.md', role('senior', ['extends: ""', 'level: 0', 'ladder: [a]'])).findings;
    assert.deepStrictEqual(f.map(brief), ['schema 7:10-7:12', 'schema 8:8-8:9', 'schema 9:9-9:12']);
    assert.strictEqual(f[1].message, '"level" must be 1 or more (got 0).');
    const g = parseFile('a.md', role('senior', ['level: 1.5'])).findings;
    assert.deepStrictEqual(
      g.map((x) => `${brief(x)} ${x.message}`),
      ['schema 7:8-7:11 "level" must be a whole number, not a number.'],
    );
  });

  it('unknown-role on an extends that names no role', () => {
    const index = indexOf({ senior: role('senior', ['extends: nobody']) });
    const f = findingsOf(index, 'senior');
    assert.deepStrictEqual(f.map(brief), ['unknown-role 7:10-7:16']);
    assert.match(f[0].message, /No role named "nobody"/);
  });

  it('an extends by title or alias, any case, resolves', () => {
    const index = indexOf({ junior: role('junior'), senior: role('senior', ['extends: JUNIOR']) });
    assert.deepStrictEqual(findingsOf(index, 'senior'), []);
  });

  it('inheritance-cycle on the extends value of every role in the cycle, not on roles leading into it', () => {
    const index = indexOf({
      a: role('a', ['extends: b']),
      b: role('b', ['extends: c']),
      c: role('c', ['extends: a']),
      d: role('d', ['extends: a']),
    });
    for (const [name, target] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]) {
      const f = findingsOf(index, name);
      assert.deepStrictEqual(f.map(brief), ['inheritance-cycle 7:10-7:11'], name);
      assert.strictEqual(f[0].severity, 'error');
      assert.ok(f[0].message.includes(`extends itself through a cycle`), f[0].message);
      assert.ok(f[0].range.endColumn - f[0].range.column === target.length);
    }
    assert.strictEqual(
      findingsOf(index, 'a')[0].message,
      'Role "a" extends itself through a cycle of "extends": a → b → c → a. Remove one "extends" of the cycle.',
    );
    assert.deepStrictEqual(findingsOf(index, 'd'), []);
  });

  it('inheritance-cycle for a role that extends itself', () => {
    const index = indexOf({ a: role('a', ['extends: A']) });
    assert.deepStrictEqual(findingsOf(index, 'a').map(brief), ['inheritance-cycle 7:10-7:11']);
  });

  it('level-order on the level of a role not above the role it extends', () => {
    const index = indexOf({
      junior: role('junior', ['level: 2']),
      senior: role('senior', ['extends: junior', 'level: 2']),
      staff: role('staff', ['extends: senior', 'level: 1']),
      principal: role('principal', ['extends: staff', 'level: 4']),
      lead: role('lead', ['extends: junior']),
    });
    const senior = findingsOf(index, 'senior');
    assert.deepStrictEqual(senior.map(brief), ['level-order 8:8-8:9']);
    assert.strictEqual(senior[0].severity, 'warning');
    assert.strictEqual(
      senior[0].message,
      'Level 2 is not above level 2 of "junior" (JUNIOR), the role this one extends: a higher rung needs a higher level.',
    );
    assert.deepStrictEqual(senior[0].data?.suggestions, ['3']);
    assert.deepStrictEqual(findingsOf(index, 'staff').map(brief), ['level-order 8:8-8:9']);
    assert.deepStrictEqual(findingsOf(index, 'principal'), []);
    assert.deepStrictEqual(findingsOf(index, 'lead'), []);
  });

  it('duplicate-responsibility on an own responsibility that equals an inherited one, naming the closest role', () => {
    const index = indexOf({
      junior: role('junior', [], ['Write code', 'Review code']),
      senior: role('senior', ['extends: junior'], ['Mentor others', 'Review  CODE']),
      staff: role('staff', ['extends: senior'], ['write code', 'mentor others', 'Set direction', 'Set direction']),
    });
    const senior = findingsOf(index, 'senior');
    assert.deepStrictEqual(senior.map(brief), ['duplicate-responsibility 7:5-7:17']);
    assert.strictEqual(senior[0].message, 'This responsibility is already inherited from role "junior" (JUNIOR) through "extends".');
    const staff = findingsOf(index, 'staff');
    assert.deepStrictEqual(staff.map(brief), [
      'duplicate-responsibility 6:5-6:15',
      'duplicate-responsibility 7:5-7:18',
      'duplicate-responsibility 9:5-9:18',
    ]);
    assert.match(staff[0].message, /inherited from role "junior"/);
    assert.match(staff[1].message, /inherited from role "senior"/);
    assert.match(staff[2].message, /repeats responsibility 3/);
  });

  it('reporting-cycle on the with value of every relationship on a cycle, stated either way', () => {
    const rel = (w: string, kind: string) => ['relationships:', `  - with: ${w}`, `    kind: ${kind}`];
    const index = indexOf({
      // a manages c: "c reports to a", the line that closes a → b → c → a.
      a: role('a', [...rel('b', 'reports-to'), '  - with: c', '    kind: manages']),
      b: role('b', rel('c', 'reports-to')),
      c: role('c', rel('d', 'reports-to')),
      d: role('d'),
      e: role('e', rel('a', 'reports-to')),
    });
    const a = findingsOf(index, 'a');
    assert.deepStrictEqual(a.map(brief), ['reporting-cycle 8:11-8:12', 'reporting-cycle 10:11-10:12']);
    assert.strictEqual(
      a[0].message,
      'This reporting line is on a cycle: a → b → c → a (each reports to the next). Someone has to be at the top: remove one line of the cycle.',
    );
    assert.strictEqual(
      a[1].message,
      'This reporting line is on a cycle: c → a → b → c (each reports to the next). Someone has to be at the top: remove one line of the cycle.',
    );
    assert.deepStrictEqual(findingsOf(index, 'b').map(brief), ['reporting-cycle 8:11-8:12']);
    assert.deepStrictEqual(findingsOf(index, 'c'), []);
    assert.deepStrictEqual(findingsOf(index, 'd'), []);
    assert.deepStrictEqual(findingsOf(index, 'e'), []);
  });

  it('a line stated from both sides is one line; both statements of a cyclic line are reported', () => {
    const index = indexOf({
      a: role('a', ['relationships:', '  - with: b', '    kind: reports-to', '  - with: b', '    kind: manages']),
      b: role('b', ['relationships:', '  - with: a', '    kind: manages']),
    });
    assert.deepStrictEqual(findingsOf(index, 'a').map(brief), ['reporting-cycle 8:11-8:12', 'reporting-cycle 10:11-10:12']);
    assert.deepStrictEqual(findingsOf(index, 'b').map(brief), ['reporting-cycle 8:11-8:12']);
    const solo = indexOf({
      a: role('a', ['relationships:', '  - with: b', '    kind: reports-to']),
      b: role('b', ['relationships:', '  - with: a', '    kind: manages']),
    });
    assert.deepStrictEqual(findingsOf(solo, 'a'), []);
    assert.deepStrictEqual(findingsOf(solo, 'b'), []);
  });

  it('a role that reports to itself is a reporting-cycle', () => {
    const index = indexOf({ a: role('a', ['relationships:', '  - with: a', '    kind: reports-to']) });
    assert.deepStrictEqual(findingsOf(index, 'a').map(brief), ['reporting-cycle 8:11-8:12']);
  });
});
