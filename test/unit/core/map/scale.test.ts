import * as assert from 'assert';
import { buildResponsibilityMap } from '../../../../src/core/map/analyze';
import { DEFAULT_MAX_POSTINGS } from '../../../../src/core/map/similarity';
import { generateHandbook } from './generate';

describe('responsibility map at scale (generated handbook)', () => {
  it('does work linear in the handbook: cosines per distinct text stay bounded as it grows', function () {
    this.timeout(120_000);
    const perText: number[] = [];
    for (const n of [100, 800]) {
      const started = Date.now();
      const map = buildResponsibilityMap(generateHandbook(n));
      const ms = Date.now() - started;
      perText.push(map.stats.scored / map.stats.texts);
      // Every text probes at most maxPostings texts per word (a handful of words each).
      assert.ok(
        map.stats.scored <= map.stats.texts * DEFAULT_MAX_POSTINGS * 8,
        `${n} roles: ${map.stats.scored} cosines for ${map.stats.texts} texts`,
      );
      assert.ok(map.overlaps.length > 0 && map.areas.length > 0);
      // Every overlap is a star: no group grows past the neighbours one text keeps.
      assert.ok(
        map.overlaps.every((o) => o.links.length <= 200),
        'overlap groups stay bounded',
      );
      this.test!.title += ` [${n} roles: ${ms} ms]`;
    }
    assert.ok(perText[1] < perText[0] * 3, `per text: ${perText.map((x) => x.toFixed(1)).join(' → ')}`);
  });
});
