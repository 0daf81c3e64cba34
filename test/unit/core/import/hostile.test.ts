/**
 * The importer on hostile or unlucky pages (issue 13): each case finished in seconds or crashed
 * before (quadratic regexes, a rescan per unclosed opener, a stack overflow, no size limit). Time
 * bounds are in CPU time of this process (the machine is shared) and loose, yet far below the
 * tens of seconds (or forever) each case took.
 */
import * as assert from 'assert';
import { IMPORT_LIMITS, decodePage, importPage, pageTooLargeMessage } from '../../../../src/core/import';
import { decodeEntities, replaceLiquid, splitSentences, withoutParentheses } from '../../../../src/core/import/text';

function cpuMs<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

function importWithin(page: string, maxMs: number) {
  const { value, ms } = cpuMs(() => importPage(page));
  assert.ok(ms < maxMs, `took ${Math.round(ms)} ms of CPU (bound ${maxMs} ms)`);
  return value;
}

const role = '# Engineer\n\n';

describe('importer: hostile pages finish quickly, with bounded work', function () {
  this.timeout(60000);

  it('a page of 40,000 `[[` (and one of 2 MB)', () => {
    importWithin(`${role}- ${'[['.repeat(40000)}\n`, 3000);
    importWithin(`${role}${'[['.repeat(1_000_000)}\n`, 8000);
  });

  it('unclosed `<!--`, `{%`, `{{`, `<style` do not rescan to the end for each opener', () => {
    for (const opener of ['<!-- x', '{% x', '{{ x', '<style x', '<script x']) importWithin(`${role}${`${opener}\n`.repeat(50000)}`, 3000);
  });

  it('a heading with 100,000 nested parentheses', () => {
    const r = importWithin(`# ${'('.repeat(100000)}Engineer${')'.repeat(100000)}\n\n- Builds things\n`, 3000);
    assert.deepStrictEqual(r.roles, []);
    assert.strictEqual(withoutParentheses(`Lead ${'('.repeat(50000)}x${')'.repeat(50000)} Engineer`), 'Lead Engineer');
    assert.strictEqual(withoutParentheses('Acquisition (Contracting) Lead (a (b) c) (open'), 'Acquisition Lead (open');
  });

  it('an 8,000-row table (and at most the role limit taken from it)', () => {
    const rows = Array.from({ length: 8000 }, (_, i) => `| Engineer ${i} | Builds thing ${i} and ships it |`).join('\n');
    const r = importWithin(`${role}| Role | Responsibilities |\n|---|---|\n${rows}\n`, 8000);
    assert.strictEqual(r.roles.length, IMPORT_LIMITS.maxRoles);
  });

  it('6 MB of prose', () => {
    importWithin(`${role}${'The engineer builds reliable systems, and reviews code with care. '.repeat(90000)}\n`, 12000);
  });

  it('3 MB of nested `<table><tr><td` and a row of 300,000 cells do not overflow the stack', () => {
    importWithin(`${role}${'<table><tr><td>'.repeat(200000)}\n`, 10000);
    importWithin(`${role}<table>${'<td>x'.repeat(300000)}\n`, 6000);
    importWithin(`${role}- ${'<a'.repeat(300000)}\n`, 3000);
  });

  it('runs of sentence marks and long words split in linear time', () => {
    const { ms } = cpuMs(() => splitSentences(`${'.'.repeat(300000)} ${'a'.repeat(300000)}. Then`));
    assert.ok(ms < 1000, `${ms} ms`);
    assert.deepStrictEqual(splitSentences('Use e.g. this. Then that! Done'), ['Use e.g. this.', 'Then that!', 'Done']);
  });

  it('a page over the size limit gives one line and no roles, without reading it', () => {
    const page = `${role}- Builds things\n`.padEnd(IMPORT_LIMITS.maxPageChars + 1, 'x');
    const r = importWithin(page, 500);
    assert.deepStrictEqual(r, { roles: [], warnings: [pageTooLargeMessage(page.length)] });
    assert.strictEqual(
      pageTooLargeMessage(20 * 1024 * 1024, 'big.md'),
      'big.md is too large to import (20.0 MB; the importer reads pages up to 8.0 MB).',
    );
  });

  it('a 300-character role name gives an id (a file name) within the limit', () => {
    const long = `Principal ${'Distributed Systems '.repeat(14)}Engineer`;
    assert.ok(long.length > 280);
    const r = importPage(`| Role | Responsibilities |\n|---|---|\n| ${long} | Builds the platform |\n`);
    assert.strictEqual(r.roles.length, 1);
    assert.ok(r.roles[0].role.length <= IMPORT_LIMITS.maxIdLength, r.roles[0].role);
    assert.strictEqual(r.roles[0].role, 'principal-distributed-systems-distributed-systems');
    const heading = importPage(`## Senior ${'Platform '.repeat(18)}Engineer\n\n- Builds the platform\n`);
    assert.ok(heading.roles.every((x) => x.role.length <= IMPORT_LIMITS.maxIdLength));
  });

  it('decodes entities with the full HTML table and nothing from the prototype', () => {
    assert.strictEqual(decodeEntities('&constructor; &toString; &__proto__;'), '&constructor; &toString; &__proto__;');
    assert.strictEqual(decodeEntities('R&amp;D &eacute;quipe &#x41;&#66; &rsquo;&nbsp;x &bogus;'), 'R&D équipe AB ’\u00a0x &bogus;');
  });

  it('Liquid tags: labels kept, paths dropped, a tag as link destination becomes #, lines kept', () => {
    assert.strictEqual(
      replaceLiquid('See {% slack_channel "dev" %} and [guide]({% link "a/b.md" %}).\n{%\nx\n%}end {{ page.x }}'),
      'See dev and [guide](#).\n\n\nend ',
    );
  });
});

describe('importer: reading a page that is not UTF-8', () => {
  it('reads Latin-1 as Windows-1252 with a note, not as U+FFFD without a word', () => {
    const bytes = Uint8Array.from(
      [...'# Ing']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xe9],
          [...'nieur en chef'].map((c) => c.charCodeAt(0)),
        ),
    );
    assert.deepStrictEqual(decodePage(bytes, 'roles.md'), {
      text: '# Ingénieur en chef',
      encoding: 'windows-1252',
      note: 'roles.md is not valid UTF-8; read as Latin-1 (Windows-1252). Check accented letters in the imported roles.',
    });
  });

  it('reads UTF-8 (with or without a BOM) and UTF-16 with a BOM as such', () => {
    const utf8 = new TextEncoder().encode('# Ingénieur');
    assert.deepStrictEqual(decodePage(utf8), { text: '# Ingénieur', encoding: 'utf-8' });
    assert.deepStrictEqual(decodePage(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])), { text: '# Ingénieur', encoding: 'utf-8' });
    const le = Uint8Array.from([0xff, 0xfe, ...[...'# Lé'].flatMap((c) => [c.charCodeAt(0), 0])]);
    assert.deepStrictEqual(decodePage(le), { text: '# Lé', encoding: 'utf-16le' });
    const be = Uint8Array.from([0xfe, 0xff, ...[...'# Lé'].flatMap((c) => [0, c.charCodeAt(0)])]);
    assert.deepStrictEqual(decodePage(be), { text: '# Lé', encoding: 'utf-16be' });
  });
});
