import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RoleSearch, queryWords, tokenize, type SearchableRole } from '../../../src/core/lookup';
import { stem } from '../../../src/core/tokens';
import { parseFile } from '../../../src/core/parse';
import type { Role } from '../../../src/core/types';

function role(
  id: string,
  title: string,
  more: Partial<{ aliases: string[]; summary: string; focus: string[]; responsibilities: string[]; successCriteria: string[] }> = {},
): SearchableRole {
  return {
    id,
    title,
    aliases: (more.aliases ?? []).map((value) => ({ value })),
    summary: more.summary,
    focus: (more.focus ?? []).map((value) => ({ value })),
    responsibilities: (more.responsibilities ?? ['Do the work']).map((text) => ({ text })),
    successCriteria: (more.successCriteria ?? []).map((value) => ({ value })),
  };
}

function builtinRoles(): Role[] {
  const dir = path.join(__dirname, '../../../builtin/roles');
  return ['cto.md', 'head-of-engineering.md'].map(
    (f) => parseFile(`handbook-builtin:/roles/${f}`, fs.readFileSync(path.join(dir, f), 'utf8')).role!,
  );
}

const ids = (results: { role: SearchableRole }[]) => results.map((r) => r.role.id);

describe('lookup: tokens and stems', () => {
  it('tokenises to lower-case words without accents or apostrophes', () => {
    assert.deepStrictEqual(tokenize("The CEO's  Rôle: high-level, v2!"), ['the', 'ceos', 'role', 'high', 'level', 'v2']);
  });

  it('stems related forms to one stem', () => {
    const same = (...words: string[]) =>
      assert.deepStrictEqual(new Set(words.map(stem)).size, 1, `${words.join('/')} → ${words.map(stem).join('/')}`);
    same('onboarding', 'onboarded', 'onboard');
    same('estimate', 'estimates', 'estimating');
    same('planned', 'planning', 'plan', 'plans');
    same('processes', 'process');
    same('releases', 'release', 'released');
    same('policies', 'policy');
  });

  it('does not read a word that only looks plural as a plural', () => {
    // Porter2's stems: "business" meets "businesses" (not "busines"), "focus" keeps its s.
    assert.deepStrictEqual(['business', 'businesses', 'focus', 'analysis', 'ceo'].map(stem), ['busi', 'busi', 'focus', 'analysi', 'ceo']);
  });

  it('drops question words unless nothing else is left', () => {
    assert.deepStrictEqual(queryWords('Who owns onboarding?'), ['onboarding']);
    assert.deepStrictEqual(queryWords('who is responsible for the release plan'), ['release', 'plan']);
    assert.deepStrictEqual(queryWords('who owns'), ['owns']);
    assert.deepStrictEqual(queryWords('  '), []);
  });
});

describe('lookup: RoleSearch', () => {
  it('"who owns onboarding?" finds the Head of Engineering and the line', () => {
    const results = new RoleSearch(builtinRoles()).search('who owns onboarding?');
    assert.deepStrictEqual(ids(results), ['head-of-engineering']);
    assert.deepStrictEqual(results[0].match, { kind: 'successCriterion', index: 1, text: 'Is the onboarding process smooth?' });
  });

  it('matches a stem and a prefix of a word in a line', () => {
    const search = new RoleSearch(builtinRoles());
    assert.deepStrictEqual(ids(search.search('onboard')), ['head-of-engineering']);
    assert.deepStrictEqual(ids(search.search('onbo')), ['head-of-engineering']);
    assert.deepStrictEqual(ids(search.search('mentoring')), ['head-of-engineering']);
    assert.strictEqual(search.search('mentoring')[0].match?.kind, 'responsibility');
  });

  it('finds a role by alias, title prefix and id', () => {
    const search = new RoleSearch(builtinRoles());
    assert.deepStrictEqual(ids(search.search('cto')).slice(0, 1), ['cto']);
    assert.deepStrictEqual(ids(search.search('Chief tech')), ['cto']);
    assert.deepStrictEqual(ids(search.search('head-of-eng')).slice(0, 1), ['head-of-engineering']);
    assert.strictEqual(search.search('cto')[0].match, undefined, 'a name match shows no line');
  });

  it('requires every word to match somewhere in the role', () => {
    const search = new RoleSearch(builtinRoles());
    assert.deepStrictEqual(ids(search.search('funding partnerships')), ['cto']);
    assert.deepStrictEqual(ids(search.search('funding mentoring')), []);
    assert.deepStrictEqual(ids(search.search('zzzz')), []);
  });

  it('ranks a name above a line, and a line holding every word above scattered words', () => {
    const roles = [
      role('release-manager', 'Release Manager', { responsibilities: ['Coordinate the train'] }),
      role('tech-lead', 'Tech Lead', { responsibilities: ['Plan the release', 'Review code'], summary: 'Leads the team' }),
      role('scattered', 'Scattered', { responsibilities: ['Plan things', 'Ship each release'] }),
    ];
    const search = new RoleSearch(roles);
    assert.deepStrictEqual(ids(search.search('release')), ['release-manager', 'scattered', 'tech-lead']);
    const plan = search.search('release plan');
    assert.deepStrictEqual(ids(plan), ['tech-lead', 'scattered']);
    assert.deepStrictEqual(plan[0].match, { kind: 'responsibility', index: 0, text: 'Plan the release' });
  });

  it('prefers whole words over prefixes', () => {
    // (Porter2 stems "platformer" to "platform", so the longer word here is one it keeps whole.)
    const search = new RoleSearch([
      role('a', 'Alpha', { responsibilities: ['Run the platformwide game'] }),
      role('b', 'Beta', { responsibilities: ['Run the platform'] }),
    ]);
    assert.deepStrictEqual(ids(search.search('platform')), ['b', 'a']);
  });

  it('lets a one- or two-letter prefix match names only', () => {
    const search = new RoleSearch([role('x', 'Xavier', { responsibilities: ['Build zebra crossings'] }), role('z', 'Zed')]);
    assert.deepStrictEqual(ids(search.search('z')), ['z']);
    assert.deepStrictEqual(ids(search.search('zeb')), ['x']);
  });

  it('lists every role by title for an empty query, and honours the limit', () => {
    const search = new RoleSearch([role('c', 'Charlie'), role('a', 'Alpha'), role('b', 'Bravo')]);
    assert.deepStrictEqual(ids(search.search('')), ['a', 'b', 'c']);
    assert.deepStrictEqual(ids(search.search('', 2)), ['a', 'b']);
    assert.deepStrictEqual(ids(search.search('do work', 1)), ['a']);
    assert.deepStrictEqual(search.search('alpha', 0), []);
  });

  it('gives the same answers when searches repeat (scratch buffers are reset)', () => {
    const search = new RoleSearch(builtinRoles());
    const first = JSON.stringify(search.search('vision'));
    search.search('onboarding process');
    search.search('plan');
    assert.strictEqual(JSON.stringify(search.search('vision')), first);
  });

  it('top-k matches a full sort on many roles', () => {
    const roles: SearchableRole[] = [];
    for (let i = 0; i < 500; i++) {
      roles.push(
        role(`r${i}`, `Role ${String(i).padStart(3, '0')}`, {
          responsibilities: [i % 3 ? 'Own delivery' : 'Plan delivery and release', `Task ${i % 7}`],
        }),
      );
    }
    const search = new RoleSearch(roles);
    const all = search.search('delivery task', 1000);
    const top = search.search('delivery task', 10);
    assert.strictEqual(all.length, 500);
    assert.deepStrictEqual(ids(top), ids(all).slice(0, 10));
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].score >= all[i].score, 'sorted by score');
  });
});
