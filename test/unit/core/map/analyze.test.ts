import * as assert from 'assert';
import { buildResponsibilityMap, MAX_ACCOUNTABLE, OTHER_AREA } from '../../../../src/core/map/analyze';
import { MapLookup } from '../../../../src/core/map/describe';
import type { ResponsibilityMap } from '../../../../src/core/map/types';
import { builtinRoles, roles } from './fixtures';

const CTO = 'builtin:/roles/cto.md';
const HOE = 'builtin:/roles/head-of-engineering.md';

function textOf(map: ResponsibilityMap, key: string): string {
  return new MapLookup(map).item(key).text;
}

function overlapTexts(map: ResponsibilityMap): string[][] {
  return map.overlaps.map((o) => o.items.map((k) => textOf(map, k)));
}

describe('responsibility map: the built-in handbook', () => {
  const map = buildResponsibilityMap(builtinRoles());
  const look = new MapLookup(map);

  it('lists both roles and every responsibility and criterion', () => {
    assert.deepStrictEqual(
      map.roles.map((r) => r.id),
      ['cto', 'head-of-engineering'],
    );
    assert.deepStrictEqual([map.stats.responsibilities, map.stats.criteria], [22, 10]);
  });

  it('finds the CTO/Head of Engineering overlap on the high-level architecture, and explains it', () => {
    assert.deepStrictEqual(overlapTexts(map), [
      [
        'Define the high-level architecture, structure and culture',
        'Execute on the high-level architecture, structure and culture the CTO defined',
      ],
    ]);
    const [o] = map.overlaps;
    assert.deepStrictEqual(o.roles, [CTO, HOE]);
    assert.strictEqual(o.links.length, 1);
    assert.ok(o.links[0].score > 0.7 && o.links[0].score < 1, String(o.links[0].score));
    assert.deepStrictEqual([...o.links[0].words].sort(), ['architecture', 'culture', 'define', 'high', 'structure']);
    for (const k of o.items) assert.strictEqual(look.item(k).overlap, 0);
  });

  it('groups by the declared areas, alphabetically, and puts unmatched criteria after them', () => {
    const declared = map.areas.filter((a) => a.source === 'declared').map((a) => a.label);
    assert.deepStrictEqual(declared, [
      'architecture',
      'communication',
      'decisions',
      'delivery',
      'operations',
      'people',
      'planning',
      'resources',
      'strategy',
      'vision',
    ]);
    assert.deepStrictEqual(map.areas.find((a) => a.key === 'area:architecture')!.roles, [CTO, HOE]);
    assert.strictEqual(map.areas[map.areas.length - 1].key, OTHER_AREA);
  });

  it('shares the Head of Engineering criteria with the CTO (sharesSuccessCriteriaOf)', () => {
    assert.strictEqual(map.shared.length, 1);
    assert.deepStrictEqual([map.shared[0].role, map.shared[0].from, map.shared[0].criteria.length], [CTO, HOE, 7]);
    assert.deepStrictEqual(map.roles[0].sharesFrom, [HOE]);
    const mentoring = map.items.find((it) => it.text === 'Does everyone receive mentoring?')!;
    assert.deepStrictEqual(mentoring.accountable, [CTO, HOE]);
  });

  it('matches criteria to the responsibilities that own them', () => {
    const mentoring = map.items.find((it) => it.text === 'Does everyone receive mentoring?')!;
    assert.deepStrictEqual(
      mentoring.matches!.map((m) => textOf(map, m.item)),
      ['Mentor and motivate engineers'],
    );
    assert.deepStrictEqual(mentoring.owners, [HOE]);
    assert.strictEqual(mentoring.area, 'area:people');
    const vision = map.items.find((it) => /excited about the technology vision/.test(it.text))!;
    assert.deepStrictEqual(vision.owners, [CTO]);
    assert.strictEqual(vision.area, 'area:vision');
  });

  it('reports the criteria no accountable role owns, and the area only criteria fill', () => {
    const unowned = map.gaps.filter((g) => g.kind === 'unowned-criterion').map((g) => textOf(map, (g as { item: string }).item));
    assert.deepStrictEqual(unowned, [
      'Is the organization able to secure funding and partnerships?',
      'Is the organization able to attract and retain talent?',
      'Is the recruitment process smooth?',
      'Is the onboarding process smooth?',
      'Is there visibility over the performance of the engineering organization?',
      'Is the engineering organization tight, in efficiency, collaboration and respect?',
      'Do deliveries come out on spec, on time and on budget?',
      'Do the services run reliably?',
    ]);
    const areaGaps = map.gaps.filter((g) => g.kind === 'unowned-area');
    assert.strictEqual(areaGaps.length, 1);
    const area = look.areas.get((areaGaps[0] as { area: string }).area)!;
    assert.strictEqual(area.source, 'inferred');
    assert.ok(area.unowned);
    assert.deepStrictEqual(
      area.items.map((k) => textOf(map, k)),
      ['Is the recruitment process smooth?', 'Is the onboarding process smooth?'],
    );
    // Each role owns at least one of its own criteria.
    assert.deepStrictEqual(
      map.gaps.filter((g) => g.kind === 'role-without-matching-responsibility'),
      [],
    );
  });

  it('points every item at its text in the role file', () => {
    const define = map.items.find((it) => it.text.startsWith('Define the high-level'))!;
    assert.deepStrictEqual([define.key, define.range.line, define.range.column], [`${CTO}#r6`, 28, 11]);
    const smooth = map.items.find((it) => it.text === 'Is the recruitment process smooth?')!;
    assert.deepStrictEqual([smooth.key, smooth.range.line, smooth.range.column], [`${HOE}#c0`, 50, 5]);
  });

  it('is deterministic: the roles in another order give the same map', () => {
    assert.deepStrictEqual(buildResponsibilityMap([...builtinRoles()].reverse()), map);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(map)), map, 'plain JSON data');
  });
});

