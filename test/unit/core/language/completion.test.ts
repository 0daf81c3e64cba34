import * as assert from 'assert';
import { completionsAt, keySnippet, type CompletionOptions } from '../../../../src/core/language/completion';
import { parseFile } from '../../../../src/core/parse';
import type { Role } from '../../../../src/core/types';
import { at, slice } from './helpers';

const roleText = (id: string, title: string, aliases: string[] = []) =>
  `---\nrole: ${id}\ntitle: ${JSON.stringify(title)}\naliases: ${JSON.stringify(aliases)}\ntype: manager\nresponsibilities: [x]\n---\n`;
const ROLES: Role[] = [
  parseFile('file:///h/roles/cto.md', roleText('cto', 'Chief Technology Officer', ['CTO'])).role!,
  parseFile('file:///h/roles/hoe.md', roleText('head-of-engineering', 'Head of Engineering')).role!,
  parseFile('file:///h/roles/sales.md', roleText('sales-europe', 'Sales, Europe')).role!,
];
const SELF = 'file:///h/roles/me.md';

function complete(marked: string, options: Partial<CompletionOptions> = {}) {
  const { text, line, column } = at(marked);
  const r = completionsAt(text, line, column, { roles: ROLES, roleFile: true, selfUri: SELF, ...options });
  return r && { ...r, replaced: slice(text, r.range), labels: r.items.map((i) => i.label) };
}

const HEAD = '---\nrole: me\ntitle: Me\n';

