import * as assert from 'assert';
import fc from 'fast-check';
import { buildVectors, cosine, sharedTerms, similarPairs, type TermVector } from '../../../../src/core/map/similarity';
import { terms } from '../../../../src/core/map/tokens';

const space = (texts: string[]) => buildVectors(texts.map(terms));

function brute(vectors: TermVector[], threshold: number): string[] {
  const out: string[] = [];
  for (let b = 0; b < vectors.length; b++)
    for (let a = 0; a < b; a++) if (cosine(vectors[a], vectors[b]) >= threshold - 1e-12) out.push(`${a}-${b}`);
  return out.sort();
}

function joined(
  vectors: TermVector[],
  threshold: number,
  maxPostings?: number,
): { pairs: string[]; scores: Map<string, number>; scored: number } {
  const scores = new Map<string, number>();
  const scored = similarPairs(vectors, threshold, (a, b, s) => scores.set(`${a}-${b}`, s), { maxPostings });
  return { pairs: [...scores.keys()].sort(), scores, scored };
}

describe('map similarity (TF-IDF cosine)', () => {
  it('scores identical texts 1, texts with no shared term 0, and is symmetric', () => {
    const { vectors } = space(['Define the architecture', 'define the ARCHITECTURE', 'Hire engineers', 'Define hiring']);
    assert.ok(Math.abs(cosine(vectors[0], vectors[1]) - 1) < 1e-9);
    assert.strictEqual(cosine(vectors[0], vectors[2]), 0);
    assert.strictEqual(cosine(vectors[0], vectors[3]), cosine(vectors[3], vectors[0]));
  });

  it('weighs a rare shared word more than a common one', () => {
    const { vectors } = space([
      'team architecture', // 0
      'team budget', // 1
      'team roadmap', // 2
      'architecture review', // 3 shares the rare "architecture" with 0
      'team review', // 4 shares the common "team" with 0
    ]);
    assert.ok(cosine(vectors[0], vectors[3]) > cosine(vectors[0], vectors[4]));
  });

  it('explains a score by the shared terms, largest contribution first', () => {
    const sp = space(['plan the architecture and the team', 'architecture of the team', 'team', 'team lunch']);
    const shared = sharedTerms(sp.vectors[0], sp.vectors[1]).map((s) => sp.stems[s.id]);
    assert.deepStrictEqual(shared, ['archite', 'team']);
  });

  it('the join finds exactly the pairs a brute-force scan finds (property)', () => {
    const word = fc.constantFrom(
      'plan',
      'roadmap',
      'hire',
      'engineer',
      'budget',
      'vision',
      'team',
      'review',
      'incident',
      'release',
      'security',
      'mentor',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (docs, threshold) => {
          const { vectors } = space(docs.map((d) => d.join(' ')));
          const result = joined(vectors, threshold, 1_000_000);
          assert.deepStrictEqual(result.pairs, brute(vectors, threshold));
          for (const [k, s] of result.scores) {
            const [a, b] = k.split('-').map(Number);
            assert.ok(Math.abs(s - cosine(vectors[a], vectors[b])) < 1e-12);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with capped postings it reports only true pairs, and its work stays linear', () => {
    const words = ['plan', 'roadmap', 'hire', 'engineer', 'budget', 'vision', 'team', 'review'];
    const docs: string[] = [];
    for (let i = 0; i < 600; i++) docs.push([0, 1, 2].map((k) => words[(i * (k + 3) + k) % words.length]).join(' '));
    const { vectors } = space(docs);
    const exact = new Set(brute(vectors, 0.5));
    const capped = joined(vectors, 0.5, 8);
    assert.ok(capped.pairs.every((p) => exact.has(p)));
    assert.ok(capped.scored <= vectors.length * 8 * 3, `scored ${capped.scored}`);
    const uncapped = joined(vectors, 0.5, 1_000_000);
    assert.ok(uncapped.scored > capped.scored * 5, `${uncapped.scored} vs ${capped.scored}`);
  });

  it('rejects a threshold outside (0, 1]', () => {
    assert.throws(() => similarPairs([], 0, () => undefined), RangeError);
    assert.throws(() => similarPairs([], 1.5, () => undefined), RangeError);
  });
});
