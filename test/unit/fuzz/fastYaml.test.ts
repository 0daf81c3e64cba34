/**
 * Differential tests of the fast YAML path against the `yaml` package: whenever the fast path
 * accepts a text, `yaml` reads it without error or warning, into the same nodes (kinds, ranges,
 * scalar types, flow flags) and the same value. And it does accept the role files people write.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../../src/core/fastYaml';
import { parseFile } from '../../../src/core/parse';
import { applyEdit, check, fragment, renderRole, roleSpec, runs } from './support';

const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, keepSourceTokens: false, logLevel: 'error' } as const;

/** The shape of a node tree as the engine reads it. */
function dump(node: unknown): unknown {
  if (isPair(node)) return ['pair', dump(node.key), dump(node.value)];
  if (isMap(node)) return ['map', node.range, !!node.flow, node.items.map(dump)];
  if (isSeq(node)) return ['seq', node.range, !!node.flow, node.items.map(dump)];
  if (isScalar(node)) return ['scalar', node.range, node.type, node.value, typeof node.value];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what an unexpected node prints is enough to tell two apart
  return node === null || node === undefined ? null : ['other', String(node)];
}

function frontmatterOf(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const close = lines.indexOf('---', 1);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return lines.slice(1, close < 0 ? undefined : close).join(eol) + eol;
}

/** Asserts the fast path agrees with `yaml`; returns whether it took the text. */
function agrees(src: string): boolean {
  const fast = parseSimpleYaml(src, OPTIONS);
  if (!fast) return false;
  const ref = parseDocument(src, OPTIONS);
  assert.deepStrictEqual(
    [...ref.errors, ...ref.warnings].map((e) => e.message),
    [],
    `yaml rejects what the fast path took: ${JSON.stringify(src)}`,
  );
  assert.deepStrictEqual(dump(fast.doc.contents), dump(ref.contents), `nodes of ${JSON.stringify(src)}`);
  assert.deepStrictEqual(fast.data, ref.toJS(), `value of ${JSON.stringify(src)}`);
  assert.deepStrictEqual(fast.doc.toJS(), ref.toJS());
  return true;
}

/** Keys and values near the fast path's edges: both sides of every rule. */
const KEYS = ['role', 'title', 'a', 'x-y', 'k_1', 'true', 'null', '__proto__', '"q"', 'a b', 'a:b', '1'];
const VALUES = [
  'cto',
  'Chief Technology Officer',
  'Tech  Lead',
  '"quoted"',
  '"esc \\" \\\\ \\n \\u00e9"',
  '"bad \\x41"',
  "'single ''q'''",
  "'open",
  '[a, b]',
  '[ a , "b" , \'c\' ]',
  '[]',
  '[a,]',
  '[a, [b]]',
  '[a: b]',
  '[a:b]',
  '[a:]',
  '[x#y]',
  '[a #b]',
  '[-a]',
  '[1]',
  '{a: 1}',
  '1',
  '-1',
  '.5',
  '~',
  'null',
  'True',
  'yes',
  'http://x.y/z',
  'a: b',
  'a #c',
  '#c',
  'a#b',
  'C#',
  '&anchor x',
  '*alias',
  '!tag x',
  '|',
  '>-',
  '- x',
  '-x',
  '?x',
  '@x',
  '`x`',
  '%x',
  'é ü 中文 😀',
  'x   ',
  '',
];
const SAFE_VALUES = [
  'cto',
  'Chief Technology Officer',
  'Tech  Lead',
  '"quoted"',
  '"esc \\" \\\\ \\u00e9"',
  "'single ''q'''",
  '[a, b]',
  '[ a , "b" , \'c\' ]',
  '[]',
  'http://x.y/z',
  'C#',
  'é ü 中文 😀',
  'x   ',
];

type Tree =
  | { kind: 'scalar'; text: string }
  | { kind: 'block'; header: string; lines: string[] }
  | { kind: 'map'; entries: [string, Tree][] }
  | { kind: 'seq'; items: Tree[]; compact: boolean };

/** Block scalars: headers and content lines near the fast path's edges. */
const block = fc
  .record({
    header: fc.constantFrom('>-', '>', '|', '|-', '>+', '|2', '> # c', '>-  '),
    lines: fc.array(
      fc.constantFrom('one two', 'three: four', '# not a comment', '- dash', '  more indented', '', 'trailing  ', 'é 😀', '"quoted"'),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((b) => ({ kind: 'block' as const, ...b }));

const tree = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 8, arbitrary: fc.constantFrom(...SAFE_VALUES).map((text) => ({ kind: 'scalar' as const, text })) },
    { weight: 3, arbitrary: fc.constantFrom(...VALUES).map((text) => ({ kind: 'scalar' as const, text })) },
    { weight: 2, arbitrary: block },
    { weight: 2, arbitrary: tie('map') },
    { weight: 2, arbitrary: tie('seq') },
  ),
  map: fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom('role', 'title', 'a', 'x-y', 'k_1') },
          { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
        ),
        tie('tree'),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((entries) => ({ kind: 'map' as const, entries })),
  seq: fc
    .tuple(fc.array(tie('tree'), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([items, compact]) => ({ kind: 'seq' as const, items, compact })),
})).map;

