import * as assert from 'assert';
import { buildResponsibilityMap } from '../../../../src/core/map/analyze';
import { MapLookup } from '../../../../src/core/map/describe';
import type { ResponsibilityMap } from '../../../../src/core/map/types';
import { roles } from './fixtures';
import { sourcegraphPmEm } from './realPage';

/** Each overlap as "role: first words | role: first words", sorted. */
function overlapPairs(map: ResponsibilityMap): string[] {
  const look = new MapLookup(map);
  return map.overlaps
    .map((o) =>
      o.items
        .map((k) => `${look.roles.get(look.item(k).role)!.id}: ${look.item(k).text.split(' ').slice(0, 4).join(' ')}`)
        .sort()
        .join(' | '),
    )
    .sort();
}

describe('responsibility map: a real handbook page (Sourcegraph PM + EM partnership)', () => {
  for (const withAreas of [true, false]) {
    describe(withAreas ? 'with the page’s sections as areas' : 'without areas (grouped by similarity)', () => {
      const map = buildResponsibilityMap(roles(...sourcegraphPmEm(withAreas)));

      it('finds exactly the responsibilities both roles claim', () => {
        assert.deepStrictEqual(overlapPairs(map), [
          'em: Come up with or | pm: Come up with or',
          'em: Drive inter-team dependency collaboration | pm: Communicate and prioritize inter-team',
          'em: Provide weekly status report | pm: Provide weekly progress highlight',
          'em: Scope and prioritize bugs | pm: Scope and prioritize bugs',
        ]);
      });

      it('explains each overlap by the same text or by the shared words', () => {
        const look = new MapLookup(map);
        const weekly = map.overlaps.find((o) => o.items.some((k) => look.item(k).text.startsWith('Provide weekly status')))!;
        assert.deepStrictEqual(
          weekly.links.map((l) => [l.same, [...l.words].sort()]),
          [[false, ['provide', 'report', 'status', 'weekly']]],
        );
        const bugs = map.overlaps.find((o) => o.items.some((k) => look.item(k).text.startsWith('Scope and prioritize')))!;
        assert.deepStrictEqual(
          bugs.links.map((l) => [l.same, l.score]),
          [[true, 1]],
        );
      });

      it('does not call two similar responsibilities of one role an overlap', () => {
        const look = new MapLookup(map);
        const planning = map.items.find((it) => it.text.endsWith('process for planning iterations'))!;
        const executing = map.items.find((it) => it.text.endsWith('process for executing iterations'))!;
        assert.strictEqual(planning.role, executing.role);
        assert.strictEqual(planning.overlap, undefined);
        assert.strictEqual(look.item(executing.key).overlap, undefined);
      });
    });
  }

  it('without areas, similar responsibilities still land together', () => {
    const map = buildResponsibilityMap(roles(...sourcegraphPmEm(false)));
    const look = new MapLookup(map);
    const hiring = map.items.find((it) => it.text === 'Define and maintain the hiring process')!;
    const requirements = map.items.find((it) => it.text === 'Define hiring requirements based on team goals')!;
    assert.strictEqual(hiring.area, requirements.area);
    assert.strictEqual(look.areas.get(hiring.area)!.source, 'inferred');
    assert.ok(map.areas.filter((a) => a.source === 'inferred').length >= 5);
  });

  it('with the areas, every responsibility stays in its section', () => {
    const map = buildResponsibilityMap(roles(...sourcegraphPmEm(true)));
    assert.strictEqual(map.areas.filter((a) => a.source === 'declared').length, 14);
    assert.ok(map.items.filter((it) => it.kind === 'responsibility').every((it) => it.area.startsWith('area:') && !it.areaReason));
  });
});
