import * as assert from 'assert';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { planRename, renameEdits, renamedFile, type OtherMarkdown, type RenameResult } from '../../../../src/core/language/rename';
import { isRefusal, nameTargetAt, NOT_A_NAME, type Refusal } from '../../../../src/core/language/roleAt';
import { applyTextEdits } from '../../../../src/core/language/textEdits';
import { at } from './helpers';

const CTO_URI = 'file:///h/roles/cto.md';
const HOE_URI = 'file:///h/roles/head-of-engineering.md';
const VP_URI = 'file:///h/roles/vp.md';

const CTO = [
  '---',
  'role: cto',
  'title: Chief Technology Officer # the top of tech',
  "aliases: [CTIO, 'Tech Chief']",
  'type: executive',
  'responsibilities:',
  '  - Communicate the technology vision',
  '---',
  '',
  'The [[CTIO]] is also the [[cto|chief]]. `[[CTIO]]` in code is not a link.',
  '',
].join('\n');

const HOE = [
  '---',
  'role: head-of-engineering',
  'title: "Head of Engineering"',
  'type: manager',
  'responsibilities:',
  '  - Run engineering',
  'sharesSuccessCriteriaOf: [cto]',
  'relationships:',
  '  - with: Chief Technology Officer # comment kept',
  '    kind: reports-to',
  '  - with: "cto"',
  '    kind: peer',
  '---',
  '',
  'Works with the [[Chief Technology Officer|boss]] and [[ CTIO ]].',
  '',
].join('\n');

const VP = [
  '---',
  'role: vp',
  'title: VP Engineering',
  'type: manager',
  'responsibilities:',
  '  - Run things',
  "sharesSuccessCriteriaOf: ['CTIO']",
  '---',
  '',
].join('\n');

function handbook(files: Record<string, string>): HandbookIndex {
  const index = new HandbookIndex();
  for (const [uri, text] of Object.entries(files)) index.set(uri, text);
  return index;
}

/** Renames at the `‸` of one file (the file as marked) and returns the result. */
function rename(
  files: Record<string, string>,
  uri: string,
  newName: string,
  others: OtherMarkdown[] = [],
  renameFile = false,
): { result: RenameResult | Refusal; texts: Record<string, string> } {
  const marked = files[uri];
  const { text, line, column } = at(marked);
  const texts = { ...files, [uri]: text };
  const index = handbook(texts);
  const target = nameTargetAt(index, uri, text, line, column, true);
  if (isRefusal(target)) return { result: target, texts };
  const plan = planRename(index, target, newName);
  if (isRefusal(plan)) return { result: plan, texts };
  return { result: renameEdits(plan, (u) => texts[u], others, { renameFile }), texts };
}

function applied(result: RenameResult | Refusal, texts: Record<string, string>): Record<string, string> {
  assert.ok(!isRefusal(result), isRefusal(result) ? result.error : '');
  const out: Record<string, string> = {};
  for (const f of result.files) out[f.uri] = applyTextEdits(texts[f.uri], f.edits);
  return out;
}