/** Renders a tree as block YAML with `step` spaces of indentation. */
function render(t: Tree, indent: number, step: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (t.kind === 'map') {
    for (const [k, v] of t.entries) {
      if (v.kind === 'scalar') out.push(`${pad}${k}: ${v.text}`);
      else if (v.kind === 'block') out.push(`${pad}${k}: ${v.header}`, ...v.lines.map((l) => (l ? `${pad}${' '.repeat(step)}${l}` : '')));
      else {
        out.push(`${pad}${k}:`);
        render(v, v.kind === 'seq' && v.compact ? indent : indent + step, step, out);
      }
    }
  } else if (t.kind === 'seq') {
    for (const item of t.items) {
      if (item.kind === 'scalar') out.push(`${pad}- ${item.text}`);
      else if (item.kind === 'block') out.push(`${pad}- ${item.header}`, ...item.lines.map((l) => `${pad}  ${l}`));
      else if (item.kind === 'map') {
        const inner: string[] = [];
        render(item, indent + 2, step, inner);
        out.push(`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1));
      } else {
        out.push(`${pad}-`);
        render(item, indent + step, step, out);
      }
    }
  } else if (t.kind === 'scalar') {
    out.push(`${pad}${t.text}`);
  }
}

const yamlDoc = fc
  .tuple(tree, fc.constantFrom(1, 2, 4), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(), { maxLength: 2 }))
  .map(([t, step, eol, last, blanks]) => {
    const out: string[] = [];
    render(t, 0, step, out);
    for (const b of blanks) out.splice(b % (out.length + 1), 0, b % 3 ? '' : '   ');
    return out.join(eol) + (last ? eol : '');
  });

describe('fuzz: the fast YAML path against the yaml package', () => {
  it('takes the role files people write (generated roles, the built-in handbook)', () => {
    let taken = 0;
    const samples = fc.sample(roleSpec, { numRuns: 200, seed: 1 });
    for (const spec of samples) if (agrees(frontmatterOf(renderRole(spec)))) taken++;
    assert.ok(taken >= 190, `took ${taken} of 200 generated role files`);
    const fs = require('fs') as typeof import('fs');
    const path = require('path') as typeof import('path');
    const dir = path.join(__dirname, '..', '..', '..', 'builtin', 'roles');
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(agrees(frontmatterOf(text)), `${f} is on the fast path`);
    }
  });

  it('whatever it takes, yaml reads the same nodes, ranges and value (generated YAML trees)', () => {
    let taken = 0;
    let total = 0;
    check(
      'fast yaml: trees',
      fc.property(yamlDoc, (src) => {
        total++;
        if (agrees(src)) taken++;
      }),
      runs(1500, 3),
    );
    assert.ok(taken >= total / 10, `the fast path took ${taken} of ${total}: too few to compare`);
  });

  it('whatever it takes, yaml agrees (mutated role frontmatter)', () => {
    let taken = 0;
    let total = 0;
    const edit = fc.record({
      kind: fc.constantFrom<'insert' | 'delete' | 'replace' | 'eol' | 'duplicate'>('insert', 'delete', 'replace', 'eol', 'duplicate'),
      at: fc.nat(),
      len: fc.nat({ max: 6 }),
      s: fc.oneof(fragment, fc.constantFrom(' ', '  ', '\n', '- ', ': ', '"', "'", '[', ']', ',', 'x')),
      eol: fc.constantFrom('\n', '\r\n'),
    });
    check(
      'fast yaml: mutated roles',
      fc.property(roleSpec, fc.array(edit, { maxLength: 3 }), (spec, edits) => {
        const src = edits
          .reduce((t, e) => applyEdit(t, { ...e, kind: e.kind }), frontmatterOf(renderRole(spec)))
          .replace(/\r(?!\n)/g, '\n');
        total++;
        if (agrees(src)) taken++;
      }),
      runs(1000, 2),
    );
    assert.ok(taken >= total / 5, `the fast path took ${taken} of ${total}: too few to compare`);
  });

  it('parseFile gives the same result on the fast path as through the yaml package', () => {
    check(
      'fast yaml: parseFile',
      fc.property(roleSpec, (spec) => {
        const text = renderRole(spec);
        const fast = parseFile('file:///r.md', text);
        // A comment line sends the same file down the yaml package's path.
        const slow = parseFile('file:///r.md', text.replace(/^(role: .*)$/m, '$1 # comment'));
        assert.deepStrictEqual(JSON.parse(JSON.stringify(fast)), JSON.parse(JSON.stringify(slow)));
      }),
      runs(150),
    );
  });
});