describe('language/completion', () => {
  describe('keys', () => {
    it('offers the top-level keys not yet present, required ones first, with schema docs', () => {
      const c = complete(`${HEAD}‸\n---\n`)!;
      assert.ok(!c.labels.includes('role') && !c.labels.includes('title'));
      assert.deepStrictEqual(
        new Set(c.labels),
        new Set([
          'type',
          'responsibilities',
          'aliases',
          'summary',
          'focus',
          'successCriteria',
          'sharesSuccessCriteriaOf',
          'relationships',
          'extends',
          'level',
          'ladder',
        ]),
      );
      const sorted = [...c.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
      assert.deepStrictEqual(sorted.slice(0, 2), ['type', 'responsibilities']);
      const summary = c.items.find((i) => i.label === 'summary')!;
      assert.match(summary.documentation!, /One line about the role/);
      assert.strictEqual(c.items.find((i) => i.label === 'type')!.required, true);
    });

    it('snippets: enum choices and a first list item, from the schema', () => {
      const c = complete(`${HEAD}‸\n---\n`)!;
      const snippet = (k: string) => c.items.find((i) => i.label === k)!;
      assert.strictEqual(snippet('type').insertText, 'type: ${1|executive,manager,individual-contributor|}');
      assert.strictEqual(snippet('responsibilities').insertText, 'responsibilities:\n  - $1');
      assert.strictEqual(
        snippet('relationships').insertText,
        'relationships:\n  - with: $1\n    kind: ${2|symbiotic,reports-to,manages,peer,advises|}',
      );
      assert.strictEqual(snippet('summary').insertText, 'summary: $1');
      assert.ok(c.items.every((i) => i.snippet && i.kind === 'key'));
    });

    it('replaces the word being typed', () => {
      const c = complete(`${HEAD}resp‸\n---\n`)!;
      assert.strictEqual(c.replaced, 'resp');
      assert.ok(c.labels.includes('responsibilities'));
    });

    it('renaming an existing key inserts the name only', () => {
      const c = complete(`${HEAD}ty‸pe: manager\n---\n`)!;
      assert.strictEqual(c.replaced, 'type');
      const type = c.items.find((i) => i.label === 'type')!;
      assert.deepStrictEqual([type.insertText, type.snippet], ['type', false]);
    });

    it('keys of a relationship item: on the dash line and below it, leaving out present ones', () => {
      const a = complete(`${HEAD}relationships:\n  - ‸\n---\n`)!;
      assert.deepStrictEqual(a.labels, ['with', 'kind', 'note']);
      const b = complete(`${HEAD}relationships:\n  - with: cto\n    ‸\n---\n`)!;
      assert.deepStrictEqual(b.labels, ['kind', 'note']);
      const c = complete(`${HEAD}relationships:\n  - with: cto\n    ‸\n    kind: peer\n  - with: x\n    note: n\n---\n`)!;
      assert.deepStrictEqual(c.labels, ['note']);
      assert.strictEqual(c.items[0].insertText, 'note: $1');
    });

    it('keys of a responsibility object', () => {
      const c = complete(`${HEAD}responsibilities:\n  - text: Plan\n    ‸\n---\n`)!;
      assert.deepStrictEqual(c.labels, ['id', 'area']);
    });

    it('nothing in a list of plain strings, nothing on the closing line, nothing outside role files', () => {
      assert.strictEqual(complete(`${HEAD}focus:\n  - ‸\n---\n`), undefined);
      assert.strictEqual(complete(`${HEAD}‸---\n`), undefined);
      assert.strictEqual(complete(`${HEAD}‸\n---\n`, { roleFile: false }), undefined);
    });

    it('works in an unclosed frontmatter while the file is being written', () => {
      assert.ok(complete(`---\nrole: me\n‸`)!.labels.includes('title'));
    });

    it('keySnippet escapes snippet syntax', () => {
      assert.strictEqual(keySnippet(['x-$a}'], 'x-$a}'), 'x-\\$a\\}: $1');
    });
  });

  describe('enum values', () => {
    it('type: the three kinds with their docs, replacing the typed value', () => {
      const c = complete(`${HEAD}type: man‸\n---\n`)!;
      assert.deepStrictEqual(c.labels, ['executive', 'manager', 'individual-contributor']);
      assert.strictEqual(c.replaced, 'man');
      assert.match(c.items[1].documentation!, /leads people/);
    });

    it('relationships[].kind, and a quoted value keeps its quotes', () => {
      const c = complete(`${HEAD}relationships:\n  - with: cto\n    kind: ‸\n---\n`)!;
      assert.deepStrictEqual(c.labels, ['symbiotic', 'reports-to', 'manages', 'peer', 'advises']);
      const q = complete(`${HEAD}type: "ma‸"\n---\n`)!;
      assert.strictEqual(q.replaced, '"ma"');
      assert.strictEqual(q.items[1].insertText, '"manager"');
    });
  });

  describe('role references', () => {
    it('relationships[].with: ids, aliases and titles of the other roles', () => {
      const c = complete(`${HEAD}relationships:\n  - with: ‸\n---\n`)!;
      assert.deepStrictEqual(
        new Set(c.labels),
        new Set(['cto', 'Chief Technology Officer', 'head-of-engineering', 'Head of Engineering', 'sales-europe', 'Sales, Europe']),
      );
      assert.ok(c.items.every((i) => i.kind === 'role'));
      assert.match(c.items.find((i) => i.label === 'cto')!.documentation!, /\*\*Chief Technology Officer\*\*/);
    });

    it('the same name claimed twice (case-insensitively) is offered once', () => {
      const c = complete(`${HEAD}relationships:\n  - with: ‸\n---\n`)!;
      assert.strictEqual(c.labels.filter((l) => l.toLowerCase() === 'cto').length, 1);
    });

    it("leaves out the document's own role", () => {
      const self = parseFile(SELF, roleText('me', 'Me')).role!;
      const c = complete(`${HEAD}relationships:\n  - with: ‸\n---\n`, { roles: [...ROLES, self] })!;
      assert.ok(!c.labels.includes('me'));
    });

    it('a block list item of sharesSuccessCriteriaOf', () => {
      const c = complete(`${HEAD}sharesSuccessCriteriaOf:\n  - he‸\n---\n`)!;
      assert.strictEqual(c.replaced, 'he');
      assert.ok(c.labels.includes('head-of-engineering'));
    });

    it('a flow list item, quoting names with commas', () => {
      const c = complete(`${HEAD}sharesSuccessCriteriaOf: [cto, Sa‸]\n---\n`)!;
      assert.strictEqual(c.replaced, 'Sa');
      assert.strictEqual(c.items.find((i) => i.label === 'Sales, Europe')!.insertText, '"Sales, Europe"');
      assert.strictEqual(c.items.find((i) => i.label === 'Head of Engineering')!.insertText, 'Head of Engineering');
      assert.strictEqual(complete(`${HEAD}sharesSuccessCriteriaOf: [‸]\n---\n`)!.replaced, '');
    });

    it("extends: role names after the key, quoted when needed, not the document's own role", () => {
      const self = parseFile(SELF, roleText('me', 'Me')).role!;
      const c = complete(`${HEAD}extends: He‸\n---\n`, { roles: [...ROLES, self] })!;
      assert.strictEqual(c.replaced, 'He');
      assert.deepStrictEqual(
        new Set(c.labels),
        new Set(['cto', 'Chief Technology Officer', 'head-of-engineering', 'Head of Engineering', 'sales-europe', 'Sales, Europe']),
      );
      assert.strictEqual(c.items.find((i) => i.label === 'head-of-engineering')!.insertText, 'head-of-engineering');
      const q = complete(`${HEAD}extends: "‸"\n---\n`)!;
      assert.strictEqual(q.replaced, '""');
      assert.strictEqual(q.items.find((i) => i.label === 'cto')!.insertText, '"cto"');
    });

    it('nothing for plain values', () => {
      assert.strictEqual(complete(`${HEAD}summary: ‸\n---\n`), undefined);
    });
  });

  describe('[[links]]', () => {
    it('after [[ in a body: role names, closing the link', () => {
      const c = complete(`${HEAD}---\nSee [[‸\n`)!;
      assert.ok(c.labels.includes('Head of Engineering'));
      assert.strictEqual(c.items.find((i) => i.label === 'Head of Engineering')!.insertText, 'Head of Engineering]]');
    });

    it('inside an existing link: replaces the name, keeps the brackets and the label', () => {
      const c = complete(`${HEAD}---\nSee [[He‸ad]] and\n`)!;
      assert.strictEqual(c.replaced, 'Head');
      assert.strictEqual(c.items.find((i) => i.label === 'cto')!.insertText, 'cto');
      const l = complete(`${HEAD}---\nSee [[He‸|the head]]\n`)!;
      assert.strictEqual(l.items.find((i) => i.label === 'cto')!.insertText, 'cto');
    });

    it('in any Markdown file, not only role files', () => {
      assert.ok(complete('# Notes\n\nAsk the [[c‸', { roleFile: false })!.labels.includes('cto'));
    });

    it('not in a code span or fenced code', () => {
      assert.strictEqual(complete('Use `[[c‸', { roleFile: false }), undefined);
      assert.strictEqual(complete('```\n[[c‸\n', { roleFile: false }), undefined);
      assert.ok(complete('```\n```\n[[c‸\n', { roleFile: false }));
    });

    it('not in the frontmatter, and not without [[', () => {
      assert.strictEqual(complete(`${HEAD}summary: [[c‸\n---\n`), undefined);
      assert.strictEqual(complete(`${HEAD}---\nSee [c‸\n`), undefined);
    });
  });
});
