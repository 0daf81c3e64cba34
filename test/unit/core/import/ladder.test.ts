import * as assert from 'assert';
import * as path from 'path';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { importPage, renderRoleFile, type ImportedRole } from '../../../../src/core/import';
import { rungOf } from '../../../../src/core/import/ladder';
import { CORPUS, CORPUS_2, readFixture } from './helpers';

/** Imports a page, writes its role files in memory, and lints them together with the engine. */
function importAndLint(file: string): { roles: ImportedRole[]; findings: string[] } {
  const result = importPage(readFixture(file));
  const roles = result.roles.filter((r) => r.responsibilities.length > 0);
  const index = new HandbookIndex();
  for (const r of roles) index.set(`mem:///ladder/roles/${r.role}.md`, renderRoleFile(r, { sourceName: 'page.md' }));
  const findings = index.uris().flatMap((uri) => index.findings(uri).map((f) => `${uri} ${f.code}: ${f.message}`));
  return { roles, findings };
}

/** The rungs of the page's ladders: the roles that have a level, in page order. */
function rungs(roles: readonly ImportedRole[]): ImportedRole[] {
  return roles.filter((r) => r.level !== undefined);
}

const LADDER_PAGES = [
  path.join(CORPUS, 'engineeringladders--TechLead.md'),
  path.join(CORPUS, 'monzo--backend.md'),
  path.join(CORPUS, 'postman--career-ladder-for-ospo-engineers.md'),
  path.join(CORPUS_2, 'etsy--Etsy-Engineering-Career-Ladder--index.md'),
  path.join(CORPUS_2, 'sourcegraph--design--career-development.md'),
];

describe('importer: ladders (extends and level on rungs listed in order)', () => {
  for (const file of LADDER_PAGES) {
    it(`${path.basename(file)}: each rung extends the one below, levels rise, lints clean (no finding)`, () => {
      const { roles, findings } = importAndLint(file);
      assert.deepStrictEqual(findings, []);
      const ladder = rungs(roles);
      assert.ok(ladder.length >= 3, `only ${ladder.length} rungs: ${ladder.map((r) => r.role).join(', ')}`);
      assert.strictEqual(ladder[0].extends, undefined);
      for (let k = 1; k < ladder.length; k++) {
        assert.strictEqual(ladder[k].extends, ladder[k - 1].role, ladder[k].role);
        assert.ok(ladder[k].level! > ladder[k - 1].level!, `${ladder[k].role} level ${ladder[k].level}`);
      }
    });
  }

  it('Etsy: ids and levels of the whole ladder (sub-levels without duties are skipped)', () => {
    const { roles } = importAndLint(LADDER_PAGES[3]);
    assert.deepStrictEqual(
      rungs(roles).map((r) => [r.role, r.level, r.extends ?? null]),
      [
        ['engineer-i', 1, null],
        ['engineer-ii', 2, 'engineer-i'],
        ['senior-engineer', 3, 'engineer-ii'],
        ['staff-engineer', 4, 'senior-engineer'],
        ['senior-staff-engineer', 5, 'staff-engineer'],
        ['principal-engineer', 6, 'senior-staff-engineer'],
      ],
    );
  });

  it('Tech Lead: the levels are the numbers the page gives (TL4 … TL7); the overview role is no rung', () => {
    const result = importPage(readFixture(LADDER_PAGES[0]));
    assert.deepStrictEqual(
      result.roles.map((r) => [r.role, r.level ?? null, r.extends ?? null]),
      [
        ['tech-lead', null, null],
        ['tl4', 4, null],
        ['tl5', 5, 'tl4'],
        ['tl6', 6, 'tl5'],
        ['tl7', 7, 'tl6'],
      ],
    );
  });

  it('writes level and extends into the role file', () => {
    const tl5 = importPage(readFixture(LADDER_PAGES[0])).roles.find((r) => r.role === 'tl5')!;
    const text = renderRoleFile(tl5);
    assert.match(text, /\nextends: tl4\nlevel: 5\n/);
  });

  it('reads rungs from titles', () => {
    assert.deepStrictEqual(rungOf('Engineer II'), { stem: 'engineer', seniority: 2, num: 2, arabic: false });
    assert.deepStrictEqual(rungOf('IC3'), { stem: 'ic', seniority: 2, num: 3, arabic: true });
    assert.deepStrictEqual(rungOf('Backend Engineering level 4'), { stem: 'backend engineering', seniority: 2, num: 4, arabic: true });
    assert.deepStrictEqual(rungOf('Senior Staff Engineer'), { stem: 'engineer', seniority: 5, arabic: false });
    assert.deepStrictEqual(rungOf('  '), undefined);
  });

  it('links no ladder on pages of unrelated roles', () => {
    for (const f of ['18f--roles-and-responsibilities.md', 'sourcegraph--ceo-roles.md', 'gitlab--backend-staff--index.html.md']) {
      const roles = importPage(readFixture(path.join(CORPUS, f))).roles;
      assert.deepStrictEqual(
        roles.filter((r) => r.level !== undefined || r.extends).map((r) => r.role),
        [],
        f,
      );
    }
  });
});
