/**
 * Property-based tests of the importer on arbitrary and mutated handbook pages: it never throws,
 * gives the same roles for the same page, points every role at a line of the page, and every role
 * file it would write (`--out`) is valid against the schema.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { importPage, renderRoleFile } from '../../../src/core/import';
import { parseFile } from '../../../src/core/parse';
import { applyEdit, check, fragment, runs } from './support';

const TITLES = [
  'Chief Technology Officer',
  'Head of Engineering',
  'Engineering Manager',
  'Staff Engineer',
  'VP of Product',
  'Tech Lead',
  'Designer',
  'CTO',
  'Hiring process',
];
const TEXTS = [
  'the technology vision',
  'hiring and growing the team',
  'delivery of the roadmap',
  'code reviews',
  'the budget',
  'incident response',
  'on-call',
];

const block = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('#', '##', '###', '####'),
      fc.constantFrom(...TITLES),
      fc.option(fc.constantFrom('(CTO)', '([[CTO]])', '(HoE)', '(TL)'), { nil: '' }),
    )
    .map(([h, t, a]) => `${h} ${t} ${a}`.trim()),
  fc.constantFrom(
    '## Responsibilities',
    '## Requirements',
    '### Qualifications',
    '## Not responsible for',
    '## Success criteria',
    '**Responsibilities**',
  ),
  fc.tuple(fc.constantFrom(...TITLES), fc.constantFrom(...TEXTS)).map(([t, x]) => `The ${t} is responsible for ${x}.`),
  fc
    .tuple(fc.constantFrom(...TITLES), fc.constantFrom('an executive role', 'a manager role', 'an individual contributor'))
    .map(([t, k]) => `The ${t} is ${k}.`),
  fc.constantFrom(...TITLES).map((t) => `Some ways to evaluate success of the ${t}:`),
  fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 4 }).map((xs) => xs.map((x) => `- Own ${x}`).join('\n')),
  fc
    .array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 3 })
    .map((xs) => xs.map((x, i) => `${i + 1}. Is ${x} on track?`).join('\n')),
  fc
    .tuple(fc.constantFrom(...TITLES), fc.constantFrom(...TEXTS))
    .map(([t, x]) => `| Role | Responsibility |\n| --- | --- |\n| ${t} | ${x} |`),
  fc
    .tuple(fc.constantFrom(...TITLES), fc.constantFrom(...TEXTS))
    .map(([t, x]) => `<table><tr><th>Role</th><th>Duty</th></tr><tr><td>${t}</td><td>${x}</td></tr></table>`),
  fc.constantFrom('', '---', '```\ncode\n```', '> quote', '<!-- comment -->', '[[CTO]] works with [[Head of Engineering]].'),
  fc.array(fragment, { maxLength: 6 }).map((xs) => xs.join('')),
);

const page = fc
  .tuple(
    fc.array(block, { maxLength: 25 }),
    fc.constantFrom('\n', '\r\n'),
    fc.array(
      fc.record({
        kind: fc.constantFrom<'insert' | 'delete' | 'replace' | 'truncate' | 'duplicate'>(
          'insert',
          'delete',
          'replace',
          'truncate',
          'duplicate',
        ),
        at: fc.nat(),
        len: fc.nat({ max: 20 }),
        s: fragment,
        eol: fc.constant('\n'),
      }),
      { maxLength: 3 },
    ),
  )
  .map(([blocks, eol, edits]) => edits.reduce((t, e) => applyEdit(t, e), blocks.join(`${eol}${eol}`)));

describe('fuzz: the importer on arbitrary pages', () => {
  it('never throws, is deterministic, points at lines of the page, and renders valid role files', () => {
    let roles = 0;
    check(
      'importer',
      fc.property(page, (markdown) => {
        const a = importPage(markdown, { sourceName: 'page.md' });
        assert.deepStrictEqual(importPage(markdown, { sourceName: 'page.md' }), a);
        const lineCount = markdown.split(/\r\n|\r|\n/).length;
        const ids = new Set<string>();
        for (const role of a.roles) {
          roles++;
          assert.ok(
            Number.isInteger(role.source.line) && role.source.line >= 1 && role.source.line <= lineCount,
            `line ${role.source.line} of ${lineCount}`,
          );
          assert.match(role.role, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
          assert.ok(!ids.has(role.role), `unique id ${role.role}`);
          ids.add(role.role);
          if (role.responsibilities.length === 0) continue; // --out skips these: they could not be valid
          const file = renderRoleFile(role, { sourceName: 'page.md' });
          const local = parseFile(`file:///out/${role.role}.md`, file).findings.filter(
            (f) => f.code === 'schema' || f.code === 'yaml-syntax' || f.code.startsWith('frontmatter'),
          );
          assert.deepStrictEqual(
            local.map((f) => f.message),
            [],
            `the role file for ${role.role} is valid:\n${file}`,
          );
        }
      }),
      runs(150),
    );
    assert.ok(roles > 0, 'some pages define roles');
  });
});
