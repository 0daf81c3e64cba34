/**
 * `mightBeRoleFile`, the cheap test the CLI and the extension run on every Markdown file: linear on
 * any mix of CRLF, CR and LF (the regex it replaced backtracked exponentially on CRLF frontmatter
 * without a `role` key: 26 lines took 14 s, 40 lines never ended), and it answers as that regex did.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { MIGHT_BE_ROLE_WINDOW, mightBeRoleFile } from '../../../src/core/frontmatter';
import { check, cpuMs, runs } from './support';

/**
 * What the old regex meant, written as a plain loop over split lines: it is the specification the
 * scanner must keep (the regex itself cannot serve as the oracle: it hangs on the inputs we test).
 */
function reference(text: string): boolean {
  const t = text.slice(0, MIGHT_BE_ROLE_WINDOW);
  const body = t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length < 2 || !/^---[ \t]*$/.test(lines[0])) return false;
  return lines.slice(1).some((l) => /^role[ \t]*:/.test(l));
}

/** Jekyll/Hugo-style frontmatter without `role`, `n` lines, with the given line ending. */
function pageFrontmatter(n: number, eol: string): string {
  const lines = ['---'];
  for (let i = 0; i < n; i++) lines.push(`key${i}: value ${i}`);
  lines.push('---', '# A page', '');
  return lines.join(eol);
}

describe('mightBeRoleFile: a linear line scanner', () => {
  it('CRLF frontmatter of 40 and 4,000 lines without role: false in a few milliseconds (was: never ended)', () => {
    for (const n of [26, 40, 4000]) {
      const text = pageFrontmatter(n, '\r\n');
      const { value, ms } = cpuMs(() => mightBeRoleFile(text));
      assert.strictEqual(value, false);
      assert.ok(ms < 50, `${n} lines: ${ms} ms`);
    }
  });

  it('finds role after CRLF, CR and LF lines, and on the first line after ---', () => {
    assert.strictEqual(mightBeRoleFile('---\r\nrole: cto\r\n---\r\n'), true);
    assert.strictEqual(mightBeRoleFile('---\rx: 1\rrole\t : cto\r---\r'), true);
    assert.strictEqual(mightBeRoleFile(`${pageFrontmatter(40, '\r\n')}\r\nrole: late`), true, 'any later line, as before');
    assert.strictEqual(mightBeRoleFile('--- \t\nrole:'), true);
    assert.strictEqual(mightBeRoleFile('---'), false);
    assert.strictEqual(mightBeRoleFile('---\n'), false);
    assert.strictEqual(mightBeRoleFile('---\nrole'), false);
    assert.strictEqual(mightBeRoleFile('---\nroles: x'), false);
    assert.strictEqual(mightBeRoleFile('----\nrole: x'), false);
    assert.strictEqual(mightBeRoleFile('\uFEFF\uFEFF---\nrole: x'), false);
    assert.strictEqual(mightBeRoleFile(''), false);
  });

  it('looks at the first 64 KB only', () => {
    const pad = 'x: 1\r\n'.repeat(Math.ceil(MIGHT_BE_ROLE_WINDOW / 6));
    assert.strictEqual(mightBeRoleFile(`---\r\n${pad}role: x\r\n`), false);
    const fits = `---\n${'x'.repeat(MIGHT_BE_ROLE_WINDOW - 10)}\nrole:`;
    assert.strictEqual(fits.length, MIGHT_BE_ROLE_WINDOW);
    assert.strictEqual(mightBeRoleFile(fits), true);
    assert.strictEqual(mightBeRoleFile(`${fits.slice(0, -1)}x:`), false, 'the colon past the window');
  });

  it('property: agrees with the specification on CRLF/CR/LF mixes, repetition and near misses, in bounded time', () => {
    const piece = fc.constantFrom(
      '\r\n',
      '\r',
      '\n',
      '\r\r\n',
      '\n\r',
      '---',
      'role',
      'role:',
      'role :',
      'role\t:',
      ' role:',
      'rol',
      'e:',
      ':',
      ' ',
      '\t',
      'x: 1',
      '\uFEFF',
      '-',
    );
    const doc = fc
      .tuple(
        fc.constantFrom('', '\uFEFF'),
        fc.constantFrom('---', '--- ', '---\t', '--', '----', ''),
        fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 200 })), { maxLength: 30 }),
      )
      .map(([bom, open, parts]) => bom + open + parts.map(([p, n]) => (n > 150 ? p.repeat(n * 20) : p)).join(''));
    check(
      'mightBeRoleFile = specification',
      fc.property(doc, (text) => {
        const { value, ms } = cpuMs(() => mightBeRoleFile(text));
        assert.strictEqual(value, reference(text), JSON.stringify(text.slice(0, 200)));
        assert.ok(ms < 50, `${ms} ms on ${text.length} chars`);
      }),
      runs(400),
    );
  });
});
