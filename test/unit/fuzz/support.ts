/**
 * Shared pieces of the property-based tests: the case budget, the "range inside the document"
 * check, and generators of role files and of mutations of them.
 *
 * `npm test` runs a bounded number of cases per property (FUZZ_RUNS unset); `npm run fuzz` sets
 * FUZZ_RUNS (and FUZZ_SEED to replay) for a long run. Every property counts the cases it ran, and
 * the fuzz script prints the totals.
 */
import * as fc from 'fast-check';
import { LineMap, stripBom } from '../../../src/core/text';
import type { Range } from '../../../src/core/types';

const envRuns = Number(process.env.FUZZ_RUNS);
/** Scales a property's default case count: FUZZ_RUNS is the count for a weight-1 property. */
export function runs(defaultRuns: number, weight = 1): number {
  return Number.isFinite(envRuns) && envRuns > 0 ? Math.max(1, Math.round(envRuns * weight)) : defaultRuns;
}

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const counts = new Map<string, number>();

/** fc.assert with the budget, the optional seed, and a per-property case count. */
export function check<Ts>(name: string, property: fc.IPropertyWithHooks<Ts>, numRuns: number): void {
  let n = 0;
  const counted = property.beforeEach((prev: () => void) => {
    n++;
    prev();
  });
  try {
    fc.assert(counted, { numRuns, seed, endOnFailure: false });
  } finally {
    counts.set(name, (counts.get(name) ?? 0) + n);
  }
}

export function caseCounts(): ReadonlyMap<string, number> {
  return counts;
}

/** FUZZ_REPORT=1 prints the cases each property ran; a path gets them as JSON (scripts/fuzz.js). */
if (process.env.FUZZ_REPORT) {
  process.on('exit', () => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (process.env.FUZZ_REPORT === '1') {
      const rows = [...counts].map(([k, v]) => `  ${String(v).padStart(9)}  ${k}`);
      process.stdout.write(
        `\nfuzz cases run${seed !== undefined ? ` (seed ${seed})` : ''}:\n${rows.join('\n')}\n  ${String(total).padStart(9)}  total\n`,
      );
    } else {
      require('fs').writeFileSync(
        process.env.FUZZ_REPORT,
        JSON.stringify({ seed, total, properties: Object.fromEntries(counts) }, null, 2),
      );
    }
  });
}

/** CPU milliseconds (user + system) of `f`: unlike wall time, barely moved by other processes. */
export function cpuMs<T>(f: () => T): { value: T; ms: number } {
  const before = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}

