import * as assert from 'assert';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { roleReferences, type RolePlace } from '../../../../src/core/language/references';
import { Cancelled } from '../../../../src/core/cancellation';
import { workspaceSymbols, fuzzyMatches } from '../../../../src/core/language/workspaceSymbols';

const CTO_URI = 'file:///h/roles/cto.md';
const HOE_URI = 'file:///h/roles/hoe.md';
const A_URI = 'file:///h/roles/a.md';

const CTO = [
  '---',
  'role: cto',
  'title: Chief Technology Officer',
  'aliases: [CTIO]',
  'type: executive',
  'responsibilities:',
  '  - text: Define the architecture',
  '    id: architecture',
  '  - Hire',
  '---',
  'The [[CTIO]] and [[Head of Engineering]].',
  '',
].join('\n');

const HOE = [
  '---',
  'role: hoe',
  'title: Head of Engineering',
  'type: manager',
  'responsibilities: [Run]',
  'sharesSuccessCriteriaOf: [cto]',
  'relationships:',
  '  - with: Chief Technology Officer',
  '    kind: reports-to',
  '---',
  'See [[ctio|the CTO]], [[Lead]] and `[[cto]]`.',
  '',
].join('\n');

/** Claims "Lead" and, sorting first, wins it over nobody; also claims "CTIO" and wins it from cto. */
const A = ['---', 'role: a', 'title: Lead', 'aliases: [ctio]', 'type: manager', 'responsibilities: [Lead]', '---', ''].join('\n');

const show = (places: RolePlace[]) =>
  places.map(
    (p) => `${p.uri.slice(p.uri.lastIndexOf('/') + 1)} ${p.range.line}:${p.range.column}-${p.range.endLine}:${p.range.endColumn} ${p.name}`,
  );

describe('language/references', () => {
  const index = new HandbookIndex();
  index.set(CTO_URI, CTO);
  index.set(HOE_URI, HOE);

  it('every place naming the role, by any of its names, grouped by file in text order', () => {
    const refs = roleReferences(index, index.resolve('cto')!);
    assert.deepStrictEqual(show(refs.declarations), [
      'cto.md 2:7-2:10 cto',
      'cto.md 3:8-3:32 Chief Technology Officer',
      'cto.md 4:11-4:15 CTIO',
    ]);
    assert.deepStrictEqual(show(refs.references), ['hoe.md 6:27-6:30 cto', 'hoe.md 8:11-8:35 Chief Technology Officer']);
    assert.deepStrictEqual(show(refs.links), ['cto.md 11:5-11:13 CTIO', 'hoe.md 11:5-11:21 ctio']);
  });

  it('links in other Markdown files; a name another role wins is not counted', () => {
    const withA = new HandbookIndex();
    for (const [u, t] of [
      [CTO_URI, CTO],
      [HOE_URI, HOE],
      [A_URI, A],
    ])
      withA.set(u, t);
    const others = [{ uri: 'file:///h/notes.md', text: '[[Chief technology officer]] `[[cto]]`\n```\n[[cto]]\n```\n[[cto]]\n' }];
    const refs = roleReferences(withA, withA.resolve('cto')!, others);
    // "CTIO" leads to role a (a.md sorts first): cto's [[CTIO]] and hoe's [[ctio]] are not its links.
    assert.deepStrictEqual(show(refs.links), ['notes.md 1:1-1:29 Chief technology officer', 'notes.md 5:1-5:8 cto']);
    assert.deepStrictEqual(show(roleReferences(withA, withA.resolve('Lead')!).links), [
      'cto.md 11:5-11:13 CTIO',
      'hoe.md 11:5-11:21 ctio',
      'hoe.md 11:23-11:31 Lead',
    ]);
  });

  it('stops when cancelled', () => {
    assert.throws(() => roleReferences(index, index.resolve('cto')!, [], { isCancellationRequested: true }), Cancelled);
  });
});

describe('language/workspaceSymbols', () => {
  const index = new HandbookIndex();
  index.set(CTO_URI, CTO);
  index.set(HOE_URI, HOE);
  const names = (q: string) =>
    workspaceSymbols(index.roles(), q).map((s) => `${s.kind} ${s.name} [${s.containerName}] ${s.range.line}:${s.range.column}`);

  it('roles by title, id and alias; responsibilities by id with their role as container', () => {
    assert.deepStrictEqual(names(''), [
      'role Chief Technology Officer [cto] 3:8',
      'role cto [Chief Technology Officer] 2:7',
      'role CTIO [Chief Technology Officer] 4:11',
      'responsibility architecture [Chief Technology Officer] 7:11',
      'role Head of Engineering [hoe] 3:8',
      'role hoe [Head of Engineering] 2:7',
    ]);
    assert.deepStrictEqual(names('cto'), [
      'role Chief Technology Officer [cto] 3:8',
      'role cto [Chief Technology Officer] 2:7',
      'role CTIO [Chief Technology Officer] 4:11',
    ]);
    assert.deepStrictEqual(names('arch'), ['responsibility architecture [Chief Technology Officer] 7:11']);
    assert.deepStrictEqual(names('head eng'), ['role Head of Engineering [hoe] 3:8']);
  });

  it('a fuzzy match keeps characters in order', () => {
    assert.strictEqual(fuzzyMatches('hoe', 'Head of Engineering'), true);
    assert.strictEqual(fuzzyMatches('eoh', 'Head of Engineering'), false);
    assert.deepStrictEqual(workspaceSymbols(index.roles(), '', undefined, 2).length, 2);
  });
});
