/**
 * Quick latency check of the role lookup (src/core/lookup.ts) on a synthetic handbook:
 *
 *   npx tsx scripts/lookup-latency.ts [ROLES=10000] [TEXT_DIR=builtin/roles]
 *
 * Each role's title, summary, focus, 12 responsibilities and 6 success criteria are word windows
 * of the Markdown under TEXT_DIR (point it at real handbook pages for a realistic vocabulary).
 * It times every prefix of a few typed queries, as the quick pick runs them, keystroke by
 * keystroke. The project's benchmark (bench/) is the reference; this is a developer's probe.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LookupCache, RoleSearch, type SearchableRole } from '../src/core/lookup';

const count = Number(process.argv[2] ?? 10_000);
const dir = process.argv[3] ?? path.join(__dirname, '..', 'builtin', 'roles');
const words = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\s+/))
  .filter((w) => /[a-z]/i.test(w));
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const window = (n: number) => {
  const i = Math.floor(random() * Math.max(1, words.length - n));
  return words.slice(i, i + n).join(' ');
};
const roles: SearchableRole[] = Array.from({ length: count }, (_, i) => ({
  id: `role-${i}`,
  title: `${window(3)} ${i}`,
  aliases: [{ value: `R${i}` }],
  summary: window(14),
  focus: [{ value: window(6) }, { value: window(5) }],
  responsibilities: Array.from({ length: 12 }, () => ({ text: window(11) })),
  successCriteria: Array.from({ length: 6 }, () => ({ value: window(10) })),
}));

const cache = new LookupCache();
let t = performance.now();
const search = new RoleSearch(roles, cache);
const cold = performance.now() - t;
t = performance.now();
new RoleSearch(
  roles.map((r, i) => (i === 5 ? { ...r, title: 'Changed' } : r)),
  cache,
);
const rebuild = performance.now() - t;
console.log(
  `${count} roles, ${words.length} source words, ${cache.termCount} terms: first build ${cold.toFixed(0)} ms, rebuild after one change ${rebuild.toFixed(0)} ms`,
);

const typed = (q: string) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1));
const queries = [
  ...typed('who owns onboarding?'),
  ...typed('engineering manager'),
  ...typed('code review'),
  ...typed('the team'),
  'a',
  'e',
  's',
  'zzz',
];
for (let k = 0; k < 3; k++) for (const q of queries) search.search(q, 50);
const times: number[] = [];
let worst = { q: '', ms: 0 };
for (const q of queries) {
  for (let k = 0; k < 15; k++) {
    t = performance.now();
    search.search(q, 50);
    const ms = performance.now() - t;
    times.push(ms);
    if (ms > worst.ms) worst = { q, ms };
  }
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
console.log(
  `${queries.length} keystrokes × 15: median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${worst.ms.toFixed(2)} ms (${JSON.stringify(worst.q)})`,
);
