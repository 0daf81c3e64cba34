/**
 * A deterministic generated handbook for scale tests: `n` roles built directly as engine `Role`s
 * (no parsing), each with responsibilities drawn from a vocabulary of verbs, qualifiers and
 * subjects (some with an `area`, some without) and a few success-criterion questions.
 */
import type { Range, Role } from '../../../../src/core/types';

const VERBS = [
  'Own',
  'Plan',
  'Define',
  'Review',
  'Run',
  'Improve',
  'Measure',
  'Coordinate',
  'Lead',
  'Support',
  'Design',
  'Report on',
  'Budget for',
  'Hire for',
  'Mentor people on',
  'Document',
  'Audit',
  'Prioritise',
  'Negotiate',
  'Automate',
];
const QUALIFIERS = [
  'the quarterly',
  'the company-wide',
  'the regional',
  'the team',
  'the long-term',
  'the weekly',
  'the customer-facing',
  'the internal',
  'the security',
  'the hiring',
  'the release',
  'the platform',
  'the data',
  'the mobile',
  'the billing',
  'the partner',
];
const SUBJECTS = [
  'roadmap',
  'architecture',
  'incident process',
  'on-call rotation',
  'budget',
  'vendor contracts',
  'hiring pipeline',
  'onboarding',
  'career ladder',
  'performance reviews',
  'service levels',
  'deployment pipeline',
  'test strategy',
  'observability',
  'cost controls',
  'compliance evidence',
  'access reviews',
  'threat model',
  'data retention',
  'capacity plan',
  'product discovery',
  'pricing experiments',
  'support escalations',
  'documentation',
  'developer experience',
  'technical debt',
  'migration plan',
  'accessibility',
  'localisation',
  'analytics',
];
const AREAS = ['strategy', 'delivery', 'people', 'operations', 'security', 'finance', 'product', 'quality'];
const QUESTIONS = [
  'Is the {s} healthy?',
  'Do people trust the {s}?',
  'Is the {s} on budget?',
  'Does the {s} ship on time?',
  'Is the {s} measured every quarter?',
];

/** A small linear congruential generator: the same seed gives the same handbook. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const R: Range = { line: 1, column: 1, endLine: 1, endColumn: 2 };

export function generateHandbook(n: number, seed = 42): Role[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const roles: Role[] = [];
  for (let i = 0; i < n; i++) {
    const id = `role-${i}`;
    const responsibilities = Array.from({ length: 6 + Math.floor(rand() * 6) }, (_, k) => {
      const text = `${pick(VERBS)} ${pick(QUALIFIERS)} ${pick(SUBJECTS)}${rand() < 0.3 ? ` with the ${pick(SUBJECTS)} owners` : ''}`;
      return { text, id: `r-${k}`, area: rand() < 0.6 ? pick(AREAS) : undefined, range: R, textRange: R };
    });
    const successCriteria = Array.from({ length: Math.floor(rand() * 4) }, () => ({
      value: pick(QUESTIONS).replace('{s}', `${pick(QUALIFIERS).replace(/^the /, '')} ${pick(SUBJECTS)}`),
      range: R,
    }));
    roles.push({
      uri: `file:///handbook/roles/${id}.md`,
      id,
      title: `Role ${i}`,
      aliases: [],
      type: 'manager',
      focus: [],
      responsibilities,
      successCriteria,
      sharesSuccessCriteriaOf: rand() < 0.05 && i > 0 ? [{ value: `role-${Math.floor(rand() * i)}`, range: R }] : [],
      relationships: [],
      idRange: R,
      frontmatterRange: R,
    });
  }
  return roles;
}