/** Asserts that a range lies inside `text` (after its BOM), start before end. */
export function assertInside(range: Range, text: string, what: string, lines = new LineMap(stripBom(text))): void {
  const body = stripBom(text);
  const ok = (line: number, column: number) => {
    if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || line > lines.lineCount || column < 1) return false;
    return lines.lineStart(line) + column - 1 <= lines.lineEnd(line);
  };
  const inside =
    ok(range.line, range.column) &&
    ok(range.endLine, range.endColumn) &&
    (range.endLine > range.line || (range.endLine === range.line && range.endColumn >= range.column));
  if (!inside) {
    throw new Error(`${what}: range ${JSON.stringify(range)} is not inside the document (${lines.lineCount} lines, ${body.length} chars)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Role files

export const ROLE_IDS = ['cto', 'head-of-engineering', 'tech-lead', 'engineer', 'vp-product', 'designer'];
const TITLES: Record<string, string> = {
  cto: 'Chief Technology Officer',
  'head-of-engineering': 'Head of Engineering',
  'tech-lead': 'Tech Lead',
  engineer: 'Engineer',
  'vp-product': 'VP Product',
  designer: 'Designer',
};
/** References a role file may make: known ids, titles, aliases, near misses and unknown names. */
export const REFERENCE_NAMES = [
  ...ROLE_IDS,
  'CTO',
  'Head of Engineering',
  'tech lead',
  'TL',
  'ctoo',
  'head-of-engineerin',
  'engineers',
  'nobody',
  'VP  Product',
];

export interface RoleSpec {
  id: string;
  title: string;
  aliases: string[];
  type: string;
  responsibilities: string[];
  shares: string[];
  relationships: { with: string; kind: string }[];
  extends?: string;
  level?: number;
  links: string[];
  eol: '\n' | '\r\n' | '\r';
}

export const roleSpec: fc.Arbitrary<RoleSpec> = fc
  .record({
    id: fc.constantFrom(...ROLE_IDS),
    title: fc.option(fc.constantFrom(...Object.values(TITLES), 'Tech  Lead', 'engineer'), { nil: undefined }),
    aliases: fc.subarray(['CTO', 'TL', 'HoE', 'Eng', 'ctoo']),
    type: fc.constantFrom('executive', 'manager', 'individual-contributor', 'wizard'),
    responsibilities: fc.array(fc.constantFrom('Set the vision', 'set  the vision', 'Hire people', 'Ship it', ''), { maxLength: 4 }),
    shares: fc.subarray(REFERENCE_NAMES, { maxLength: 2 }),
    relationships: fc.array(
      fc.record({ with: fc.constantFrom(...REFERENCE_NAMES), kind: fc.constantFrom('peer', 'advises', 'boss', 'reports-to', 'manages') }),
      { maxLength: 2 },
    ),
    extends: fc.option(fc.constantFrom(...REFERENCE_NAMES), { nil: undefined }),
    level: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    links: fc.subarray(REFERENCE_NAMES, { maxLength: 3 }),
    eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  })
  .map((r) => ({ ...r, title: r.title ?? TITLES[r.id] }));

const q = (s: string) => JSON.stringify(s);

export function renderRole(r: RoleSpec): string {
  const lines = ['---', `role: ${r.id}`, `title: ${q(r.title)}`];
  if (r.aliases.length) lines.push(`aliases: [${r.aliases.map(q).join(', ')}]`);
  lines.push(`type: ${r.type}`, 'responsibilities:');
  if (r.responsibilities.length === 0) lines.push('  - Do the job');
  for (const x of r.responsibilities) lines.push(`  - ${q(x)}`);
  if (r.shares.length) lines.push(`sharesSuccessCriteriaOf: [${r.shares.map(q).join(', ')}]`);
  if (r.extends !== undefined) lines.push(`extends: ${q(r.extends)}`);
  if (r.level !== undefined) lines.push(`level: ${r.level}`);
  if (r.relationships.length) {
    lines.push('relationships:');
    for (const rel of r.relationships) lines.push(`  - with: ${q(rel.with)}`, `    kind: ${rel.kind}`);
  }
  lines.push('---', '', `# ${r.title}`, '');
  lines.push(r.links.map((l) => `Works with [[${l}]].`).join(' ') || 'No links here.', '', '`[[not a link]]`', '');
  return lines.join(r.eol);
}

// ---------------------------------------------------------------------------------------------
// Mutations: random edits of a valid file

const FRAGMENTS = [
  '---',
  '...',
  ':',
  ': ',
  '- ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\uFEFF',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '\uDC00',
  '😀',
  '[[',
  ']]',
  '|',
  '`',
  '```',
  '~~~',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '&a ',
  '*a',
  '!!binary ',
  '!custom ',
  '? ',
  '#',
  '%YAML 1.2',
  'role: x',
  'role:',
  'title:',
  'type: manager',
  'responsibilities:',
  'aliases: [CTO, CTO]',
  'x-any: {a: [1, 2]}',
  '<<: *a',
  '@',
  '\\',
];

export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString('latin1')) },
);

type Edit = { kind: 'insert' | 'delete' | 'replace' | 'truncate' | 'eol' | 'duplicate'; at: number; len: number; s: string; eol: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'insert', 'delete', 'replace', 'truncate', 'eol', 'duplicate'),
  at: fc.nat(),
  len: fc.nat({ max: 12 }),
  s: fragment,
  eol: fc.constantFrom('\n', '\r\n', '\r'),
});

export function applyEdit(text: string, e: Edit): string {
  const at = text.length ? e.at % (text.length + 1) : 0;
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.s + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.len);
    case 'replace':
      return text.slice(0, at) + e.s + text.slice(at + e.len);
    case 'truncate':
      return text.slice(0, at);
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, e.eol);
    case 'duplicate': {
      const piece = text.slice(at, at + 40);
      return text.slice(0, at) + piece + piece + text.slice(at + 40);
    }
  }
}

/** A valid role file with 0–6 random edits. */
export const mutatedRole: fc.Arbitrary<string> = fc
  .tuple(roleSpec, fc.array(edit, { maxLength: 6 }))
  .map(([spec, edits]) => edits.reduce(applyEdit, renderRole(spec)));

/** Arbitrary text, mutated role files, and random "files" built of fragments. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: mutatedRole },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => `---\n${s}\n---\n${s}`) },
  { weight: 2, arbitrary: fc.array(fragment, { maxLength: 40 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(fragment, { maxLength: 30 }).map((a) => `---\nrole: x\n${a.join('')}\n---\n${a.reverse().join('')}`) },
);
