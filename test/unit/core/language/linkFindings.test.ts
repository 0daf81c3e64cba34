import * as assert from 'assert';
import { unresolvedLinkFindings } from '../../../../src/core/language/linkFindings';
import { HandbookIndex } from '../../../../src/core/handbookIndex';

const ROLE = '---\nrole: head-of-engineering\ntitle: Head of Engineering\naliases: [HoE]\ntype: manager\nresponsibilities: [x]\n---\n';
const BODY = '# Notes\n\nAsk the [[hoe]], the [[Head of Enginering|head]] or [[Nobody]].\n\n`[[Nobody]]`\n';

describe('language/linkFindings: [[links]] in Markdown files that are not role files', () => {
  const index = new HandbookIndex();
  index.set('file:///h/roles/hoe.md', ROLE);
  const resolver = { has: (n: string) => !!index.resolve(n), suggest: (n: string) => index.suggestions(n) };

  it('reports each unresolved link outside code, with suggestions', () => {
    const found = unresolvedLinkFindings(BODY, resolver);
    assert.deepStrictEqual(
      found.map((f) => [f.code, f.severity, f.range.line, f.range.column, f.range.endColumn, f.data?.suggestions]),
      [
        ['unresolved-link', 'warning', 3, 22, 49, ['Head of Engineering', 'head-of-engineering']],
        ['unresolved-link', 'warning', 3, 53, 63, []],
      ],
    );
  });

  it('gives the very findings the index gives for the same body in a role file', () => {
    const roleFile = '---\nrole: notes\ntitle: Notes\ntype: manager\nresponsibilities: [x]\n---\n' + BODY;
    index.set('file:///h/roles/notes.md', roleFile);
    const fromIndex = index.findings('file:///h/roles/notes.md').filter((f) => f.code === 'unresolved-link');
    const mine = unresolvedLinkFindings(roleFile, resolver);
    assert.deepStrictEqual(mine, fromIndex);
    index.delete('file:///h/roles/notes.md');
  });

  it('asks for suggestions only when a link is unresolved, once per unresolved link', () => {
    const asked: string[] = [];
    unresolvedLinkFindings('[[hoe]] [[Nobody]]', { has: resolver.has, suggest: (n) => (asked.push(n), []) });
    assert.deepStrictEqual(asked, ['Nobody']);
  });
});
