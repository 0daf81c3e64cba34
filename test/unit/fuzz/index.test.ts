/**
 * Model-based tests of HandbookIndex: whatever sequence of creations, edits, renames and deletions
 * reaches it (as during a scan that races with file events), the index ends up consistent with the
 * final files, and the files it reports as affected are enough to keep a view up to date.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { HandbookIndex } from '../../../src/core/handbookIndex';
import type { Finding } from '../../../src/core/types';
import { REFERENCE_NAMES, check, mutatedRole, renderRole, roleSpec, runs } from './support';

const URIS = ['file:///h/roles/a.md', 'file:///h/roles/b.md', 'file:///h/roles/c.md', 'file:///h/notes/d.md', 'file:///h/e.md'];

interface FileState {
  text: string;
  force: boolean;
}

type Op =
  | { kind: 'set'; uri: string; text: string; force: boolean }
  | { kind: 'delete'; uri: string }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'touch'; uri: string };

const text = fc.oneof(
  { weight: 6, arbitrary: roleSpec.map(renderRole) },
  { weight: 2, arbitrary: mutatedRole },
  {
    weight: 1,
    arbitrary: fc.constantFrom('# Notes\n\nSee [[CTO]] and [[nobody]].\n', '', '---\nrole: cto\n', '---\ntitle: x\n---\n[[TL]]\n'),
  },
);
const uri = fc.constantFrom(...URIS);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), uri, text, force: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), uri }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), from: uri, to: uri }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('touch' as const), uri }) },
);

/** Builds an index from the final files, in the given order. */
function fresh(files: Map<string, FileState>, order: string[]): HandbookIndex {
  const index = new HandbookIndex();
  for (const u of order) {
    const f = files.get(u);
    if (f) index.set(u, f.text, { forceRoleFile: f.force });
  }
  return index;
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.code} ${f.range.line}:${f.range.column} ${f.message}`);

describe('fuzz: HandbookIndex against a model', () => {
  it('after any sequence of set/delete/rename, findings equal those of a fresh index of the final files', () => {
    check(
      'index model',
      fc.property(fc.array(op, { maxLength: 25 }), fc.shuffledSubarray(URIS, { minLength: URIS.length }), (ops, order) => {
        const index = new HandbookIndex();
        const files = new Map<string, FileState>();
        /** What a view shows: refreshed only for the files an update reports as affected. */
        const shown = new Map<string, Finding[]>();
        const publish = (affected: ReadonlySet<string>, u: string) => {
          for (const a of [...affected, u]) shown.set(a, index.findings(a));
        };
        for (const o of ops) {
          if (o.kind === 'set') {
            files.set(o.uri, { text: o.text, force: o.force });
            publish(index.set(o.uri, o.text, { forceRoleFile: o.force }).affected, o.uri);
          } else if (o.kind === 'delete') {
            files.delete(o.uri);
            publish(index.delete(o.uri).affected, o.uri);
          } else if (o.kind === 'rename') {
            const f = files.get(o.from);
            if (!f || o.from === o.to) continue;
            files.delete(o.from);
            publish(index.delete(o.from).affected, o.from);
            files.set(o.to, f);
            publish(index.set(o.to, f.text, { forceRoleFile: f.force }).affected, o.to);
          } else {
            // The same content again (a watcher event for a save without changes): nothing moves.
            const f = files.get(o.uri);
            if (!f) continue;
            const before = index.generation;
            const r = index.set(o.uri, f.text, { forceRoleFile: f.force });
            assert.strictEqual(r.affected.size, 0);
            assert.strictEqual(index.generation, before);
          }
        }
        const expected = fresh(files, order);
        assert.deepStrictEqual(new Set(index.uris()), new Set(expected.uris()));
        for (const u of URIS) {
          const want = expected.findings(u);
          assert.deepStrictEqual(brief(index.findings(u)), brief(want), `findings of ${u}`);
          assert.deepStrictEqual(index.findings(u), want, `findings data of ${u}`);
          assert.deepStrictEqual(brief(shown.get(u) ?? []), brief(want), `the view of ${u} (refreshed for affected files only) is stale`);
          assert.deepStrictEqual(index.get(u), expected.get(u));
        }
        for (const name of REFERENCE_NAMES) assert.strictEqual(index.resolve(name)?.uri, expected.resolve(name)?.uri, `resolve(${name})`);
        assert.deepStrictEqual([...index.knownNames()].sort(), [...expected.knownNames()].sort());
      }),
      runs(100, 2),
    );
  });

  it('a one-shot index (what handbook-lint fills) reports what a full index reports, after any sequence of updates', () => {
    check(
      'one-shot index',
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const full = new HandbookIndex();
        const lean = new HandbookIndex({ oneShot: true });
        const both = (f: (i: HandbookIndex) => unknown) => {
          f(lean);
          f(full);
        };
        const files = new Map<string, FileState>();
        for (const o of ops) {
          if (o.kind === 'set') {
            files.set(o.uri, { text: o.text, force: o.force });
            both((i) => i.set(o.uri, o.text, { forceRoleFile: o.force }));
          } else if (o.kind === 'delete') {
            files.delete(o.uri);
            both((i) => i.delete(o.uri));
          } else if (o.kind === 'rename') {
            const f = files.get(o.from);
            if (!f || o.from === o.to) continue;
            files.delete(o.from);
            files.set(o.to, f);
            both((i) => i.delete(o.from));
            both((i) => i.set(o.to, f.text, { forceRoleFile: f.force }));
          }
          for (const u of URIS) assert.deepStrictEqual(lean.findings(u), full.findings(u), `findings of ${u}`);
        }
        for (const u of URIS) {
          const role = lean.get(u)?.role;
          if (!role) continue;
          // Names, plus what the organisation findings need: responsibilities and reporting lines.
          const fullRole = full.get(u)!.role!;
          const reporting = fullRole.relationships.filter((r) => r.kind === 'reports-to' || r.kind === 'manages');
          assert.deepStrictEqual([role.focus, role.successCriteria, role.relationships], [[], [], reporting], 'keeps names only');
          assert.deepStrictEqual(role.responsibilities, fullRole.responsibilities);
          assert.deepStrictEqual(
            [role.id, role.title, role.aliases],
            [full.get(u)!.role!.id, full.get(u)!.role!.title, full.get(u)!.role!.aliases],
          );
        }
        for (const name of REFERENCE_NAMES) assert.strictEqual(lean.resolve(name)?.uri, full.resolve(name)?.uri, `resolve(${name})`);
        assert.deepStrictEqual([...lean.knownNames()].sort(), [...full.knownNames()].sort());
      }),
      runs(100, 2),
    );
  });
});
