import * as assert from 'assert';
import { buildResponsibilityMap } from '../../../../src/core/map/analyze';
import { isIssue, NO_FILTER, parseFilter, parseMapMessage, parseMapState, showsItem } from '../../../../src/core/protocol/mapProtocol';
import { builtinRoles } from './fixtures';

describe('map protocol', () => {
  it('accepts the known messages and nothing else', () => {
    assert.deepStrictEqual(parseMapMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseMapMessage({ type: 'open', item: 'file:///a.md#r0', extra: 1 }), { type: 'open', item: 'file:///a.md#r0' });
    assert.deepStrictEqual(parseMapMessage({ type: 'openRole', role: 'file:///a.md' }), { type: 'openRole', role: 'file:///a.md' });
    assert.deepStrictEqual(parseMapMessage({ type: 'copyMarkdown', filter: { roles: ['a', 'a'], areas: [], issuesOnly: true } }), {
      type: 'copyMarkdown',
      filter: { roles: ['a'], areas: [], issuesOnly: true },
    });
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'eval', code: 'x' },
      { type: 'open' },
      { type: 'open', item: 42 },
      { type: 'open', item: '' },
      { type: 'open', item: 'x'.repeat(5000) },
      { type: 'copyMarkdown', filter: { roles: [1], areas: [], issuesOnly: false } },
      { type: 'copyMarkdown', filter: { roles: [], areas: [], issuesOnly: 'yes' } },
      { type: 'copyMarkdown' },
      Object.create({ type: 'ready' }),
    ]) {
      assert.strictEqual(parseMapMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('restores a saved filter, or the default for anything malformed', () => {
    assert.deepStrictEqual(parseMapState({ filter: { roles: ['r'], areas: ['a'], issuesOnly: true } }), {
      filter: { roles: ['r'], areas: ['a'], issuesOnly: true },
    });
    assert.deepStrictEqual(parseMapState(undefined), { filter: NO_FILTER });
    assert.deepStrictEqual(parseMapState({ filter: { roles: 'r' } }), { filter: NO_FILTER });
    assert.deepStrictEqual(parseFilter({ roles: new Array(10_001).fill('r'), areas: [], issuesOnly: false }), undefined);
  });

  it('shows a criterion in the columns of the roles that share it, and filters by role, area and issues', () => {
    const map = buildResponsibilityMap(builtinRoles());
    const [cto, hoe] = map.roles.map((r) => r.key);
    const mentoring = map.items.find((it) => it.text === 'Does everyone receive mentoring?')!;
    const services = map.items.find((it) => it.text === 'Do the services run reliably?')!;
    const mentor = map.items.find((it) => it.text === 'Mentor and motivate engineers')!;
    assert.ok(showsItem(mentoring, hoe, NO_FILTER) && showsItem(mentoring, cto, NO_FILTER));
    assert.ok(!showsItem(mentor, cto, NO_FILTER));
    assert.ok(!showsItem(mentor, hoe, { ...NO_FILTER, roles: [cto] }));
    assert.ok(!showsItem(mentor, hoe, { ...NO_FILTER, areas: ['area:vision'] }));
    assert.deepStrictEqual([isIssue(mentoring), isIssue(services), isIssue(mentor)], [false, true, false]);
    assert.ok(!showsItem(mentor, hoe, { ...NO_FILTER, issuesOnly: true }));
    assert.ok(showsItem(services, hoe, { ...NO_FILTER, issuesOnly: true }));
  });
});
