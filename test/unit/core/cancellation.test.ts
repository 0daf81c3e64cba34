/**
 * Cancellation of the engine's longer analyses: a cancelled token yields no result, and the
 * analysis stops at its next check (the token counts how often it is asked, so the work done after
 * cancellation is exact: none). And one run at a time: a newer run cancels the older.
 */
import * as assert from 'assert';
import { Cancelled, LatestRun, unlessCancelled, throwIfCancelled, type CancellationLike } from '../../../src/core/cancellation';
import { compareRoles, type RoleResolver } from '../../../src/core/compare';
import { diffHandbooks } from '../../../src/core/diff';
import { workspaceSymbols } from '../../../src/core/language/workspaceSymbols';
import { RoleSearch } from '../../../src/core/lookup';
import { buildResponsibilityMap } from '../../../src/core/map';
import { buildVectors, similarPairs } from '../../../src/core/map/similarity';
import { terms } from '../../../src/core/map/tokens';
import { normalizeName } from '../../../src/core/text';
import type { Role } from '../../../src/core/types';
import { builtinRoles, roleOf, roleText } from './map/fixtures';

/** A token that turns cancelled after it was asked `after` times (never, by default), counting the asks. */
function countingToken(after = Infinity): CancellationLike & { polls: number } {
  return {
    polls: 0,
    get isCancellationRequested() {
      return ++this.polls > after;
    },
  };
}

/** `n` small roles that share words, so that every analysis has work to do. */
function manyRoles(n: number): Role[] {
  return Array.from({ length: n }, (_, i) =>
    roleOf(
      `file:///h/r${i}.md`,
      roleText({
        id: `role-${i}`,
        title: `Role ${i}`,
        responsibilities: [`Own the release train number ${i}`, `Review the budget of team ${i % 7}`],
        successCriteria: [`Releases of train ${i} ship on time`],
      }),
    ),
  );
}