describe('language/rename', () => {
  it('an alias: its declaration and every reference and link using it, in every file; labels, quoting and comments kept', () => {
    const { result, texts } = rename({ [CTO_URI]: CTO.replace('[CTIO,', '[C‸TIO,'), [HOE_URI]: HOE, [VP_URI]: VP }, CTO_URI, 'Chief Tech');
    assert.ok(!isRefusal(result));
    assert.deepStrictEqual(
      result.files.map((f) => [f.uri, f.edits.map((e) => [e.range.line, e.range.column, e.range.endLine, e.range.endColumn, e.newText])]),
      [
        [
          CTO_URI,
          [
            [4, 11, 4, 15, 'Chief Tech'],
            [10, 7, 10, 11, 'Chief Tech'],
          ],
        ],
        [HOE_URI, [[15, 57, 15, 61, 'Chief Tech']]],
        [VP_URI, [[7, 27, 7, 33, "'Chief Tech'"]]],
      ],
    );
    const out = applied(result, texts);
    assert.strictEqual(out[CTO_URI], CTO.replace('[CTIO,', '[Chief Tech,').replace('The [[CTIO]]', 'The [[Chief Tech]]'));
    assert.strictEqual(out[HOE_URI], HOE.replace('[[ CTIO ]]', '[[ Chief Tech ]]'));
    assert.strictEqual(out[VP_URI], VP.replace("['CTIO']", "['Chief Tech']"));
  });

  it('the id from a reference: declaration, plain and double-quoted references and the labelled link; [[cto|chief]] keeps its label', () => {
    const hoe = HOE.replace('[cto]', '[c‸to]');
    const { result, texts } = rename({ [CTO_URI]: CTO, [HOE_URI]: hoe, [VP_URI]: VP }, HOE_URI, 'chief-technology-officer');
    const out = applied(result, texts);
    assert.deepStrictEqual(Object.keys(out), [CTO_URI, HOE_URI]);
    assert.strictEqual(
      out[CTO_URI],
      CTO.replace('role: cto', 'role: chief-technology-officer').replace('[[cto|chief]]', '[[chief-technology-officer|chief]]'),
    );
    assert.strictEqual(
      out[HOE_URI],
      HOE.replace('[cto]', '[chief-technology-officer]').replace('with: "cto"', 'with: "chief-technology-officer"'),
    );
  });

  it('the title from a [[link|label]]: a comment after the plain title is kept', () => {
    const hoe = HOE.replace('[[Chief Technology Officer|boss]]', '[[Chief Tech‸nology Officer|boss]]');
    const { result, texts } = rename({ [CTO_URI]: CTO, [HOE_URI]: hoe }, HOE_URI, 'Technology Chief');
    const out = applied(result, texts);
    assert.strictEqual(out[CTO_URI], CTO.replace('title: Chief Technology Officer #', 'title: Technology Chief #'));
    assert.strictEqual(
      out[HOE_URI],
      HOE.replace('with: Chief Technology Officer #', 'with: Technology Chief #').replace(
        '[[Chief Technology Officer|boss]]',
        '[[Technology Chief|boss]]',
      ),
    );
  });

  it('re-quotes a plain scalar when the new name needs it, in block and flow context; single quotes double a quote', () => {
    const files = { [CTO_URI]: CTO.replace('title: Chief', 'title: Ch‸ief'), [HOE_URI]: HOE };
    const { result, texts } = rename(files, CTO_URI, 'CTO: acting, #1');
    const out = applied(result, texts);
    assert.ok(out[CTO_URI].includes('title: "CTO: acting, #1" # the top of tech\n'));
    assert.ok(out[HOE_URI].includes('  - with: "CTO: acting, #1" # comment kept\n'));
    assert.ok(out[HOE_URI].includes('[[CTO: acting, #1|boss]]'));

    const flow = rename({ [CTO_URI]: CTO.replace("'Tech Chief'", "'Tech Ch‸ief'") }, CTO_URI, "Chief's, Tech");
    assert.ok(applied(flow.result, flow.texts)[CTO_URI].includes("aliases: [CTIO, 'Chief''s, Tech']\n"));
    const plainFlow = rename({ [CTO_URI]: CTO.replace('[CTIO,', '[C‸TIO,') }, CTO_URI, 'A, B');
    assert.ok(applied(plainFlow.result, plainFlow.texts)[CTO_URI].includes('aliases: ["A, B", \'Tech Chief\']\n'));
  });

  it('keeps CRLF line endings and the BOM of every file', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const files = { [CTO_URI]: '\uFEFF' + crlf(CTO.replace('role: cto', 'role: ct‸o')), [HOE_URI]: crlf(HOE) };
    const { result, texts } = rename(files, CTO_URI, 'chief');
    assert.ok(!isRefusal(result));
    assert.deepStrictEqual(
      result.files[0].edits.map((e) => [e.range.line, e.range.column, e.range.endColumn, e.newText]),
      [
        [2, 7, 10, 'chief'],
        [10, 28, 31, 'chief'],
      ],
    );
    const out = applied(result, texts);
    assert.strictEqual(out[CTO_URI], '\uFEFF' + crlf(CTO.replace('role: cto', 'role: chief').replace('[[cto|chief]]', '[[chief|chief]]')));
    assert.strictEqual(out[HOE_URI], crlf(HOE.replace('[cto]', '[chief]').replace('"cto"', '"chief"')));
  });

  it('references in other Markdown files (linksInAllMarkdown) follow too', () => {
    const notes = { uri: 'file:///h/notes.md', text: 'Ask the [[CTIO|tech boss]] or [[Other]].\n' };
    const { result, texts } = rename({ [CTO_URI]: CTO.replace('[CTIO,', '[C‸TIO,') }, CTO_URI, 'Chief Tech', [notes]);
    assert.ok(!isRefusal(result));
    assert.deepStrictEqual(
      result.files.map((f) => f.uri),
      [notes.uri, CTO_URI],
    );
    assert.strictEqual(applyTextEdits(notes.text, result.files[0].edits), 'Ask the [[Chief Tech|tech boss]] or [[Other]].\n');
    assert.ok(texts);
  });

  it('extends: a reference key like the others', () => {
    const ladder = [
      '---',
      'role: senior',
      'title: Senior',
      'type: manager',
      'responsibilities: [Lead]',
      'extends: CTIO',
      "sharesSuccessCriteriaOf: ['cto']",
      '---',
      'Above: [[CTIO]].',
      '',
    ].join('\n');
    const { result, texts } = rename(
      { [CTO_URI]: CTO.replace('role: cto', 'role: c‸to'), 'file:///h/roles/senior.md': ladder },
      CTO_URI,
      'chief',
    );
    const out = applied(result, texts);
    // `extends: CTIO` uses the alias, not the id: it stays.
    assert.strictEqual(out['file:///h/roles/senior.md'], ladder.replace("['cto']", "['chief']"));
    const byAlias = rename({ [CTO_URI]: CTO.replace('[CTIO,', '[C‸TIO,'), 'file:///h/roles/senior.md': ladder }, CTO_URI, 'Chief');
    assert.strictEqual(
      applied(byAlias.result, byAlias.texts)['file:///h/roles/senior.md'],
      ladder.replace('extends: CTIO', 'extends: Chief').replace('[[CTIO]]', '[[Chief]]'),
    );
  });

  it('a file whose only use of the name is `extends` is found through the index and renamed', () => {
    const rung = [
      '---',
      'role: rung',
      'title: Rung',
      'type: manager',
      'responsibilities: [Climb]',
      "extends: 'Tech Chief' # the rung below",
      '---',
      '',
    ].join('\n');
    const { result, texts } = rename(
      { [CTO_URI]: CTO.replace("'Tech Chief'", "'Tech C‸hief'"), 'file:///h/roles/rung.md': rung },
      CTO_URI,
      'Tech Boss',
    );
    assert.strictEqual(applied(result, texts)['file:///h/roles/rung.md'], rung.replace("'Tech Chief'", "'Tech Boss'"));
  });

  it('a name another role wins (duplicate-role) renames the declaration only: links keep their role', () => {
    const other = [
      '---',
      'role: acting-cto',
      'title: Acting',
      'aliases: [Tech Chief]',
      'type: manager',
      'responsibilities: [Act]',
      '---',
      'See [[Tech Chief]].',
      '',
    ].join('\n');
    // file:///h/roles/a.md sorts first, so "Tech Chief" resolves to it.
    const { result, texts } = rename(
      { [CTO_URI]: CTO.replace("'Tech Chief'", "'Tech C‸hief'"), 'file:///h/roles/a.md': other },
      CTO_URI,
      'Tech Boss',
    );
    const out = applied(result, texts);
    assert.deepStrictEqual(Object.keys(out), [CTO_URI]);
    assert.strictEqual(out[CTO_URI], CTO.replace("'Tech Chief'", "'Tech Boss'"));
  });

  it('a name the role also holds another way (id `cto`, alias `CTO`): only the declaration changes, references keep leading to the role', () => {
    const cto = CTO.replace('[CTIO,', '[C‸TO,');
    const { result, texts } = rename({ [CTO_URI]: cto, [HOE_URI]: HOE }, CTO_URI, 'Chief Tech');
    const out = applied(result, texts);
    assert.deepStrictEqual(Object.keys(out), [CTO_URI]);
    assert.strictEqual(out[CTO_URI], CTO.replace('[CTIO,', '[Chief Tech,'));
  });

  it('renames the file along with the id when asked and the file is named after it', () => {
    const files = { [CTO_URI]: CTO.replace('role: cto', 'role: ‸cto') };
    const on = rename(files, CTO_URI, 'chief', [], true).result;
    assert.ok(!isRefusal(on));
    assert.deepStrictEqual(on.fileRename, { from: CTO_URI, to: 'file:///h/roles/chief.md' });
    const off = rename(files, CTO_URI, 'chief').result;
    assert.ok(!isRefusal(off) && off.fileRename === undefined);
    const title = rename({ [CTO_URI]: CTO.replace('title: Chief', 'title: ‸Chief') }, CTO_URI, 'Chief', [], true).result;
    assert.ok(!isRefusal(title) && title.fileRename === undefined);
    assert.strictEqual(renamedFile('file:///h/roles/other.md', 'cto', 'chief'), undefined);
    assert.strictEqual(renamedFile('file:///h/roles/cto.markdown', 'cto', 'chief'), 'file:///h/roles/chief.markdown');
  });

  describe('refusals', () => {
    const files = { [CTO_URI]: CTO, [HOE_URI]: HOE, [VP_URI]: VP };
    const refusal = (uri: string, marked: string, newName: string, others: OtherMarkdown[] = []) => {
      const r = rename({ ...files, [uri]: marked }, uri, newName, others).result;
      assert.ok(isRefusal(r), 'expected a refusal');
      return r.error;
    };

    it('positions that name no role', () => {
      assert.strictEqual(refusal(CTO_URI, CTO.replace('type: executive', 'type: exec‸utive'), 'x'), NOT_A_NAME);
      assert.strictEqual(refusal(CTO_URI, CTO.replace('The [[CTIO]]', 'T‸he [[CTIO]]'), 'x'), NOT_A_NAME);
      assert.strictEqual(refusal(CTO_URI, CTO.replace('`[[CTIO]]`', '`[[C‸TIO]]`'), 'x'), NOT_A_NAME);
      assert.strictEqual(refusal(CTO_URI, CTO.replace('The [[CTIO]]', 'The [[No‸body]]'), 'x'), '"Nobody" names no role in the handbook.');
    });

    it('an empty name, an id that is not kebab-case, a name links cannot hold', () => {
      assert.strictEqual(refusal(CTO_URI, CTO.replace('title: Chief', 'title: ‸Chief'), '  '), 'The new title is empty.');
      assert.strictEqual(
        refusal(CTO_URI, CTO.replace('role: cto', 'role: ‸cto'), 'Chief Tech'),
        '"Chief Tech" is not a valid role id: use kebab-case (lowercase letters and digits joined by single hyphens), e.g. "chief-tech".',
      );
      assert.strictEqual(
        refusal(CTO_URI, CTO.replace('[CTIO,', '[‸CTIO,'), 'A|B'),
        '"A|B" cannot be a role name: [[links]] cannot hold "[", "]", "|" or a line break.',
      );
    });

    it('a name another role holds (any of id, title, alias; any case)', () => {
      assert.strictEqual(
        refusal(CTO_URI, CTO.replace('[CTIO,', '[‸CTIO,'), 'vp engineering'),
        '"vp engineering" is already a name of role "vp" (VP Engineering): role ids, titles and aliases must be unique.',
      );
      assert.strictEqual(
        refusal(HOE_URI, HOE.replace('role: head', 'role: ‸head'), 'vp'),
        '"vp" is already a name of role "vp" (VP Engineering): role ids, titles and aliases must be unique.',
      );
    });

    it('a name that unresolved references or links already use: they would start naming this role', () => {
      files[HOE_URI] = HOE.replace('and [[ CTIO ]]', 'and [[Head of Data]]');
      assert.strictEqual(
        refusal(CTO_URI, CTO.replace('title: Chief', 'title: ‸Chief'), 'head of data'),
        '"head of data" is already used by references or links in 1 file where it names no role: after this rename they would name "cto" (Chief Technology Officer). Choose another name, or change them first.',
      );
      assert.ok(
        refusal(CTO_URI, CTO.replace('title: Chief', 'title: ‸Chief'), 'Head of Data').startsWith(
          '"Head of Data" is already used by references or links in 1 file',
        ),
      );
      files[HOE_URI] = HOE;
      assert.ok(
        refusal(CTO_URI, CTO.replace('title: Chief', 'title: ‸Chief'), 'Head of Data', [
          { uri: 'file:///h/notes.md', text: '[[head of data]]\n' },
        ]).startsWith('"Head of Data" is already used by references or links in 1 file'),
      );
    });

    it('a block-scalar title, and a built-in role', () => {
      const block = CTO.replace('title: Chief Technology Officer # the top of tech', 'title: >-\n  Chief Technology Officer');
      const r = rename({ [CTO_URI]: block.replace('[CTIO,', '[‸CTIO,') }, CTO_URI, 'x').result;
      assert.ok(!isRefusal(r));
      const t = rename({ [CTO_URI]: block.replace('role: cto', 'role: cto\n# ‸') }, CTO_URI, 'x').result;
      assert.ok(isRefusal(t));
      const index = new HandbookIndex();
      index.set('handbook-builtin:/cto.md', CTO, { builtin: true });
      const target = nameTargetAt(index, 'handbook-builtin:/cto.md', CTO, 2, 8, true);
      assert.ok(!isRefusal(target));
      assert.deepStrictEqual(planRename(index, target, 'chief'), {
        error: 'Built-in roles are read-only: copy the role into your handbook to rename it.',
        reason: 'builtin',
      });
    });
  });

  it('prepare: the range and placeholder of the name (inside quotes), on declarations, references and links', () => {
    const index = handbook({ [CTO_URI]: CTO, [HOE_URI]: HOE });
    const pick = (marked: string, uri = HOE_URI) => {
      const { text, line, column } = at(marked);
      const t = nameTargetAt(index, uri, text, line, column, true);
      return isRefusal(t) ? t : [t.role.id, t.kind, t.placeholder, t.range.line, t.range.column, t.range.endColumn, t.onDeclaration];
    };
    assert.deepStrictEqual(pick(HOE.replace('title: "Head', 'title: "He‸ad')), [
      'head-of-engineering',
      'title',
      'Head of Engineering',
      3,
      9,
      28,
      true,
    ]);
    assert.deepStrictEqual(pick(HOE.replace('with: "cto"', 'with: "ct‸o"')), ['cto', 'id', 'cto', 11, 12, 15, false]);
    assert.deepStrictEqual(pick(HOE.replace('[[ CTIO ]]', '[[ CTIO‸ ]]')), ['cto', 'alias', 'CTIO', 15, 57, 61, false]);
    assert.deepStrictEqual(pick(CTO.replace("'Tech Chief'", "'Tech Chief‸'"), CTO_URI), ['cto', 'alias', 'Tech Chief', 4, 18, 28, true]);
  });
});
