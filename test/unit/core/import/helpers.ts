/** Shared helpers of the importer tests: where the shared material is, and the engine check. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { renderRoleFile, responsibilityText, type ImportResult, type ImportedRole } from '../../../../src/core/import';
import type { Finding } from '../../../../src/core/types';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** The real pages and the seed page, vendored with their SOURCES.md and licences. */
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const CORPUS = path.join(FIXTURES, 'corpus', 'real-handbooks');
export const CORPUS_2 = path.join(FIXTURES, 'corpus', 'real-handbooks-2');
export const SEED = path.join(FIXTURES, 'seed', '000_21f07a3f44307cbc.txt');

/** Reads a vendored fixture; a missing one fails the test that needs it (never skips it). */
export function readFixture(file: string): string {
  assert.ok(
    fs.existsSync(file),
    `fixture ${path.relative(REPO_ROOT, file)} is missing: the tests read the vendored copies under test/fixtures/`,
  );
  return fs.readFileSync(file, 'utf8');
}

/**
 * Renders every writable role of an import, indexes them together with the engine, and returns
 * the error findings (a role without responsibilities is not written, as with --out).
 */
export function engineErrors(result: ImportResult): { uri: string; finding: Finding }[] {
  const index = new HandbookIndex();
  const written = result.roles.filter((r) => r.responsibilities.length > 0);
  for (const role of written) index.set(`mem:///import/roles/${role.role}.md`, renderRoleFile(role, { sourceName: 'page.md' }));
  return index.uris().flatMap((uri) =>
    index
      .findings(uri)
      .filter((f) => f.severity === 'error')
      .map((finding) => ({ uri, finding })),
  );
}

export function texts(role: ImportedRole): string[] {
  return role.responsibilities.map(responsibilityText);
}

const STOP = new Set(
  'a an the and or of to in on for with by from as at is are be it its their they them that this these those which who whom what when how so than then there into about over within all any each every other some such not no do does you your our we can may'.split(
    ' ',
  ),
);

/** Content words of a text, cut to five letters (`communicates`, `communication` → `commu`). */
export function stems(s: string): Set<string> {
  return new Set((s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 1 && !STOP.has(w)).map((w) => w.slice(0, 5)));
}

/** Token overlap of two texts: shared stems over the smaller text's stems (0 to 1). */
export function overlap(a: string, b: string): number {
  const A = stems(a);
  const B = stems(b);
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const x of A) if (B.has(x)) n++;
  return n / Math.min(A.size, B.size);
}

/**
 * Matches each expected text to a distinct actual text, best pairs first; returns the pairs and
 * the expected texts left without a partner at or above the threshold.
 */
export function matchByMeaning(
  expected: readonly string[],
  actual: readonly string[],
  threshold: number,
): { pairs: [string, string, number][]; unmatched: string[] } {
  const scored: [number, number, number][] = [];
  expected.forEach((e, i) => actual.forEach((a, j) => scored.push([i, j, overlap(e, a)])));
  scored.sort((x, y) => y[2] - x[2]);
  const usedE = new Set<number>();
  const usedA = new Set<number>();
  const pairs: [string, string, number][] = [];
  for (const [i, j, s] of scored) {
    if (s < threshold || usedE.has(i) || usedA.has(j)) continue;
    usedE.add(i);
    usedA.add(j);
    pairs.push([expected[i], actual[j], s]);
  }
  return { pairs, unmatched: expected.filter((_, i) => !usedE.has(i)) };
}

/** Whether some text contains every given fragment (case-insensitive). */
export function hasText(list: readonly string[], ...fragments: string[]): boolean {
  return list.some((t) => fragments.every((f) => t.toLowerCase().includes(f.toLowerCase())));
}