describe('responsibility map: rules', () => {
  it('the same text in two roles is one overlap, explained as the same text', () => {
    const map = buildResponsibilityMap(
      roles(
        { id: 'a', responsibilities: ['Run the   weekly incident review'] },
        { id: 'b', responsibilities: ['run the weekly incident REVIEW'] },
      ),
    );
    assert.strictEqual(map.overlaps.length, 1);
    assert.deepStrictEqual(
      map.overlaps[0].links.map((l) => [l.same, l.score]),
      [[true, 1]],
    );
  });

  it('near-duplicates within one role are not an overlap; unrelated texts never are', () => {
    const map = buildResponsibilityMap(
      roles(
        { id: 'a', responsibilities: ['Run the weekly incident review', 'Run the weekly incident reviews'] },
        { id: 'b', responsibilities: ['Negotiate vendor contracts'] },
      ),
    );
    assert.deepStrictEqual(map.overlaps, []);
  });

  it('overlap groups do not chain: the ends of a chain of similar texts are not grouped', () => {
    const chain = [
      'alpha beta gamma delta',
      'beta gamma delta epsilon',
      'gamma delta epsilon zeta',
      'delta epsilon zeta eta',
      'epsilon zeta eta theta',
    ];
    const map = buildResponsibilityMap(roles(...chain.map((t, i) => ({ id: `r${i}`, responsibilities: [t] }))), { overlapThreshold: 0.5 });
    const groups = overlapTexts(map);
    assert.ok(groups.length >= 1);
    assert.ok(!groups.some((g) => g.includes(chain[0]) && g.includes(chain[4])), JSON.stringify(groups));
    // Every member of a group is linked to its centre with a score over the threshold.
    for (const o of map.overlaps) for (const l of o.links) assert.ok(l.score >= 0.5);
  });

  it('a responsibility without area takes the area of the most similar one, and says why', () => {
    const map = buildResponsibilityMap(
      roles(
        {
          id: 'a',
          responsibilities: [
            { text: 'Run the on-call rotation for the platform', area: 'Operations' },
            { text: 'Hire platform engineers', area: 'People' },
          ],
        },
        { id: 'b', responsibilities: ['Staff the on-call rotation'] },
      ),
    );
    const it = map.items.find((x) => x.text === 'Staff the on-call rotation')!;
    assert.strictEqual(it.area, 'area:operations');
    assert.match(it.areaReason!, /similar to “Run the on-call rotation for the platform” \(a, 0\.\d\d: /);
  });

  it('responsibilities without any area group by similarity, the rest go to Other', () => {
    const map = buildResponsibilityMap(
      roles(
        { id: 'a', responsibilities: ['Plan the release train', 'Negotiate vendor contracts'] },
        { id: 'b', responsibilities: ['Schedule the release train', 'Water the office plants'] },
      ),
    );
    const inferred = map.areas.filter((a) => a.source === 'inferred');
    assert.strictEqual(inferred.length, 1);
    assert.deepStrictEqual(
      inferred[0].items.map((k) => textOf(map, k)),
      ['Plan the release train', 'Schedule the release train'],
    );
    assert.match(inferred[0].label, /release|train/);
    const other = map.areas.find((a) => a.key === OTHER_AREA)!;
    assert.deepStrictEqual(
      other.items.map((k) => textOf(map, k)),
      ['Negotiate vendor contracts', 'Water the office plants'],
    );
    assert.strictEqual(other.unowned, false);
  });

  it('a criterion only another role owns is a gap naming that role; a role with no matching responsibility is a gap', () => {
    const map = buildResponsibilityMap(
      roles(
        { id: 'lead', responsibilities: ['Write the quarterly roadmap'], successCriteria: ['Are incidents resolved within a day?'] },
        { id: 'sre', responsibilities: ['Resolve production incidents'] },
      ),
    );
    const gap = map.gaps.find((g) => g.kind === 'unowned-criterion')!;
    assert.deepStrictEqual(gap, {
      kind: 'unowned-criterion',
      item: 'file:///hb/roles/lead.md#c0',
      accountable: ['file:///hb/roles/lead.md'],
      elsewhere: ['file:///hb/roles/sre.md'],
    });
    assert.ok(map.gaps.some((g) => g.kind === 'role-without-matching-responsibility' && g.role === 'file:///hb/roles/lead.md'));
  });

  it('checks a criterion against at most MAX_ACCOUNTABLE roles, nearest sharers first (a ring of 80 stays linear)', () => {
    const id = (i: number) => `r${String(i).padStart(2, '0')}`;
    const specs = Array.from({ length: 80 }, (_, i) => ({
      id: id(i),
      responsibilities: [`Look after thing ${i}`],
      ...(i === 0 ? { successCriteria: ['Are the widgets polished?'] } : {}),
      sharesSuccessCriteriaOf: [id((i + 79) % 80)],
    }));
    const map = buildResponsibilityMap(roles(...specs));
    const crit = map.items.find((it) => it.kind === 'criterion')!;
    assert.strictEqual(MAX_ACCOUNTABLE, 50);
    assert.deepStrictEqual(
      crit.accountable,
      Array.from({ length: MAX_ACCOUNTABLE }, (_, i) => `file:///hb/roles/${id(i)}.md`),
    );
  });

  it('a criterion is owned when a role that shares it has the responsibility, transitively', () => {
    const map = buildResponsibilityMap(
      roles(
        { id: 'a', responsibilities: ['Write the roadmap'], successCriteria: ['Are incidents resolved within a day?'] },
        { id: 'b', responsibilities: ['Hire engineers'], sharesSuccessCriteriaOf: ['a'] },
        { id: 'c', responsibilities: ['Resolve production incidents'], sharesSuccessCriteriaOf: ['B'] },
      ),
    );
    const crit = map.items.find((it) => it.kind === 'criterion')!;
    assert.deepStrictEqual(
      crit.accountable,
      ['a', 'b', 'c'].map((id) => `file:///hb/roles/${id}.md`),
    );
    assert.deepStrictEqual(
      map.gaps.filter((g) => g.kind === 'unowned-criterion'),
      [],
    );
    assert.deepStrictEqual(
      map.shared.map((s) => [s.role, s.from, s.criteria.length]),
      [
        ['file:///hb/roles/b.md', 'file:///hb/roles/a.md', 1],
        ['file:///hb/roles/c.md', 'file:///hb/roles/b.md', 0],
      ],
    );
  });

  it('ignores unresolved and self references, and survives cycles of sharing', () => {
    const map = buildResponsibilityMap(
      roles(
        {
          id: 'a',
          responsibilities: ['Write the roadmap'],
          successCriteria: ['Is the roadmap written?'],
          sharesSuccessCriteriaOf: ['b', 'a', 'nobody'],
        },
        { id: 'b', responsibilities: ['Hire engineers'], successCriteria: ['Are engineers hired?'], sharesSuccessCriteriaOf: ['a'] },
      ),
    );
    assert.deepStrictEqual(
      map.roles.map((r) => r.sharesFrom.length),
      [1, 1],
    );
    assert.deepStrictEqual(
      map.gaps.filter((g) => g.kind === 'unowned-criterion'),
      [],
    );
  });

  it('two files with the same role id stay two columns', () => {
    const [a] = roles({ id: 'a', responsibilities: ['Write the roadmap'] });
    const b = { ...a, uri: 'file:///hb/other/a.md' };
    const map = buildResponsibilityMap([a, b]);
    assert.deepStrictEqual(
      map.roles.map((r) => r.key),
      ['file:///hb/other/a.md', 'file:///hb/roles/a.md'],
    );
    assert.strictEqual(map.overlaps.length, 1);
  });

  it('an empty handbook gives an empty map; bad thresholds are refused', () => {
    const map = buildResponsibilityMap([]);
    assert.deepStrictEqual([map.roles, map.items, map.areas, map.overlaps, map.gaps], [[], [], [], [], []]);
    assert.throws(() => buildResponsibilityMap([], { overlapThreshold: 0 }), RangeError);
    assert.throws(() => buildResponsibilityMap([], { criterionThreshold: Number.NaN }), RangeError);
  });

  it('a higher overlap threshold finds fewer overlaps', () => {
    const input = builtinRoles();
    assert.strictEqual(buildResponsibilityMap(input, { overlapThreshold: 0.95 }).overlaps.length, 0);
    assert.ok(buildResponsibilityMap(input, { overlapThreshold: 0.2 }).overlaps.length > 1);
  });
});
