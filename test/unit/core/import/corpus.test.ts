import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { importPage, type ImportResult, type ImportedRole } from '../../../../src/core/import';
import { PAGES } from './corpusPages';
import { CORPUS, engineErrors, hasText, readFixture, texts } from './helpers';

describe('importer: real handbook pages (vendored under test/fixtures/corpus)', function () {
  it('covers every page of the corpus', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md');
    assert.deepStrictEqual(PAGES.map((p) => p.file).sort(), files.sort());
  });

  for (const spec of PAGES) {
    describe(spec.file, () => {
      let result: ImportResult;
      const role = (id: string): ImportedRole => {
        const found = result.roles.find((r) => r.role === id);
        assert.ok(found, `no role ${id} among ${result.roles.map((r) => r.role).join(', ')}`);
        return found;
      };
      before(function () {
        result = importPage(readFixture(path.join(CORPUS, spec.file)));
      });

      it('finds the roles the page defines, and nothing else', () => {
        assert.deepStrictEqual(
          result.roles.map((r) => r.role),
          spec.roles,
        );
      });

      it('reads a sample of their responsibilities', () => {
        for (const [id, duties] of Object.entries(spec.duties)) {
          const list = texts(role(id));
          for (const fragments of duties)
            assert.ok(hasText(list, ...fragments), `${id}: no duty with ${JSON.stringify(fragments)} in\n  ${list.join('\n  ')}`);
        }
      });

      it('does not take page titles, requirements or other sections as responsibilities', () => {
        const all = result.roles.flatMap((r) => texts(r).map((t) => `${r.role}: ${t}`));
        for (const fragment of spec.notTaken) {
          const hit = all.find((t) => t.toLowerCase().includes(fragment.toLowerCase()));
          assert.ok(!hit, `"${fragment}" was taken: ${hit}`);
        }
      });

      it('leaves no Markdown, HTML or template syntax in the text', () => {
        const all = result.roles.flatMap((r) => [...texts(r), ...r.focus, ...r.successCriteria, r.title, r.summary ?? '']);
        for (const t of all) assert.doesNotMatch(t, /\*\*|\]\(|\{%|\{\{|<\/?[a-z]+[\s>]|&[a-z]+;|^\s|\s$|\s{2}/, t);
      });

      it('gives ids that are kebab-case and unique, and no empty or duplicate entries', () => {
        const ids = result.roles.map((r) => r.role);
        assert.strictEqual(new Set(ids).size, ids.length);
        for (const r of result.roles) {
          assert.match(r.role, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
          const keys = texts(r).map((t) => t.toLowerCase().replace(/\s+/g, ' ').trim());
          assert.strictEqual(new Set(keys).size, keys.length, `${r.role} has duplicates`);
          assert.ok([...texts(r), ...r.focus, ...r.successCriteria, ...r.aliases].every((t) => t.trim().length > 0));
        }
      });

      if (spec.check) it('page-specific facts (titles, types, areas, relations)', () => spec.check!(result, role));

      it('every imported role file passes the engine with no error', () => {
        const errors = engineErrors(result);
        assert.deepStrictEqual(
          errors.map((e) => `${e.uri} ${e.finding.code}: ${e.finding.message}`),
          [],
        );
      });
    });
  }
});
