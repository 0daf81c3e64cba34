import * as assert from 'assert';
import { STEM_LENGTH, stemOf, terms } from '../../../../src/core/map/tokens';

const stems = (s: string) => terms(s).map((t) => t.stem);

describe('map tokens', () => {
  it('drops stop words, filler verbs and numbers, keeps content words in order', () => {
    assert.deepStrictEqual(
      terms('Ensure that the 2 teams keep their roadmap up to date').map((t) => t.word),
      ['teams', 'roadmap', 'date'],
    );
  });

  it('stems derivations of one word to one term (Porter2, then cut)', () => {
    assert.strictEqual(stemOf('communicate'), stemOf('communication'));
    assert.strictEqual(stemOf('planning'), stemOf('plans'));
    assert.strictEqual(stemOf('mentoring'), stemOf('mentor'));
    // Porter2 keeps these apart ("deliveri", "deliver"); the cut joins them.
    assert.strictEqual(stemOf('deliveries'), stemOf('deliverables'));
    assert.notStrictEqual(stemOf('architecture'), stemOf('team'));
  });

  it('cuts every stem to STEM_LENGTH characters', () => {
    for (const w of ['internationalization', 'responsibilities', 'organisation']) assert.ok(stemOf(w).length <= STEM_LENGTH, w);
  });

  it('reads possessives, curly apostrophes and accents', () => {
    assert.deepStrictEqual(stems("the CEO's and CTO’s vision"), stems('ceo cto vision'));
    assert.deepStrictEqual(stems('Rôle de sécurité'), stems('role de securite'));
  });

  it('keeps words of other scripts as they are', () => {
    assert.deepStrictEqual(stems('管理 チーム'), ['管理', 'チーム']);
  });

  it('is fast on hostile input (a huge word, a huge text)', () => {
    const started = Date.now();
    terms(`${'a'.repeat(100_000)}eedly`);
    terms('responsibility '.repeat(100_000));
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});