describe('cancellation', () => {
  describe('helpers', () => {
    it('throwIfCancelled and unlessCancelled: a result, undefined when cancelled, other errors passed on', () => {
      assert.doesNotThrow(() => throwIfCancelled(undefined));
      assert.doesNotThrow(() => throwIfCancelled({ isCancellationRequested: false }));
      assert.throws(() => throwIfCancelled({ isCancellationRequested: true }), Cancelled);
      assert.strictEqual(
        unlessCancelled(() => 42),
        42,
      );
      assert.strictEqual(
        unlessCancelled(() => throwIfCancelled({ isCancellationRequested: true })),
        undefined,
      );
      assert.throws(() => unlessCancelled(() => JSON.parse('{')), SyntaxError);
    });

    it('LatestRun: a newer run cancels the older one (once), and cancel() the running one', () => {
      const runs = new LatestRun();
      const heard: string[] = [];
      const first = runs.start();
      first.onCancellationRequested(() => heard.push('first'));
      const ignored = first.onCancellationRequested(() => heard.push('ignored'));
      ignored.dispose();
      assert.strictEqual(first.isCancellationRequested, false);
      const second = runs.start();
      second.onCancellationRequested(() => heard.push('second'));
      assert.deepStrictEqual([first.isCancellationRequested, second.isCancellationRequested, heard], [true, false, ['first']]);
      const third = runs.start();
      assert.deepStrictEqual([second.isCancellationRequested, third.isCancellationRequested, heard], [true, false, ['first', 'second']]);
      runs.cancel();
      assert.strictEqual(third.isCancellationRequested, true);
      // A listener added after the cancellation hears of it at once.
      third.onCancellationRequested(() => heard.push('late'));
      assert.deepStrictEqual(heard, ['first', 'second', 'late']);
      runs.cancel(); // nothing running: nothing happens
      assert.deepStrictEqual(heard, ['first', 'second', 'late']);
    });
  });

  describe('responsibility map', () => {
    it('asks its token once before starting, once per role, text and criterion; the map is the same', () => {
      const roles = manyRoles(20);
      const token = countingToken();
      const map = buildResponsibilityMap(roles, {}, token);
      assert.deepStrictEqual(map, buildResponsibilityMap(roles));
      const docs = new Set(map.items.map((i) => normalizeName(i.text))).size;
      const criteria = map.items.filter((i) => i.kind === 'criterion').length;
      assert.deepStrictEqual([docs, criteria], [47, 20]);
      // 1 at the start, 20 roles, 47 texts joined (20 + 7 responsibilities, 20 criteria), 47 given an area, 20 criteria.
      assert.strictEqual(token.polls, 1 + 20 + 2 * docs + criteria);
    });

    it('a cancelled token yields no map and no work', () => {
      const token = countingToken(0);
      assert.throws(() => buildResponsibilityMap(builtinRoles(), {}, token), Cancelled);
      assert.strictEqual(token.polls, 1);
      assert.strictEqual(
        unlessCancelled(() => buildResponsibilityMap(builtinRoles(), {}, { isCancellationRequested: true })),
        undefined,
      );
    });

    it('stops at the first check after the cancellation: in the roles, in the join, in the criteria', () => {
      for (const after of [5, 30, 100]) {
        const token = countingToken(after);
        assert.strictEqual(
          unlessCancelled(() => buildResponsibilityMap(manyRoles(20), {}, token)),
          undefined,
        );
        assert.strictEqual(token.polls, after + 1, `cancelled after ${after} checks`);
      }
    });

    it('the similarity join stops before the next vector', () => {
      const vectors = buildVectors(manyRoles(10).map((r) => terms(r.responsibilities[0].text))).vectors;
      const pairs: string[] = [];
      const token = countingToken(3);
      assert.throws(() => similarPairs(vectors, 0.1, (a, b) => pairs.push(`${a}-${b}`), { token }), Cancelled);
      assert.strictEqual(token.polls, 4);
      // Only vectors 0..2 were probed: pairs among them alone.
      assert.deepStrictEqual(pairs, ['0-1', '0-2', '1-2']);
    });
  });

  describe('lookup', () => {
    it('the index build stops before the next role; a search with a cancelled token finds nothing', () => {
      const roles = manyRoles(30);
      const token = countingToken(10);
      assert.throws(() => new RoleSearch(roles, undefined, token), Cancelled);
      assert.strictEqual(token.polls, 11);
      const search = new RoleSearch(roles, undefined, countingToken());
      assert.strictEqual(search.search('release train', 5).length, 5);
      const cancelled = countingToken(0);
      assert.strictEqual(
        unlessCancelled(() => search.search('release train', 5, cancelled)),
        undefined,
      );
      assert.strictEqual(cancelled.polls, 1);
      // Two query words: asked before starting and before each word.
      const counted = countingToken();
      assert.strictEqual(search.search('release train', 5, counted).length, 5);
      assert.strictEqual(counted.polls, 3);
    });
  });

  describe('comparison', () => {
    const resolve: RoleResolver = () => undefined;
    it('a cancelled token yields no comparison; a token cancelled midway stops it at the next item', () => {
      const [a, b] = manyRoles(2);
      const none = countingToken(0);
      assert.throws(() => compareRoles(a, b, resolve, none), Cancelled);
      assert.strictEqual(none.polls, 1);
      const full = countingToken();
      const comparison = compareRoles(a, b, resolve, full);
      assert.deepStrictEqual(comparison, compareRoles(a, b, resolve));
      const midway = countingToken(full.polls - 1);
      assert.strictEqual(
        unlessCancelled(() => compareRoles(a, b, resolve, midway)),
        undefined,
      );
      assert.strictEqual(midway.polls, full.polls);
    });
  });

  describe('handbook diff', () => {
    it('asks before each file and each pair of roles; cancelled, it stops there', () => {
      const files = (suffix: string) =>
        new Map(
          Array.from({ length: 4 }, (_, i) => [
            `roles/r${i}.md`,
            roleText({ id: `role-${i}`, responsibilities: [`Own the train ${i}${suffix}`] }),
          ]),
        );
      const base = files('');
      const target = files(' well');
      const full = countingToken();
      const diff = diffHandbooks(base, target, { token: full });
      assert.strictEqual(diff.roles.length, 4);
      // 4 base files, 4 target files, 4 pairs.
      assert.strictEqual(full.polls, 12);
      for (const after of [0, 2, 6, 9]) {
        const token = countingToken(after);
        assert.strictEqual(
          unlessCancelled(() => diffHandbooks(base, target, { token })),
          undefined,
        );
        assert.strictEqual(token.polls, after + 1);
      }
    });
  });

  describe('workspace symbols', () => {
    it('asks before the first role and every 256 roles after; a cancelled token yields nothing', () => {
      const roles = manyRoles(300);
      const token = countingToken();
      assert.strictEqual(workspaceSymbols(roles, 'role', token).length > 0, true);
      assert.strictEqual(token.polls, 2);
      const cancelled = countingToken(0);
      assert.strictEqual(
        unlessCancelled(() => workspaceSymbols(roles, 'role', cancelled)),
        undefined,
      );
      assert.strictEqual(cancelled.polls, 1);
    });
  });
});
