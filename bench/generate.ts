/**
 * Deterministic generated handbooks for the benchmarks: realistic role files (a frontmatter of
 * some 45 lines, a short body with [[links]]), every reference resolving, and a few files with a
 * schema error so that every tool has something to report.
 */
import * as fs from 'fs';
import * as path from 'path';

/** A small deterministic PRNG (mulberry32), so runs compare on identical files. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'architecture delivery roadmap hiring mentoring budget security reliability platform quality ' +
  'customers product vision strategy process incidents reviews planning coaching standards ' +
  'observability data compliance vendors onboarding performance scalability culture feedback'
).split(' ');
const VERBS = 'Own Define Lead Review Plan Coach Hire Improve Measure Communicate Decide Support'.split(' ');
const AREAS = ['strategy', 'people', 'delivery', 'quality', 'operations'];
const TYPES = ['executive', 'manager', 'individual-contributor'];
const KINDS = ['symbiotic', 'reports-to', 'manages', 'peer', 'advises'];

export const roleId = (i: number) => `role-${String(i).padStart(5, '0')}`;
export const roleTitle = (i: number) => `Role ${i} Lead`;

export interface RoleOptions {
  /** How many roles the handbook has (references point inside it). */
  total: number;
  /** Give the file a schema error (an unknown role type). */
  schemaError?: boolean;
  /** Responsibilities (5 lines each, with id and area). */
  responsibilities?: number;
  /** Body paragraphs (about 4 lines each). */
  paragraphs?: number;
}

/** One role file. Role `i` refers to roles i-1, i+1, i+2 (mod total): references all resolve. */
export function roleFile(i: number, opts: RoleOptions): string {
  const rnd = prng(i + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const other = (k: number) => roleId((i + k + opts.total) % opts.total);
  const lines = [
    '---',
    `role: ${roleId(i)}`,
    `title: ${roleTitle(i)}`,
    `aliases: [R${i}]`,
    `type: ${opts.schemaError ? 'wizard' : pick(TYPES)}`,
    `summary: Owns ${phrase(3)} and ${phrase(2)} for the teams it serves.`,
    'focus:',
    `  - ${phrase(4)}`,
    `  - ${phrase(3)}`,
    'responsibilities:',
  ];
  const resp = opts.responsibilities ?? 6;
  for (let r = 0; r < resp; r++) {
    lines.push(
      `  - text: ${pick(VERBS)} the ${phrase(3)} of the ${phrase(2)} (${r + 1})`,
      `    id: ${pick(WORDS)}-${r + 1}`,
      `    area: ${pick(AREAS)}`,
    );
  }
  lines.push('successCriteria:', `  - Are the ${phrase(2)} goals met every quarter?`, `  - Do the teams trust the ${phrase(2)}?`);
  if (opts.total > 1) {
    lines.push(
      `sharesSuccessCriteriaOf: [${other(-1)}]`,
      'relationships:',
      `  - with: ${other(1)}`,
      `    kind: ${pick(KINDS)}`,
      `    note: Works closely on ${phrase(3)}.`,
    );
  }
  lines.push('---', '', `# ${roleTitle(i)}`, '');
  const paragraphs = opts.paragraphs ?? 3;
  for (let p = 0; p < paragraphs; p++) {
    const link =
      opts.total > 1 ? ` It works with [[${other(p % 2 ? 2 : 1)}]] and [[${roleTitle((i + 1) % opts.total)}]] on ${phrase(2)}.` : '';
    lines.push(
      `The ${roleTitle(i)} role cares about ${phrase(5)} and`,
      `keeps ${phrase(4)} healthy.${link}`,
      `Day to day it reviews ${phrase(4)}, plans ${phrase(3)}, and reports on \`${pick(WORDS)}\`.`,
      '',
    );
  }
  return lines.join('\n');
}

/** Writes `n` role files under dir/roles/ (one file in 20 with a schema error); returns the paths. */
export function writeHandbook(dir: string, n: number): string[] {
  const roles = path.join(dir, 'roles');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(roles, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(roles, `${roleId(i)}.md`);
    fs.writeFileSync(file, roleFile(i, { total: n, schemaError: i % 20 === 7 }));
    files.push(file);
  }
  return files;
}

/** A role file of about `bytes` characters: the frontmatter stays, the body grows. */
export function bigRoleFile(bytes: number): string {
  const head = roleFile(0, { total: 3, paragraphs: 0 });
  const para = roleFile(1, { total: 3, paragraphs: 1 }).split('\n---\n')[1];
  const parts = [head];
  let size = head.length;
  for (let k = 0; size < bytes; k++) {
    parts.push(para);
    size += para.length;
  }
  return parts.join('\n');
}
