import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { importPage, type ImportResult, type ImportedRole } from '../../../../src/core/import';
import { REPO_ROOT, SEED, engineErrors, matchByMeaning, overlap, readFixture, texts } from './helpers';

interface Builtin {
  role: string;
  aliases?: string[];
  type: string;
  responsibilities: (string | { text: string })[];
  successCriteria?: string[];
  sharesSuccessCriteriaOf?: string[];
  relationships?: { with: string; kind: string }[];
}

function builtin(id: string): Builtin {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'builtin', 'roles', `${id}.md`), 'utf8');
  return parse(text.split(/^---\s*$/m)[1]) as Builtin;
}

const THRESHOLD = 0.5;

describe('importer: the seed page gives the two built-in roles', function () {
  let result: ImportResult;
  let byId: Map<string, ImportedRole>;

  before(function () {
    result = importPage(readFixture(SEED));
    byId = new Map(result.roles.map((r) => [r.role, r]));
  });

  it('finds exactly the CTO and the Head of Engineering (not the page title)', () => {
    assert.deepStrictEqual(
      result.roles.map((r) => [r.role, r.title, r.type]),
      [
        ['cto', 'Chief Technology Officer', 'executive'],
        ['head-of-engineering', 'Head of Engineering', 'manager'],
      ],
    );
  });

  it('takes the short name as the CTO alias and gives the Head of Engineering none', () => {
    assert.deepStrictEqual(byId.get('cto')!.aliases, ['CTO']);
    assert.deepStrictEqual(byId.get('head-of-engineering')!.aliases, []);
  });

  for (const id of ['cto', 'head-of-engineering']) {
    it(`${id}: every built-in responsibility has an imported one of the same meaning, and no more`, () => {
      const expected = builtin(id).responsibilities.map((r) => (typeof r === 'string' ? r : r.text));
      const actual = texts(byId.get(id)!);
      const { unmatched, pairs } = matchByMeaning(expected, actual, THRESHOLD);
      assert.deepStrictEqual(unmatched, [], `no match for: ${unmatched.join(' | ')}\nimported: ${actual.join(' | ')}`);
      assert.strictEqual(pairs.length, expected.length);
      assert.strictEqual(actual.length, expected.length, `imported ${actual.length}: ${actual.join(' | ')}`);
    });

    it(`${id}: every built-in success criterion has an imported one of the same meaning, and no more`, () => {
      const expected = builtin(id).successCriteria ?? [];
      const actual = byId.get(id)!.successCriteria;
      const { unmatched } = matchByMeaning(expected, actual, THRESHOLD);
      assert.deepStrictEqual(unmatched, []);
      assert.strictEqual(actual.length, expected.length);
    });
  }

  it('the measure tells the reworded duties apart (the threshold is not trivially met)', () => {
    // Two different CTO duties must score below the threshold against each other.
    assert.ok(overlap('Procure technology-related resources', 'Decide the high-level strategy') < THRESHOLD);
    assert.ok(overlap('Estimate units of work', 'Estimate work units') >= THRESHOLD);
  });

  it('keeps the duties that the page states as enumerations apart', () => {
    const hoe = texts(byId.get('head-of-engineering')!);
    for (const duty of [
      'mentor and motivate',
      'identify & escalate problems',
      'that deadlines are met',
      'estimate work units',
      'manage the development process',
    ]) {
      assert.ok(
        hoe.some((t) => t.toLowerCase().includes(duty)),
        `${duty} in ${hoe.join(' | ')}`,
      );
    }
    // A comma list that is not a list of duties stays whole.
    assert.ok(texts(byId.get('cto')!).some((t) => /engineering organization, security and scalability/.test(t)));
  });

  it('does not take the focus line, the success lead-in or the shared-criteria sentence as duties', () => {
    const all = [...texts(byId.get('cto')!), ...texts(byId.get('head-of-engineering')!)].join('\n');
    assert.doesNotMatch(all, /focus on|evaluate success|success criteria|symbiotic/i);
    assert.deepStrictEqual(byId.get('cto')!.focus, ['Technology vision and “whats next”']);
    assert.deepStrictEqual(byId.get('head-of-engineering')!.focus, ['People success and operational success']);
  });

  it('the CTO shares the success criteria of the Head of Engineering', () => {
    assert.deepStrictEqual(byId.get('cto')!.sharesSuccessCriteriaOf, builtin('cto').sharesSuccessCriteriaOf);
    assert.deepStrictEqual(byId.get('head-of-engineering')!.sharesSuccessCriteriaOf, []);
  });

  it('the two roles are symbiotic, with the quoted explanation as the note', () => {
    for (const [a, b] of [
      ['cto', 'head-of-engineering'],
      ['head-of-engineering', 'cto'],
    ]) {
      const rels = byId.get(a)!.relationships;
      assert.deepStrictEqual(
        rels.map((r) => [r.with, r.kind]),
        [[b, 'symbiotic']],
      );
      assert.match(rels[0].note ?? '', /^Virtually all of their activities may be overlapping\./);
      assert.deepStrictEqual(
        builtin(a).relationships?.map((r) => [r.with, r.kind]),
        [[b, 'symbiotic']],
      );
    }
  });

  it('records where each role starts, and has nothing to warn about', () => {
    assert.deepStrictEqual(
      result.roles.map((r) => r.source.line),
      [3, 30],
    );
    assert.ok(result.roles.every((r) => !r.warnings));
  });

  it('the imported role files pass the engine with no error', () => {
    assert.deepStrictEqual(engineErrors(result), []);
  });
});
