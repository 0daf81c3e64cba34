/**
 * The map on roles imported from real pages with the importer (src/core/import), read in place
 * vendored under test/fixtures/.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { importPage, renderRoleFile } from '../../../../src/core/import';
import { buildResponsibilityMap } from '../../../../src/core/map/analyze';
import { MapLookup } from '../../../../src/core/map/describe';
import type { ResponsibilityMap } from '../../../../src/core/map/types';
import type { Role } from '../../../../src/core/types';
import { roleOf } from './fixtures';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'fixtures');

function importedRoles(file: string): Role[] {
  const full = path.join(FIXTURES, file);
  assert.ok(fs.existsSync(full), `${full} is missing: the map is tested on the vendored real pages`);
  const { roles } = importPage(fs.readFileSync(full, 'utf8'));
  return roles.map((r) => roleOf(`file:///imported/roles/${r.role}.md`, renderRoleFile(r)));
}

function overlaps(map: ResponsibilityMap): string[] {
  const look = new MapLookup(map);
  return map.overlaps
    .map((o) =>
      o.items
        .map((k) => `${look.roles.get(look.item(k).role)!.id}: ${look.item(k).text.split(' ').slice(0, 3).join(' ')}`)
        .sort()
        .join(' | '),
    )
    .sort();
}

describe('responsibility map on imported real pages', () => {
  it('Sourcegraph PM + EM partnership: the four responsibilities both roles claim', () => {
    const map = buildResponsibilityMap(
      importedRoles('corpus/real-handbooks/sourcegraph--product_manager_engineering_manager_responsibilities.md'),
    );
    assert.deepStrictEqual(
      map.roles.map((r) => r.id),
      ['em', 'pm'],
    );
    assert.deepStrictEqual(overlaps(map), [
      'em: Come up with | pm: Come up with',
      'em: Drive inter-team dependency | pm: Communicate and prioritize',
      'em: Provide weekly status | pm: Provide weekly progress',
      'em: Scope and prioritize | pm: Scope and prioritize',
    ]);
    // The page's sections became the areas.
    assert.ok(map.areas.some((a) => a.label === 'Iteration execution' && a.source === 'declared'));
  });

  it('the seed page: the CTO and Head of Engineering overlap on the high-level architecture, and share criteria', () => {
    const map = buildResponsibilityMap(importedRoles('seed/000_21f07a3f44307cbc.txt'));
    const look = new MapLookup(map);
    assert.deepStrictEqual(
      map.roles.map((r) => r.id),
      ['cto', 'head-of-engineering'],
    );
    assert.strictEqual(map.overlaps.length, 1);
    const texts = map.overlaps[0].items.map((k) => look.item(k).text);
    assert.ok(
      texts.every((t) => /high-level architecture/.test(t)),
      texts.join(' / '),
    );
    assert.match(map.overlaps[0].links[0].words.join(' '), /architecture/);
    assert.deepStrictEqual(
      map.shared.map((s) => [look.roles.get(s.role)!.id, look.roles.get(s.from)!.id, s.criteria.length]),
      [['cto', 'head-of-engineering', 7]],
    );
  });
});
